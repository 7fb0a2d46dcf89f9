package dev.authwatch.auth;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Whether an authenticated credential has been revoked since it was issued: its login
 * (refresh family or session) or its user ("every credential issued before T is void").
 * Implemented by the token lifecycle; {@link dev.authwatch.auth.jwt.Admission} is the one
 * caller.
 */
public interface RevocationCheck {

	/**
	 * The answer a WebSocket handshake can afford: no store round trip beyond the one a
	 * family lookup costs, so a credential without a family is checked against the
	 * revocations this instance knows. The connection is checked against the store again
	 * once it is registered.
	 * @return {@code revoked}, {@code provider_unavailable} when the store cannot answer,
	 * or {@code null}
	 */
	AuthDecision.@Nullable Rejected atHandshake(AuthenticatedPrincipal principal);

	/**
	 * The store's answer, for everything but the handshake itself; when the store cannot
	 * answer, the revocations this instance knows.
	 */
	AuthDecision.@Nullable Rejected current(AuthenticatedPrincipal principal);

	/**
	 * {@link #current(AuthenticatedPrincipal)} for each credential, in the order given,
	 * in one store round trip.
	 * @return an answer per credential, {@code null} for one that stands
	 */
	default List<AuthDecision.@Nullable Rejected> current(List<AuthenticatedPrincipal> principals) {
		List<AuthDecision.@Nullable Rejected> answers = new ArrayList<>(principals.size());
		principals.forEach((principal) -> answers.add(current(principal)));
		return answers;
	}

}
