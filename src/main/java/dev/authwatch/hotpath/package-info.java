/**
 * The two structures the hot paths (handshake, metrics recorder) share, each kept for a
 * measured gain (docs/benchmarks.md): Caffeine caches that do their housekeeping on the
 * calling thread, and ring slots that keep neighbouring sequence numbers off one cache
 * line.
 */
@NullMarked
package dev.authwatch.hotpath;

import org.jspecify.annotations.NullMarked;
