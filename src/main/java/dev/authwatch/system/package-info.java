/**
 * What the service takes from the system it runs on: the clock.
 */
@NullMarked
package dev.authwatch.system;

import org.jspecify.annotations.NullMarked;
