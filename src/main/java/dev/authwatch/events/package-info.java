/**
 * The event log of authentication attempts and connection lifecycle, for the admin API
 * and the dashboard.
 */
@NullMarked
package dev.authwatch.events;

import org.jspecify.annotations.NullMarked;
