package dev.authwatch.websocket;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.jwt.Admission;
import dev.authwatch.metrics.AuthMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.web.socket.CloseStatus;

/**
 * In-band reauthentication ({@code {"type":"reauth","token":…}}): an admitted access
 * token (valid, its login and user not revoked) for the same user extends the
 * connection's life; a token for another user closes the connection; an invalid one is
 * refused and the connection lives until its current credential expires.
 */
final class Reauthentication {

	enum Outcome {

		SUCCESS, REJECTED, USER_MISMATCH;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	record Result(Outcome outcome, AuthDecision decision) {
	}

	static final CloseStatus USER_MISMATCH = CloseStatus.POLICY_VIOLATION.withReason("reauth as another user");

	private final Admission admission;

	private final CredentialExpiry expiry;

	private final AdmissionRecheck recheck;

	private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

	Reauthentication(Admission admission, CredentialExpiry expiry, AdmissionRecheck recheck, MeterRegistry meters) {
		this.admission = admission;
		this.expiry = expiry;
		this.recheck = recheck;
		for (Outcome outcome : Outcome.values()) {
			this.outcomes.put(outcome,
					Counter.builder(AuthMetricNames.WS_REAUTH)
						.description("In-band reauthentication attempts on open WebSocket connections")
						.tag(AuthMetricNames.TAG_RESULT, outcome.label())
						.register(meters));
		}
	}

	Result reauthenticate(ChatConnection connection, String token) {
		AuthDecision decision = this.admission.token(token);
		Outcome outcome = outcomeOf(connection, decision);
		this.outcomes.get(outcome).increment();
		if (outcome == Outcome.SUCCESS) {
			AuthenticatedPrincipal renewed = ((AuthDecision.Authenticated) decision).principal();
			connection.reauthenticated(renewed.withMethod(connection.principal().method()));
			// The new credential may have been revoked after it was admitted, before the
			// connection carried it.
			this.recheck.check(connection);
			this.expiry.schedule(connection);
		}
		else if (outcome == Outcome.USER_MISMATCH) {
			connection.close(USER_MISMATCH, DisconnectReason.POLICY);
		}
		return new Result(outcome, decision);
	}

	private static Outcome outcomeOf(ChatConnection connection, AuthDecision decision) {
		if (!(decision instanceof AuthDecision.Authenticated authenticated)) {
			return Outcome.REJECTED;
		}
		return authenticated.principal().userId().equals(connection.principal().userId()) ? Outcome.SUCCESS
				: Outcome.USER_MISMATCH;
	}

}
