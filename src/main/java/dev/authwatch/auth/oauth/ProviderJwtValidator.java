package dev.authwatch.auth.oauth;

import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jwt.JWTParser;
import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.FailureReason;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * Validates the provider's JWTs with Spring Security's {@link NimbusJwtDecoder} against
 * the provider's JWK set ({@link JwksCache} keeps it and rate-limits refetches). The
 * decoder checks structure, algorithm and signature; {@link ProviderClaims} checks the
 * claims, so every answer maps onto the taxonomy:
 * <ul>
 * <li>no key for the token's {@code kid}/algorithm → {@code unknown_key}</li>
 * <li>bad signature or {@code alg: none} → {@code invalid_signature}</li>
 * <li>{@code exp}/{@code nbf}/{@code iss}/{@code aud} → {@code expired},
 * {@code not_yet_valid}, {@code wrong_issuer}, {@code wrong_audience}</li>
 * <li>anything else the decoder refuses → {@code malformed}</li>
 * <li>JWK set unreachable or unreadable → {@link ProviderUnavailableException}</li>
 * </ul>
 */
final class ProviderJwtValidator {

	private static final String NO_MATCHING_KEY = "no matching key";

	private final NimbusJwtDecoder decoder;

	private final ProviderClaims claims;

	ProviderJwtValidator(String jwksUri, List<String> algorithms, RestOperations http, JwksCache cache,
			ProviderClaims claims) {
		this.decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri)
			.restOperations(http)
			.cache(cache)
			.jwsAlgorithms((accepted) -> algorithms.forEach((name) -> accepted.add(algorithm(name))))
			.build();
		// Claims are checked by ProviderClaims, which knows the taxonomy; the decoder
		// only verifies.
		this.decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		this.claims = claims;
	}

	private static SignatureAlgorithm algorithm(String name) {
		SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
		if (algorithm == null) {
			throw new IllegalArgumentException("authwatch.oauth.jws-algorithms: unknown algorithm '" + name + "'");
		}
		return algorithm;
	}

	AuthDecision validate(String token) {
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (BadJwtException ex) {
			return rejected(token, ex);
		}
		catch (JwtException ex) {
			if (ex.getCause() instanceof RemoteKeySourceException) {
				throw new ProviderUnavailableException("The provider's JWK set could not be fetched", ex);
			}
			return AuthDecision.rejected(FailureReason.MALFORMED);
		}
		return this.claims.toDecision(jwt.getClaims());
	}

	private AuthDecision rejected(String token, BadJwtException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof BadJWSException) {
			return AuthDecision.rejectedClaiming(FailureReason.INVALID_SIGNATURE, unverifiedSubject(token));
		}
		if (cause instanceof BadJOSEException && String.valueOf(cause.getMessage()).contains(NO_MATCHING_KEY)) {
			return AuthDecision.rejectedClaiming(FailureReason.UNKNOWN_KEY, unverifiedSubject(token));
		}
		if (String.valueOf(ex.getMessage()).startsWith("Unsupported algorithm")) {
			return AuthDecision.rejected(FailureReason.INVALID_SIGNATURE, "Unsigned tokens are not accepted.");
		}
		return AuthDecision.rejected(FailureReason.MALFORMED);
	}

	/**
	 * For the monitor's drift detection only (see {@link AuthDecision.Rejected}); never
	 * trusted.
	 */
	private @Nullable String unverifiedSubject(String token) {
		try {
			String subject = ProviderClaims.subject(JWTParser.parse(token).getJWTClaimsSet().getClaims());
			return (subject != null) ? this.claims.userId(subject) : null;
		}
		catch (ParseException | RuntimeException ex) {
			return null;
		}
	}

}
