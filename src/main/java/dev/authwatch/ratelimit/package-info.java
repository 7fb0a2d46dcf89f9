/**
 * Rate limits, login lockout and connection caps, each keyed by client.
 */
@NullMarked
package dev.authwatch.ratelimit;

import org.jspecify.annotations.NullMarked;
