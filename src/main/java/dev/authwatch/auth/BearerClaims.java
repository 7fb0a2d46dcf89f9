package dev.authwatch.auth;

import dev.authwatch.auth.BearerTokenRouter.Route;

import org.springframework.http.server.ServerHttpRequest;

/**
 * Whether a request's bearer token belongs to a method: the carrier rules of
 * {@link BearerTokenResolver} and the issuer routing of {@link BearerTokenRouter}, in one
 * place for every bearer method.
 */
public final class BearerClaims {

	/** What a method makes of the request's bearer credential. */
	public sealed interface Claim {

	}

	/** The token is this method's to validate. */
	public record Mine(String token) implements Claim {

		@Override
		public String toString() {
			return "Mine[token=…]";
		}

	}

	/**
	 * Decided without the method: not its credential, or rejected by the carrier or
	 * routing rules.
	 */
	public record Decided(AuthDecision decision) implements Claim {
	}

	private static final Decided NOT_MINE = new Decided(AuthDecision.notMine());

	private static final Decided FOREIGN_ISSUER = new Decided(AuthDecision.rejected(FailureReason.WRONG_ISSUER));

	private final BearerTokenResolver resolver;

	private final BearerTokenRouter router;

	public BearerClaims(BearerTokenResolver resolver, BearerTokenRouter router) {
		this.resolver = resolver;
		this.router = router;
	}

	public Claim claim(ServerHttpRequest request, Route mine) {
		BearerTokenResolver.Result result = this.resolver.resolve(request);
		if (result instanceof BearerTokenResolver.Found found) {
			Route route = this.router.route(found.token());
			if (route == mine) {
				return new Mine(found.token());
			}
			return (route == Route.FOREIGN) ? FOREIGN_ISSUER : NOT_MINE;
		}
		if (result instanceof BearerTokenResolver.Ambiguous ambiguous) {
			return new Decided(AuthDecision.rejected(FailureReason.MALFORMED, ambiguous.problem()));
		}
		return NOT_MINE;
	}

}
