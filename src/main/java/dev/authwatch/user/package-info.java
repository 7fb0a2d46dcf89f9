/**
 * The user store: password users from configuration.
 */
@NullMarked
package dev.authwatch.user;

import org.jspecify.annotations.NullMarked;
