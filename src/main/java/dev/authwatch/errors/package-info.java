/**
 * How a rejected HTTP request is answered: the JSON
 * {@link dev.authwatch.errors.ErrorBody}, its one writer
 * {@link dev.authwatch.errors.ErrorResponses}, and the advice that answers and counts the
 * rejections reaching Spring MVC.
 */
@NullMarked
package dev.authwatch.errors;

import org.jspecify.annotations.NullMarked;
