package dev.authwatch.auth.jwt;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.support.MutableClock;
import dev.authwatch.support.TestJwtProperties;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation decisions of RFC 8725 / RFC 9068 that AuthWatch makes beyond jjwt's
 * defaults.
 */
class AccessTokenValidatorTest {

	private static final JwtProperties PROPERTIES = TestJwtProperties.withSecrets(TestSecrets.CURRENT,
			TestSecrets.PREVIOUS);

	private final JwtKeyRing keyRing = JwtKeyRing.of(TestSecrets.bytes(TestSecrets.CURRENT),
			TestSecrets.bytes(TestSecrets.PREVIOUS));

	private final AccessTokenValidator validator = new AccessTokenValidator(this.keyRing, PROPERTIES,
			Clock.systemUTC());

	@Test
	void validTokenYieldsPrincipalWithRolesAndExpiry() {
		AuthDecision decision = this.validator.validate(TestTokens.valid("alice", "user", "admin"));

		assertThat(decision).isInstanceOfSatisfying(AuthDecision.Authenticated.class, (authenticated) -> {
			AuthenticatedPrincipal principal = authenticated.principal();
			assertThat(principal.userId()).isEqualTo("alice");
			assertThat(principal.roles()).containsExactlyInAnyOrder("user", "admin");
			assertThat(principal.method()).isEqualTo(AuthMethod.JWT);
			assertThat(principal.expiresAt()).isAfter(Instant.now());
		});
	}

	@Test
	void tokensIssuedByTheServiceValidate() {
		AccessTokenIssuer issuer = new AccessTokenIssuer(this.keyRing, PROPERTIES, Clock.systemUTC());

		assertThat(this.validator.validate(issuer.issue("bob", List.of("user")).value()))
			.isInstanceOf(AuthDecision.Authenticated.class);
	}

	@Test
	void tokenSignedWithThePreviousKeyStillValidatesDuringRotation() {
		assertThat(this.validator.validate(TestTokens.signedWith(TestSecrets.PREVIOUS, "alice")))
			.isInstanceOf(AuthDecision.Authenticated.class);
	}

