package dev.authwatch.auth;

import org.jspecify.annotations.Nullable;

/**
 * One decision of the chain, as recorded by every {@link AuthAttemptListener}.
 *
 * @param method the method that claimed the credential, or {@code null} when none did (no
 * credential, or the origin was refused before any method looked)
 * @param principal the authenticated principal on success
 * @param failure the rejection reason on failure
 * @param durationNanos time spent deciding
 * @param claimedSubject on some rejections (a token whose signature failed), the user the
 * credential claims to be: <b>unverified</b>, for counting distinct users only, never to
 * be logged or exposed
 */
public record AuthAttempt(@Nullable AuthMethod method, @Nullable AuthenticatedPrincipal principal,
		@Nullable FailureReason failure, long durationNanos, @Nullable String claimedSubject) {

	public AuthAttempt(@Nullable AuthMethod method, @Nullable AuthenticatedPrincipal principal,
			@Nullable FailureReason failure, long durationNanos) {
		this(method, principal, failure, durationNanos, null);
	}

	public boolean succeeded() {
		return this.principal != null;
	}

}
