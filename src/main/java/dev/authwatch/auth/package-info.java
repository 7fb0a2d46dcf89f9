/**
 * The authentication chain: the {@link dev.authwatch.auth.Authenticator} extension point,
 * the closed failure taxonomy ({@link dev.authwatch.auth.FailureReason}), the origin and
 * bearer-token rules, and the gates every handshake passes.
 */
@NullMarked
package dev.authwatch.auth;

import org.jspecify.annotations.NullMarked;
