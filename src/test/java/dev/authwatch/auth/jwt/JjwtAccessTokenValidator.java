package dev.authwatch.auth.jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import io.jsonwebtoken.ClaimJwtException;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.jackson.io.JacksonDeserializer;
import io.jsonwebtoken.security.SecurityException;
import org.jspecify.annotations.Nullable;

/**
 * The jjwt-based validation {@link AccessTokenValidator} used before it verified tokens
 * itself, kept unchanged but for the verified-token cache and the check for a usable key
 * ring, as the oracle of {@code AccessTokenValidatorDifferentialTest}.
 */
final class JjwtAccessTokenValidator {

	private static final int MAX_FAMILY_LENGTH = 64;

	private static final int MAX_SUBJECT_LENGTH = 256;

	private final JwtParser parser;

	private final JsonMapper json;

	private final Clock clock;

	private final long clockSkewSeconds;

	private final int maxTokenLength;

	JjwtAccessTokenValidator(JwtKeyRing keyRing, JwtProperties properties, Clock clock) {
		this.clock = clock;
		this.json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
		this.clockSkewSeconds = properties.clockSkew().toSeconds();
		this.maxTokenLength = properties.maxTokenLength();
		this.parser = Jwts.parser()
			.keyLocator(new KeyRingLocator(keyRing))
			.json(new JacksonDeserializer<>(this.json))
			.clock(() -> Date.from(clock.instant()))
			.clockSkewSeconds(this.clockSkewSeconds)
			.requireIssuer(properties.issuer())
			.requireAudience(properties.audience())
			.build();
	}

	AuthDecision validate(String token) {
		if (token.length() > this.maxTokenLength) {
			return AuthDecision.rejected(FailureReason.MALFORMED,
					"The token is longer than " + this.maxTokenLength + " characters.");
		}
		if (!isCompactJws(token)) {
			return AuthDecision.rejected(FailureReason.MALFORMED,
					"The token is not a compact JWS (header.payload.signature).");
		}
		try {
			Claims claims = this.parser.parseSignedClaims(token).getPayload();
			return AuthDecision.authenticated(toPrincipal(claims));
		}
		catch (TokenRejectedException ex) {
			if (ex.reason() == FailureReason.UNKNOWN_KEY) {
				return new AuthDecision.Rejected(ex.reason(), ex.getMessage(), UnverifiedSubject.of(token));
			}
			return AuthDecision.rejected(ex.reason(), ex.getMessage());
		}
		catch (ExpiredJwtException ex) {
			return AuthDecision.rejected(FailureReason.EXPIRED);
		}
		catch (PrematureJwtException ex) {
			return AuthDecision.rejected(FailureReason.NOT_YET_VALID);
		}
		catch (ClaimJwtException ex) {
			return rejectedClaim(ex);
		}
		catch (SecurityException ex) {
			return AuthDecision.rejectedClaiming(FailureReason.INVALID_SIGNATURE, UnverifiedSubject.of(token));
		}
		catch (UnsupportedJwtException ex) {
			return isUnsecured(token)
					? AuthDecision.rejected(FailureReason.INVALID_SIGNATURE, "Unsigned tokens are not accepted.")
					: AuthDecision.rejected(FailureReason.MALFORMED);
		}
		catch (JwtException | IllegalArgumentException | ClassCastException ex) {
			return AuthDecision.rejected(FailureReason.MALFORMED);
		}
	}

	private boolean isUnsecured(String token) {
		try {
			byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
			return "none".equalsIgnoreCase(String.valueOf(this.json.readValue(header, Map.class).get("alg")));
		}
		catch (IllegalArgumentException | java.io.IOException ex) {
			return false;
		}
	}

	private static boolean isCompactJws(String token) {
		int first = token.indexOf('.');
		int second = (first < 0) ? -1 : token.indexOf('.', first + 1);
		return first > 0 && second > first + 1 && token.indexOf('.', second + 1) < 0;
	}

	private static AuthDecision rejectedClaim(ClaimJwtException ex) {
		String claim = (ex instanceof io.jsonwebtoken.IncorrectClaimException incorrect) ? incorrect.getClaimName()
				: (ex instanceof io.jsonwebtoken.MissingClaimException missing) ? missing.getClaimName() : "";
		if (Claims.ISSUER.equals(claim)) {
			return AuthDecision.rejected(FailureReason.WRONG_ISSUER);
		}
		if (Claims.AUDIENCE.equals(claim)) {
			return AuthDecision.rejected(FailureReason.WRONG_AUDIENCE);
		}
		return AuthDecision.rejected(FailureReason.MALFORMED);
	}

	private AuthenticatedPrincipal toPrincipal(Claims claims) {
		String subject = claims.getSubject();
		if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The token must name its subject (sub).");
		}
		Date expiration = claims.getExpiration();
		if (expiration == null) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The token must carry an expiry (exp).");
		}
		Date issuedAt = claims.getIssuedAt();
		if (issuedAt == null) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The token must carry its issue time (iat).");
		}
		if (issuedAt.toInstant().isAfter(this.clock.instant().plusSeconds(this.clockSkewSeconds))) {
			throw new TokenRejectedException(FailureReason.NOT_YET_VALID, "The token was issued in the future (iat).");
		}
		String id = claims.getId();
		if (id == null || id.isBlank()) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The token must carry an id (jti).");
		}
		return new AuthenticatedPrincipal(subject, roles(claims.get(AccessTokenValidator.ROLES_CLAIM)), AuthMethod.JWT,
				Instant.ofEpochMilli(expiration.getTime()), family(claims.get(AccessTokenValidator.FAMILY_CLAIM)),
				issuedAt.toInstant());
	}

	private static @Nullable String family(@Nullable Object claim) {
		if (claim == null) {
			return null;
		}
		if (!(claim instanceof String family) || family.isBlank() || family.length() > MAX_FAMILY_LENGTH) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The fid claim must be a short string.");
		}
		return family;
	}

	private static Set<String> roles(Object claim) {
		if (claim == null) {
			return Set.of();
		}
		if (!(claim instanceof Collection<?> values)) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The roles claim must be an array of strings.");
		}
		Set<String> roles = new HashSet<>(values.size());
		for (Object value : values) {
			if (!(value instanceof String role) || role.isBlank()) {
				throw new TokenRejectedException(FailureReason.MALFORMED,
						"The roles claim must be an array of strings.");
			}
			roles.add(role);
		}
		return roles;
	}

}
