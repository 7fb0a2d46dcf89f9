/**
 * The admin API under {@code /api/admin} (metrics, sessions, the test connection, events,
 * the cluster), its access rules and the dashboard.
 */
@NullMarked
package dev.authwatch.admin;

import org.jspecify.annotations.NullMarked;
