/**
 * The audit log of admin requests, with anonymous callers throttled; in memory or a Redis
 * stream.
 */
@NullMarked
package dev.authwatch.admin.audit;

import org.jspecify.annotations.NullMarked;
