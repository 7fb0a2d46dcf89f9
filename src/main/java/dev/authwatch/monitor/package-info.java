/**
 * The authentication monitor: a sliding window of attempts, health levels and the
 * {@code wsAuth} health indicator.
 */
@NullMarked
package dev.authwatch.monitor;

import org.jspecify.annotations.NullMarked;
