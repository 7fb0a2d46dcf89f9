package dev.authwatch.auth.jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.support.TestJwtProperties;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Every header parameter registered for JWS (RFC 7515 §4.1, RFC 7797, the JWE-only ones
 * of RFC 7516 §4.1) and the edge cases of its value, against the HS256 verifier: each
 * token below is otherwise valid and signed with the current key, so the verdict is the
 * header's alone. {@code null} means accepted.
 */
class JoseHeaderParametersTest {

	private static final String KID = KeyFingerprint.of(TestSecrets.bytes(TestSecrets.CURRENT));

	private static final String PREVIOUS_KID = KeyFingerprint.of(TestSecrets.bytes(TestSecrets.PREVIOUS));

	private final AccessTokenValidator validator = new AccessTokenValidator(
			JwtKeyRing.of(TestSecrets.bytes(TestSecrets.CURRENT), TestSecrets.bytes(TestSecrets.PREVIOUS)),
			TestJwtProperties.withSecrets(TestSecrets.CURRENT, TestSecrets.PREVIOUS), Clock.systemUTC());

	/** {@code "alg":"HS256","typ":"at+jwt"} followed by {@code members}. */
	private static String header(String members) {
		return "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"" + (members.isEmpty() ? "" : "," + members) + "}";
	}

	private static Arguments verdict(String name, String header, @Nullable FailureReason expected) {
		return argumentSet(name, header, expected);
	}

	static Stream<Arguments> headers() {
		return Stream.of(
				// crit (RFC 7515 §4.1.11): no extension is understood, so any crit is
				// refused, and so are the
				// values the RFC calls errors in themselves.
				verdict("crit naming an extension", header("\"crit\":[\"x-ext\"],\"x-ext\":1"),
						FailureReason.MALFORMED),
				verdict("crit as an empty array (producers MUST NOT)", header("\"crit\":[]"), FailureReason.MALFORMED),
				verdict("crit that is not an array", header("\"crit\":\"exp\""), FailureReason.MALFORMED),
				verdict("crit as null", header("\"crit\":null"), FailureReason.MALFORMED),
				verdict("crit with a duplicate", header("\"crit\":[\"x\",\"x\"],\"x\":1"), FailureReason.MALFORMED),
				verdict("crit listing a registered parameter", header("\"crit\":[\"alg\"]"), FailureReason.MALFORMED),
				verdict("crit naming a member that is absent", header("\"crit\":[\"x-absent\"]"),
						FailureReason.MALFORMED),
				// b64 (RFC 7797 §3, §6): only meaningful when listed in crit; never
				// accepted.
				verdict("b64 false with crit", header("\"crit\":[\"b64\"],\"b64\":false"), FailureReason.MALFORMED),
				verdict("b64 false without crit", header("\"b64\":false"), FailureReason.MALFORMED),
				verdict("b64 true without crit", header("\"b64\":true"), FailureReason.MALFORMED),
				verdict("b64 not a boolean", header("\"b64\":\"false\""), FailureReason.MALFORMED),
				// JWE-only parameters (RFC 7516 §4.1.2, §4.1.3, §9): a JWS naming them is
				// refused.
				verdict("zip", header("\"zip\":\"DEF\""), FailureReason.MALFORMED),
				verdict("zip as null", header("\"zip\":null"), FailureReason.MALFORMED),
				verdict("enc (a JWE header on a JWS)", header("\"enc\":\"A256GCM\""), FailureReason.MALFORMED),
				verdict("enc as null", header("\"enc\":null"), FailureReason.MALFORMED),
				verdict("enc that is not a string", header("\"enc\":5"), FailureReason.MALFORMED),
				// Keys the token would choose or carry (RFC 8725 §3.10): never fetched,
				// never used, refused.
				verdict("jku", header("\"jku\":\"https://evil.example/jwks.json\""), FailureReason.MALFORMED),
				verdict("x5u", header("\"x5u\":\"https://evil.example/cert.pem\""), FailureReason.MALFORMED),
				verdict("jwk (embedded key)", header("\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}"),
						FailureReason.MALFORMED),
				verdict("x5c", header("\"x5c\":[\"MIIB\"]"), FailureReason.MALFORMED),
				verdict("x5t (no HMAC key has a certificate)", header("\"x5t\":\"dGh1bWJwcmludA\""),
						FailureReason.MALFORMED),
				verdict("x5t#S256", header("\"x5t#S256\":\"dGh1bWJwcmludA\""), FailureReason.MALFORMED),
				verdict("jku as null", header("\"jku\":null"), FailureReason.MALFORMED),
				verdict("x5t not a string", header("\"x5t\":5"), FailureReason.MALFORMED),
				// cty (RFC 7515 §4.1.10): an access token's payload is its claims; nested
				// JWTs are refused.
				verdict("cty JWT (nested token)", header("\"cty\":\"JWT\""), FailureReason.MALFORMED),
				verdict("cty jwt in lower case", header("\"cty\":\"jwt\""), FailureReason.MALFORMED),
				verdict("cty application/json", header("\"cty\":\"application/json\""), FailureReason.MALFORMED),
				verdict("cty as null", header("\"cty\":null"), FailureReason.MALFORMED),
				// kid (RFC 7515 §4.1.4): a case-sensitive string naming the current or
				// previous key.
				verdict("kid of the current key", header("\"kid\":\"" + KID + "\""), null),
				verdict("kid absent (current key)", header(""), null),
				verdict("kid as null", header("\"kid\":null"), FailureReason.MALFORMED),
				verdict("kid empty", header("\"kid\":\"\""), FailureReason.UNKNOWN_KEY),
				verdict("kid a number", header("\"kid\":5"), FailureReason.MALFORMED),
				verdict("kid an array", header("\"kid\":[\"" + KID + "\"]"), FailureReason.MALFORMED),
				verdict("kid an object", header("\"kid\":{}"), FailureReason.MALFORMED),
				verdict("kid in another case", header("\"kid\":\"" + swapCase(KID) + "\""), FailureReason.UNKNOWN_KEY),
				verdict("kid very long", header("\"kid\":\"" + "k".repeat(4000) + "\""), FailureReason.UNKNOWN_KEY),
				verdict("kid a path", header("\"kid\":\"../../../../dev/null\""), FailureReason.UNKNOWN_KEY),
				verdict("kid of the previous key on a current-key signature",
						header("\"kid\":\"" + PREVIOUS_KID + "\""), FailureReason.INVALID_SIGNATURE),
				// typ (RFC 7515 §4.1.9, RFC 9068 §2.1): media types compare
				// case-insensitively, "application/"
				// may be omitted; nothing else about the value is loose.
				verdict("typ at+jwt", header(""), null),
				verdict("typ AT+JWT", "{\"alg\":\"HS256\",\"typ\":\"AT+JWT\"}", null),
				verdict("typ application/at+jwt", "{\"alg\":\"HS256\",\"typ\":\"application/at+jwt\"}", null),
				verdict("typ Application/At+Jwt", "{\"alg\":\"HS256\",\"typ\":\"Application/At+Jwt\"}", null),
				verdict("typ with a dotless i (Unicode case folding)",
						"{\"alg\":\"HS256\",\"typ\":\"applıcation/at+jwt\"}", FailureReason.WRONG_TOKEN_TYPE),
				verdict("typ with a media type parameter", "{\"alg\":\"HS256\",\"typ\":\"at+jwt; charset=utf-8\"}",
						FailureReason.WRONG_TOKEN_TYPE),
				verdict("typ with another top-level type", "{\"alg\":\"HS256\",\"typ\":\"text/at+jwt\"}",
						FailureReason.WRONG_TOKEN_TYPE),
				verdict("typ with the prefix twice", "{\"alg\":\"HS256\",\"typ\":\"application/application/at+jwt\"}",
						FailureReason.WRONG_TOKEN_TYPE),
				verdict("typ with surrounding space", "{\"alg\":\"HS256\",\"typ\":\" at+jwt\"}",
						FailureReason.WRONG_TOKEN_TYPE),
				verdict("typ JWT", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", FailureReason.WRONG_TOKEN_TYPE),
				verdict("typ absent", "{\"alg\":\"HS256\"}", FailureReason.WRONG_TOKEN_TYPE),
				verdict("typ as null", "{\"alg\":\"HS256\",\"typ\":null}", FailureReason.MALFORMED),
				verdict("typ not a string", "{\"alg\":\"HS256\",\"typ\":1}", FailureReason.MALFORMED),
				// alg (RFC 7515 §4.1.1, RFC 8725 §3.1)
				verdict("alg as null", "{\"alg\":null,\"typ\":\"at+jwt\"}", FailureReason.MALFORMED),
				verdict("alg hs256 in lower case", "{\"alg\":\"hs256\",\"typ\":\"at+jwt\"}",
						FailureReason.INVALID_SIGNATURE),
				// The header's JSON (RFC 7515 §4: member names unique; RFC 7159 escapes
				// name the same member).
				verdict("duplicate kid", header("\"kid\":\"" + KID + "\",\"kid\":\"" + KID + "\""),
						FailureReason.MALFORMED),
				verdict("duplicate kid spelled with an escape",
						header("\"kid\":\"" + KID + "\",\"k\\u0069d\":\"other\""), FailureReason.MALFORMED),
				verdict("duplicate typ", header("\"typ\":\"at+jwt\""), FailureReason.MALFORMED),
				verdict("duplicate crit", header("\"crit\":[\"x\"],\"crit\":[\"x\"]"), FailureReason.MALFORMED),
				// Names are case-sensitive; unregistered parameters are ignored (RFC 7515
				// §4), null or not.
				verdict("KID in upper case is an unknown parameter", header("\"KID\":\"anything\""), null),
				verdict("Crit in another case is an unknown parameter", header("\"Crit\":[\"x\"]"), null),
				verdict("unregistered parameter as null", header("\"x-trace\":null"), null),
				verdict("JWE-only epk, unregistered for JWS", header("\"epk\":{\"kty\":\"EC\"}"), null));
	}

	@ParameterizedTest(name = "{argumentSetName}")
	@MethodSource("headers")
	void headerVerdict(String header, @Nullable FailureReason expected) {
		String token = TestTokens.raw(header, TestTokens.validPayload("alice", Instant.now().getEpochSecond()));

		AuthDecision decision = this.validator.validate(token);

		if (expected == null) {
			assertThat(decision).isInstanceOf(AuthDecision.Authenticated.class);
		}
		else {
			assertThat(decision).isInstanceOfSatisfying(AuthDecision.Rejected.class,
					(rejected) -> assertThat(rejected.reason()).as(rejected.message()).isEqualTo(expected));
		}
	}

	private static String swapCase(String text) {
		StringBuilder swapped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
		}
		return swapped.toString();
	}

}
