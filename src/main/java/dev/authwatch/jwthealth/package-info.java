/**
 * Health of the JWT configuration: the self-test, drift against peers, rotations,
 * {@code /health/jwt} and its metrics.
 */
@NullMarked
package dev.authwatch.jwthealth;

import org.jspecify.annotations.NullMarked;
