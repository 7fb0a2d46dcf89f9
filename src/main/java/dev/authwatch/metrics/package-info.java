/**
 * Every meter: names in {@link dev.authwatch.metrics.AuthMetricNames}, every series
 * registered at zero from closed sets.
 */
@NullMarked
package dev.authwatch.metrics;

import org.jspecify.annotations.NullMarked;
