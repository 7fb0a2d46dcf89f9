package dev.authwatch.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;

/** Builds attempts for tests. */
final class Attempts {

	private Attempts() {
	}

	static AuthAttempt success(AuthMethod method, Duration latency) {
		AuthenticatedPrincipal principal = new AuthenticatedPrincipal("alice", Set.of("user"), method,
				Instant.parse("2030-01-01T00:00:00Z"));
		return new AuthAttempt(method, principal, null, latency.toNanos());
	}

	static AuthAttempt success(Duration latency) {
		return success(AuthMethod.JWT, latency);
	}

	static AuthAttempt failure(FailureReason reason, Duration latency) {
		return failure(AuthMethod.JWT, reason, latency);
	}

	static AuthAttempt failure(AuthMethod method, FailureReason reason, Duration latency) {
		return new AuthAttempt(method, null, reason, latency.toNanos());
	}

}
