/**
 * HTTP-level protections: the firewall, request body limits, and the security filter
 * chains of {@code /metrics} and everything else.
 */
@NullMarked
package dev.authwatch.security;

import org.jspecify.annotations.NullMarked;
