package dev.authwatch.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.authwatch.auth.jwt.KeyFingerprint;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

/**
 * Builds access tokens the way a third party holding the secret would, including
 * deliberately broken ones. Defaults match the service's defaults (issuer and audience
 * {@code authwatch}).
 */
public final class TestTokens {

	private TestTokens() {
	}

	public static String valid(String subject, String... roles) {
		return builder(TestSecrets.CURRENT, subject, Duration.ofMinutes(5)).claim("roles", List.of(roles)).compact();
	}

	public static String withTtl(String subject, Duration ttl) {
		return builder(TestSecrets.CURRENT, subject, ttl).claim("roles", List.of("user")).compact();
	}

	public static String signedWith(String secret, String subject, String... roles) {
		return builder(secret, subject, Duration.ofMinutes(5)).claim("roles", List.of(roles)).compact();
	}

	public static String customised(Consumer<JwtBuilder> customiser) {
		JwtBuilder builder = builder(TestSecrets.CURRENT, "alice", Duration.ofMinutes(5));
		customiser.accept(builder);
		return builder.compact();
	}

	/**
	 * A token with a valid-looking base shape, built from raw JSON and signed with HS256.
	 */
	public static String raw(String headerJson, String payloadJson) {
		String signingInput = encode(headerJson) + "." + encode(payloadJson);
		return signingInput + "." + hs256(TestSecrets.CURRENT, signingInput);
	}

	/**
	 * The base64url HS256 signature of the ASCII bytes of {@code signingInput} under
	 * {@code secret}.
	 */
	public static String hs256(String secret, String signingInput) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(TestSecrets.bytes(secret), "HmacSHA256"));
			return encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An unsecured JWS ({@code alg: none}) with otherwise valid claims. */
	public static String unsigned(String subject) {
		long now = Instant.now().getEpochSecond();
		return encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + encode(validPayload(subject, now)) + ".";
	}

	public static String validPayload(String subject, long now) {
		return "{\"iss\":\"authwatch\",\"aud\":\"authwatch\",\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":"
				+ (now + 300) + ",\"jti\":\"" + UUID.randomUUID() + "\",\"roles\":[\"user\"]}";
	}

	public static String currentHeader() {
		return "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\""
				+ KeyFingerprint.of(TestSecrets.bytes(TestSecrets.CURRENT)) + "\"}";
	}

	/** Unpadded base64url of the UTF-8 bytes of {@code json}. */
	public static String encode(String json) {
		return encode(json.getBytes(StandardCharsets.UTF_8));
	}

	public static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static JwtBuilder builder(String secret, String subject, Duration ttl) {
		Instant now = Instant.now();
		return Jwts.builder()
			.header()
			.type("at+jwt")
			.keyId(KeyFingerprint.of(TestSecrets.bytes(secret)))
			.and()
			.issuer("authwatch")
			.audience()
			.add("authwatch")
			.and()
			.subject(subject)
			.issuedAt(Date.from(now.minusSeconds(1)))
			.expiration(Date.from(now.plus(ttl)))
			.id(UUID.randomUUID().toString())
			.signWith(Keys.hmacShaKeyFor(TestSecrets.bytes(secret)), Jwts.SIG.HS256);
	}

}
