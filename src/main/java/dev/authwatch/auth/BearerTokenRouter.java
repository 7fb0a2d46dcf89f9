package dev.authwatch.auth;

import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Decides which chain method owns a bearer token (SPEC §1), the way Spring Security
 * resolves issuers: a compact JWS whose unverified {@code iss} is AuthWatch's own (or
 * absent) belongs to {@code jwt}; an opaque token or a JWS carrying the external
 * provider's issuer belongs to {@code oauth}; any other JWS is {@link Route#FOREIGN} and
 * rejected as {@code wrong_issuer}.
 * <p>
 * Without an external provider every token routes to {@code jwt} without being looked at,
 * so the hot path and the answers stay exactly as they were. With one, only the payload's
 * top-level {@code iss} is streamed; a payload that cannot be read routes to {@code jwt},
 * whose validator answers {@code malformed}. Nothing read here is trusted: the owner
 * still verifies the token.
 */
public final class BearerTokenRouter {

	public enum Route {

		JWT, OAUTH, FOREIGN

	}

	/**
	 * The external OAuth provider, contributed as a bean when the oauth method is
	 * configured.
	 */
	public record ExternalProvider(@Nullable String issuer) {
	}

	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final String ownIssuer;

	private final @Nullable ExternalProvider provider;

	public BearerTokenRouter(String ownIssuer, @Nullable ExternalProvider provider) {
		this.ownIssuer = ownIssuer;
		this.provider = provider;
	}

	public Route route(String token) {
		if (this.provider == null) {
			return Route.JWT;
		}
		int first = token.indexOf('.');
		int second = (first < 0) ? -1 : token.indexOf('.', first + 1);
		if (second < 0 || token.indexOf('.', second + 1) >= 0) {
			return Route.OAUTH;
		}
		String issuer;
		try {
			issuer = issuerOf(Base64.getUrlDecoder().decode(token.substring(first + 1, second)));
		}
		catch (RuntimeException ex) {
			return Route.JWT;
		}
		if (issuer == null || issuer.equals(this.ownIssuer)) {
			return Route.JWT;
		}
		return issuer.equals(this.provider.issuer()) ? Route.OAUTH : Route.FOREIGN;
	}

	/**
	 * The top-level {@code iss} string, or null when absent; throws when the payload is
	 * not a JSON object.
	 */
	private static @Nullable String issuerOf(byte[] payload) {
		try (JsonParser parser = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), payload)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("payload is not a JSON object");
			}
			String issuer = null;
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("iss".equals(name)) {
					if (value != JsonToken.VALUE_STRING) {
						throw new IllegalArgumentException("iss is not a string");
					}
					issuer = parser.getString();
				}
				else {
					parser.skipChildren();
				}
			}
			return issuer;
		}
	}

}