	@Test
	void tokenWithoutKidIsCheckedAgainstTheCurrentKey() {
		String token = TestTokens.raw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}",
				TestTokens.validPayload("alice", now()));

		assertThat(this.validator.validate(token)).isInstanceOf(AuthDecision.Authenticated.class);
	}

	@Test
	void expiredBeyondClockSkewIsExpired() {
		String token = TestTokens.customised((b) -> b.issuedAt(ago(120)).expiration(ago(31)));

		assertRejected(token, FailureReason.EXPIRED);
	}

	@Test
	void expiredWithinClockSkewIsAccepted() {
		String token = TestTokens.customised((b) -> b.issuedAt(ago(120)).expiration(ago(20)));

		assertThat(this.validator.validate(token)).isInstanceOf(AuthDecision.Authenticated.class);
	}

	@Test
	void notBeforeInTheFutureIsNotYetValid() {
		assertRejected(TestTokens.customised((b) -> b.notBefore(inSeconds(120))), FailureReason.NOT_YET_VALID);
	}

	@Test
	void issuedInTheFutureIsNotYetValid() {
		assertRejected(TestTokens.customised((b) -> b.issuedAt(inSeconds(120))), FailureReason.NOT_YET_VALID);
	}

	@Test
	void wrongSecretIsInvalidSignature() {
		String foreign = TestTokens.customised((b) -> b.signWith(
				io.jsonwebtoken.security.Keys.hmacShaKeyFor(TestSecrets.bytes(TestSecrets.FOREIGN)), Jwts.SIG.HS256));

		assertRejected(foreign, FailureReason.INVALID_SIGNATURE);
	}

	@Test
	void unknownKidIsUnknownKey() {
		assertRejected(TestTokens.signedWith(TestSecrets.FOREIGN, "alice"), FailureReason.UNKNOWN_KEY);
	}

	@Test
	void unsignedTokenIsRejected() {
		assertRejected(TestTokens.unsigned("alice"), FailureReason.INVALID_SIGNATURE);
	}

	@Test
	void otherAlgorithmsThanHs256AreRejected() {
		String hs512Header = "{\"alg\":\"HS512\",\"typ\":\"at+jwt\"}";

		assertRejected(TestTokens.raw(hs512Header, TestTokens.validPayload("alice", now())),
				FailureReason.INVALID_SIGNATURE);
	}

	@Test
	void wrongOrMissingIssuerIsWrongIssuer() {
		assertRejected(TestTokens.customised((b) -> b.issuer("someone-else")), FailureReason.WRONG_ISSUER);
		assertRejected(TestTokens.customised((b) -> b.issuer(null)), FailureReason.WRONG_ISSUER);
	}

	@Test
	void wrongOrMissingAudienceIsWrongAudience() {
		assertRejected(TestTokens.customised((b) -> b.audience().single("other-service")),
				FailureReason.WRONG_AUDIENCE);
		String noAudience = "{\"iss\":\"authwatch\",\"sub\":\"alice\",\"iat\":" + now() + ",\"exp\":" + (now() + 60)
				+ ",\"jti\":\"1\"}";
		assertRejected(TestTokens.raw(TestTokens.currentHeader(), noAudience), FailureReason.WRONG_AUDIENCE);
	}

	@Test
	void audienceArrayContainingTheServiceIsAccepted() {
		String token = TestTokens.customised((b) -> b.audience().add("other-service"));

		assertThat(this.validator.validate(token)).isInstanceOf(AuthDecision.Authenticated.class);
	}

	@Test
	void missingOrForeignTypeIsWrongTokenType() {
		String noType = "{\"alg\":\"HS256\"}";
		assertRejected(TestTokens.raw(noType, TestTokens.validPayload("alice", now())), FailureReason.WRONG_TOKEN_TYPE);
		assertRejected(TestTokens.customised((b) -> b.header().type("JWT")), FailureReason.WRONG_TOKEN_TYPE);
	}

	@Test
	void requiredClaimsMissingAreMalformed() {
		long now = now();
		String noExp = "{\"iss\":\"authwatch\",\"aud\":\"authwatch\",\"sub\":\"a\",\"iat\":" + now + ",\"jti\":\"1\"}";
		String noSub = "{\"iss\":\"authwatch\",\"aud\":\"authwatch\",\"iat\":" + now + ",\"exp\":" + (now + 60)
				+ ",\"jti\":\"1\"}";
		String noJti = "{\"iss\":\"authwatch\",\"aud\":\"authwatch\",\"sub\":\"a\",\"iat\":" + now + ",\"exp\":"
				+ (now + 60) + "}";
		String noIat = "{\"iss\":\"authwatch\",\"aud\":\"authwatch\",\"sub\":\"a\",\"exp\":" + (now + 60)
				+ ",\"jti\":\"1\"}";

		for (String payload : List.of(noExp, noSub, noJti, noIat)) {
			assertRejected(TestTokens.raw(TestTokens.currentHeader(), payload), FailureReason.MALFORMED);
		}
	}

	@Test
	void duplicatedClaimIsMalformedRatherThanLastOneWins() {
		String duplicated = TestTokens.validPayload("alice", now())
			.replace("\"sub\":\"alice\"", "\"sub\":\"alice\",\"sub\":\"admin\"");

		assertRejected(TestTokens.raw(TestTokens.currentHeader(), duplicated), FailureReason.MALFORMED);
	}

	@Test
	void mistypedClaimsAreMalformed() {
		String rolesAsString = TestTokens.validPayload("alice", now()).replace("[\"user\"]", "\"admin\"");
		String expAsWord = TestTokens.validPayload("alice", now()).replaceFirst("\"exp\":\\d+", "\"exp\":\"tomorrow\"");
		String subAsNumber = TestTokens.validPayload("alice", now()).replace("\"sub\":\"alice\"", "\"sub\":42");

		assertRejected(TestTokens.raw(TestTokens.currentHeader(), rolesAsString), FailureReason.MALFORMED);
		assertRejected(TestTokens.raw(TestTokens.currentHeader(), expAsWord), FailureReason.MALFORMED);
		assertRejected(TestTokens.raw(TestTokens.currentHeader(), subAsNumber), FailureReason.MALFORMED);
	}

	@Test
	void headersThatLetTheTokenChooseItsKeyAreRefused() {
		String jku = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"jku\":\"https://evil.example/keys\"}";

		assertRejected(TestTokens.raw(jku, TestTokens.validPayload("alice", now())), FailureReason.MALFORMED);
	}

	@Test
	void criticalExtensionsAndCompressionAreRefused() {
		String crit = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"crit\":[\"exp\"],\"exp\":1}";
		String zip = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"zip\":\"DEF\"}";

		assertRejected(TestTokens.raw(crit, TestTokens.validPayload("alice", now())), FailureReason.MALFORMED);
		assertRejected(TestTokens.raw(zip, TestTokens.validPayload("alice", now())), FailureReason.MALFORMED);
	}

	@Test
	void numericDatesMustBeJsonNumbers() {
		String expAsDigits = TestTokens.validPayload("alice", now()).replaceFirst("\"exp\":(\\d+)", "\"exp\":\"$1\"");
		String iatAsIsoDate = TestTokens.validPayload("alice", now())
			.replaceFirst("\"iat\":\\d+", "\"iat\":\"2026-01-01T00:00:00Z\"");
		String fractionalExp = TestTokens.validPayload("alice", now()).replaceFirst("\"exp\":(\\d+)", "\"exp\":$1.5");

		assertRejected(TestTokens.raw(TestTokens.currentHeader(), expAsDigits), FailureReason.MALFORMED);
		assertRejected(TestTokens.raw(TestTokens.currentHeader(), iatAsIsoDate), FailureReason.MALFORMED);
		assertThat(this.validator.validate(TestTokens.raw(TestTokens.currentHeader(), fractionalExp)))
			.isInstanceOf(AuthDecision.Authenticated.class);
	}

	@Test
	void claimsAreNotReadBeforeTheSignatureHolds() {
		String token = TestTokens.raw(TestTokens.currentHeader(), "{\"sub\":42,\"sub\":[");
		String badSignature = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);

		assertRejected(token, FailureReason.MALFORMED);
		assertRejected(badSignature, FailureReason.INVALID_SIGNATURE);
	}

	@Test
	void unknownHeadersAndClaimsAreIgnored() {
		String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"x-trace\":{\"id\":[1,2]}}";
		String payload = TestTokens.validPayload("alice", now())
			.replace("}", ",\"scope\":\"chat\",\"nested\":{\"a\":null}}");

		assertThat(this.validator.validate(TestTokens.raw(header, payload)))
			.isInstanceOf(AuthDecision.Authenticated.class);
	}

	@Test
	void mistypedOrDuplicatedHeaderMembersAreMalformedWhateverElseIsWrong() {
		String mistypedKid = "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":5}";
		String duplicatedAlg = "{\"alg\":\"HS256\",\"alg\":\"HS256\",\"typ\":\"JWT\"}";

		assertRejected(TestTokens.raw(mistypedKid, TestTokens.validPayload("alice", now())), FailureReason.MALFORMED);
		assertRejected(TestTokens.raw(duplicatedAlg, TestTokens.validPayload("alice", now())), FailureReason.MALFORMED);
	}

	@Test
	void jsonThatIsNotOneUtf8ObjectIsMalformed() {
		String payload = TestTokens.validPayload("alice", now());
		String headerThenMore = TestTokens.encode(TestTokens.currentHeader() + "{}") + "." + TestTokens.encode(payload);
		String latin1Header = TestTokens.encode(TestTokens.currentHeader()
			.replace("at+jwt", "at+jwt\u00e9")
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) + "." + TestTokens.encode(payload);

		assertRejected(TestTokens.raw(TestTokens.currentHeader(), payload + " {}"), FailureReason.MALFORMED);
		assertRejected(headerThenMore + "." + TestTokens.hs256(TestSecrets.CURRENT, headerThenMore),
				FailureReason.MALFORMED);
		assertRejected(latin1Header + "." + TestTokens.hs256(TestSecrets.CURRENT, latin1Header),
				FailureReason.MALFORMED);
	}

	@Test
	void contentTypesAndEmptyKeyReferencesAreRefused() {
		String contentType = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"cty\":\"JWT\"}";
		String emptyJwk = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"jwk\":{}}";

		assertRejected(TestTokens.raw(contentType, TestTokens.validPayload("alice", now())), FailureReason.MALFORMED);
		assertRejected(TestTokens.raw(emptyJwk, TestTokens.validPayload("alice", now())), FailureReason.MALFORMED);
	}

	@Test
	void onlyTheOneCanonicalSpellingOfAValidTokenIsAccepted() {
		String token = TestTokens.valid("alice");
		char last = token.charAt(token.length() - 1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		String strayBits = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);

		assertRejected(token + "=", FailureReason.MALFORMED);
		assertRejected(strayBits, FailureReason.INVALID_SIGNATURE);
		assertRejected(token.replaceFirst("\\.", ". "), FailureReason.MALFORMED);
		assertRejected("\u00e9" + token, FailureReason.MALFORMED);
	}

	@Test
	void garbageIsMalformed() {
		assertRejected("not.a.jwt", FailureReason.MALFORMED);
		assertRejected("opaque-token-without-dots", FailureReason.MALFORMED);
		assertRejected("a.b.c.d.e", FailureReason.MALFORMED);
		assertRejected("..", FailureReason.MALFORMED);
	}

	@Test
	void oversizedTokenIsRejectedBeforeParsing() {
		String huge = TestTokens.customised((b) -> b.claim("padding", "x".repeat(9000)));

		AuthDecision decision = this.validator.validate(huge);

		assertThat(decision).isInstanceOfSatisfying(AuthDecision.Rejected.class, (rejected) -> {
			assertThat(rejected.reason()).isEqualTo(FailureReason.MALFORMED);
			assertThat(rejected.message()).contains("longer than 8192");
		});
	}

	@Test
	void tokenSeenBeforeIsRejectedAsExpiredOnceItExpires() {
		MutableClock clock = new MutableClock(Instant.now());
		AccessTokenValidator remembering = new AccessTokenValidator(this.keyRing, PROPERTIES, clock);
		String token = new AccessTokenIssuer(this.keyRing, PROPERTIES, clock)
			.issue("carol", List.of("user"), Duration.ofMinutes(1))
			.value();
		assertThat(remembering.validate(token)).isInstanceOf(AuthDecision.Authenticated.class);
		assertThat(remembering.validate(token)).isInstanceOf(AuthDecision.Authenticated.class);

		clock.advance(Duration.ofMinutes(2));

		assertThat(remembering.validate(token)).isInstanceOfSatisfying(AuthDecision.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(FailureReason.EXPIRED));
	}

	@Test
	void tokenSeenBeforeWithAnotherSignatureIsStillRejected() {
		String token = TestTokens.valid("alice");
		assertThat(this.validator.validate(token)).isInstanceOf(AuthDecision.Authenticated.class);
		String forged = token.substring(0, token.lastIndexOf('.') + 1)
				+ TestTokens.signedWith(TestSecrets.PREVIOUS, "mallory")
					.substring(TestTokens.signedWith(TestSecrets.PREVIOUS, "mallory").lastIndexOf('.') + 1);

		assertRejected(forged, FailureReason.INVALID_SIGNATURE);
	}

	private void assertRejected(String token, FailureReason expected) {
		AuthDecision decision = this.validator.validate(token);
		assertThat(decision).isInstanceOfSatisfying(AuthDecision.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).as(rejected.message()).isEqualTo(expected));
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

	private static Date ago(long seconds) {
		return Date.from(Instant.now().minusSeconds(seconds));
	}

	private static Date inSeconds(long seconds) {
		return Date.from(Instant.now().plusSeconds(seconds));
	}

}
