package dev.authwatch.auth.jwt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.support.TestJwtProperties;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SignatureAlgorithm;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written verifier decides like the jjwt-based validation it replaced, kept as
 * the oracle ({@link JjwtAccessTokenValidator}): for tokens the service issues, tokens
 * breaking each header and claim rule alone and together, mistyped and duplicated
 * members, bad encodings, swapped, truncated and garbled parts, other algorithms and
 * dates around the clock skew, the same acceptance, the same principal, the same reason
 * and the same claimed subject. Where it is deliberately stricter than jjwt,
 * {@link #deliberateDifferences()} lists each case with both answers.
 */
class AccessTokenValidatorDifferentialTest {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123456789Z");

	private static final long T = NOW.getEpochSecond();

	private static final String CURRENT_KID = KeyFingerprint.of(TestSecrets.bytes(TestSecrets.CURRENT));

	private static final String PREVIOUS_KID = KeyFingerprint.of(TestSecrets.bytes(TestSecrets.PREVIOUS));

	private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();

	private final JwtKeyRing keyRing = JwtKeyRing.of(TestSecrets.bytes(TestSecrets.CURRENT),
			TestSecrets.bytes(TestSecrets.PREVIOUS));

	private final JwtProperties properties = TestJwtProperties.withSecrets(TestSecrets.CURRENT, TestSecrets.PREVIOUS);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final Pair fractionalNow = new Pair(this.clock, this.properties);

	private final List<String> mismatches = new ArrayList<>();

	private int compared;

	@Test
	void tokensTheServiceIssues() {
		for (JwtKeyRing signer : List.of(this.keyRing, ring(TestSecrets.PREVIOUS), ring(TestSecrets.FOREIGN))) {
			AccessTokenIssuer issuer = new AccessTokenIssuer(signer, this.properties, this.clock);
			for (String subject : List.of("alice", "bob@example.com", "zoë", " padded ", "s".repeat(256),
					"s".repeat(257))) {
				for (List<String> roles : List.of(List.<String>of(), List.of("user"), List.of("user", "admin"),
						List.of(""))) {
					for (String family : new String[] { null, "family-1", "f".repeat(64), "f".repeat(65) }) {
						for (Duration ttl : List.of(Duration.ofSeconds(1), Duration.ofMinutes(15),
								Duration.ofDays(400))) {
							compare(this.fractionalNow, issuer.issue(subject, roles, ttl, family).value());
						}
					}
				}
			}
		}
		assertNoMismatches(800);
	}

	@Test
	void everyHeaderWithEveryClaimSetAndSignature() {
		for (String header : headers()) {
			for (String claims : claimSets()) {
				String signingInput = TestTokens.encode(header) + "." + TestTokens.encode(claims);
				for (UnaryOperator<String> signature : signatures()) {
					String token = signingInput + "." + signature.apply(signingInput);
					if (refusedHeaders().containsKey(header)) {
						compareRefusedHeader(token);
					}
					else {
						compare(this.fractionalNow, token);
					}
				}
			}
		}
		assertNoMismatches(80_000);
	}

	@Test
	void swappedTruncatedAndGarbledPartsOfIssuedTokens() {
		AccessTokenIssuer issuer = new AccessTokenIssuer(this.keyRing, this.properties, this.clock);
		for (String subject : List.of("alice", "zoë")) {
			String token = issuer.issue(subject, List.of("user"), Duration.ofMinutes(5), "family-1").value();
			String[] parts = token.split("\\.", -1);
			for (String shuffled : List.of(parts[1] + "." + parts[0] + "." + parts[2],
					parts[0] + "." + parts[2] + "." + parts[1], parts[2] + "." + parts[1] + "." + parts[0],
					parts[0] + "." + parts[1], parts[0] + ".." + parts[2], "." + parts[1] + "." + parts[2],
					parts[0] + "." + parts[1] + ".", token + ".", token + "." + parts[2],
					token + ".." + parts[2] + "." + parts[2], parts[0] + "." + parts[0] + "." + parts[2])) {
				compare(this.fractionalNow, shuffled);
			}
			for (int length = 0; length < token.length(); length++) {
				if (length != token.lastIndexOf('.') + 2) { // a one-character signature:
															// see deliberateDifferences()
					compare(this.fractionalNow, token.substring(0, length));
				}
			}
			for (String appended : List.of("A", "AA", "AAA", "AAAA", "AAAAA")) {
				compare(this.fractionalNow, token + appended);
			}
			for (String whitespace : List.of(" ", "\t", "\n", "\r\n")) {
				compare(this.fractionalNow, token + whitespace);
				compare(this.fractionalNow, whitespace + token);
				compare(this.fractionalNow, parts[0] + whitespace + "." + parts[1] + "." + parts[2]);
				compare(this.fractionalNow, parts[0] + "." + whitespace + parts[1] + "." + parts[2]);
				compare(this.fractionalNow, parts[0] + "." + parts[1] + "." + whitespace + parts[2]);
			}
			// jjwt skipped characters outside the alphabet at either end of a part and
			// read '=' in ways of its
			// own, and a last character may differ only in its unused bits: see
			// deliberateDifferences().
			for (int index = 0; index < token.length(); index++) {
				if (isLastCharacterOfAPart(token, index)) {
					continue;
				}
				boolean first = (index == 0 || token.charAt(index - 1) == '.');
				for (char replacement : (first ? "Az09-_ \t." : "Az09-_+/*\" \t.{").toCharArray()) {
					if (replacement != token.charAt(index)) {
						compareOrStricter(replaceAt(token, index, replacement));
					}
				}
			}
		}
		assertNoMismatches(10_000);
	}

	@Test
	void otherAlgorithmsSignedByJjwt() {
		Map<Key, SecureDigestAlgorithm<?, ?>> signers = new LinkedHashMap<>();
		for (MacAlgorithm algorithm : List.of(Jwts.SIG.HS256, Jwts.SIG.HS384, Jwts.SIG.HS512)) {
			signers.put(algorithm.key().build(), algorithm);
		}
		for (SignatureAlgorithm algorithm : List.of(Jwts.SIG.RS256, Jwts.SIG.RS512, Jwts.SIG.PS256, Jwts.SIG.ES256,
				Jwts.SIG.ES384, Jwts.SIG.EdDSA)) {
			signers.put(algorithm.keyPair().build().getPrivate(), algorithm);
		}
		signers.forEach((key, algorithm) -> {
			for (String kid : new String[] { CURRENT_KID, PREVIOUS_KID, "other", null }) {
				JwtBuilder builder = Jwts.builder()
					.header()
					.type("at+jwt")
					.keyId(kid)
					.and()
					.issuer("authwatch")
					.audience()
					.add("authwatch")
					.and()
					.subject("alice")
					.issuedAt(Date.from(NOW))
					.expiration(Date.from(NOW.plusSeconds(300)))
					.id("j-1");
				compare(this.fractionalNow, signWith(builder, key, algorithm).compact());
			}
		});
		String encrypted = Jwts.builder()
			.subject("alice")
			.encryptWith(Jwts.ENC.A256GCM.key().build(), Jwts.ENC.A256GCM)
			.compact();
		compare(this.fractionalNow, encrypted);
		assertNoMismatches(37);
	}

	@Test
	void datesAroundTheClockSkew() {
		Instant wholeSecond = Instant.ofEpochSecond(T);
		JwtProperties noSkew = new JwtProperties("authwatch", "authwatch", Duration.ZERO, Duration.ofMinutes(15),
				TestSecrets.CURRENT, TestSecrets.PREVIOUS, 8192, false, null, null, true, List.of(),
				Duration.ofSeconds(30), Duration.ofSeconds(2));
		List<Pair> pairs = List.of(this.fractionalNow,
				new Pair(Clock.fixed(wholeSecond, ZoneOffset.UTC), this.properties), new Pair(this.clock, noSkew),
				new Pair(Clock.fixed(wholeSecond, ZoneOffset.UTC), noSkew));
		List<String> expiries = Arrays.asList(seconds(-31), seconds(-30), seconds(-29), seconds(-1), seconds(0),
				seconds(1), (T - 31) + ".9", (T - 30) + ".5", (T - 1) + ".999", "0", "-1", "-0", "1.7e9", "3e9",
				"9000000000000000", "-9000000000000000", "null", null);
		List<String> notBefores = Arrays.asList(seconds(29), seconds(30), seconds(31), seconds(1), seconds(0),
				(T + 30) + ".5", (T + 30) + ".999", "-5", "null", null);
		List<String> issuedAts = Arrays.asList(seconds(29), seconds(30), seconds(31), seconds(0), (T + 30) + ".5",
				(T + 31) + ".001", "0", "-1e3", "null", null);
		for (Pair pair : pairs) {
			for (String exp : expiries) {
				for (String nbf : notBefores) {
					for (String iat : issuedAts) {
						compare(pair, TestTokens.raw(header(), claims("exp", exp, "nbf", nbf, "iat", iat)));
					}
				}
			}
		}
		assertNoMismatches(4_000);
	}

	/**
	 * Where jjwt's answer was an accident of its leniency, the verifier is stricter; each
	 * case, with both answers.
	 */
	@Test
	void deliberateDifferences() {
		String valid = TestTokens.raw(header(), claims());
		String[] parts = valid.split("\\.");
		String spacedClaims = TestTokens.encode(paddedToWholeQuads(claims()));
		List<Difference> listed = List.of(
				new Difference("padding in the signature", valid + "=", null, FailureReason.MALFORMED),
				new Difference("'=' inside the signature", replaceAt(valid, valid.length() - 5, '='),
						FailureReason.INVALID_SIGNATURE, FailureReason.MALFORMED),
				new Difference("a one-character signature", parts[0] + "." + parts[1] + ".A", FailureReason.MALFORMED,
						FailureReason.INVALID_SIGNATURE),
				new Difference("'=' inside the claims", replaceAt(valid, parts[0].length() + 2, '='),
						FailureReason.INVALID_SIGNATURE, FailureReason.MALFORMED),
				new Difference("a character outside the alphabet before the signature",
						parts[0] + "." + parts[1] + ".*" + parts[2], null, FailureReason.MALFORMED),
				new Difference("a character outside the alphabet after the header", signed(parts[0] + "*", parts[1]),
						null, FailureReason.MALFORMED),
				new Difference("stray bits in the signature's last character", withStrayBits(valid), null,
						FailureReason.INVALID_SIGNATURE),
				new Difference("stray bits in the header's last character",
						signed(withStrayBits(TestTokens.encode(header("kid", "\"ab\""))), parts[1]),
						FailureReason.UNKNOWN_KEY, FailureReason.MALFORMED),
				new Difference("a dangling character after the claims", signed(parts[0], spacedClaims + "A"), null,
						FailureReason.MALFORMED),
				new Difference("a non-ASCII character in the header", signed("é" + parts[0], parts[1]), null,
						FailureReason.MALFORMED),
				new Difference("content after the header's JSON object",
						signed(TestTokens.encode(header() + "{}"), parts[1]), null, FailureReason.MALFORMED),
				new Difference("content after the claims' JSON object",
						signed(parts[0], TestTokens.encode(claims() + "x")), null, FailureReason.MALFORMED),
				new Difference("a header that is not UTF-8",
						signed(TestTokens.encode(notUtf8(header("typ", "\"at+jwt\u00ff\""))), parts[1]),
						FailureReason.WRONG_TOKEN_TYPE, FailureReason.MALFORMED),
				new Difference("an empty kid", TestTokens.raw(header("kid", "\"\""), claims()), null,
						FailureReason.UNKNOWN_KEY),
				new Difference("a blank kid", TestTokens.raw(header("kid", "\" \""), claims()), null,
						FailureReason.UNKNOWN_KEY),
				new Difference("an empty zip", TestTokens.raw(header("zip", "\"\""), claims()), null,
						FailureReason.MALFORMED),
				new Difference("an empty jku", TestTokens.raw(header("jku", "\"\""), claims()), null,
						FailureReason.MALFORMED),
				new Difference("an empty x5u", TestTokens.raw(header("x5u", "\"\""), claims()), null,
						FailureReason.MALFORMED),
				new Difference("an empty jwk", TestTokens.raw(header("jwk", "{}"), claims()), null,
						FailureReason.MALFORMED),
				new Difference("an empty x5c", TestTokens.raw(header("x5c", "[]"), claims()), null,
						FailureReason.MALFORMED),
				new Difference("a blank cty", TestTokens.raw(header("cty", "\" \""), claims()), null,
						FailureReason.MALFORMED),
				new Difference("alg ' none ' with a signature", TestTokens.raw(header("alg", "\" none \""), claims()),
						FailureReason.MALFORMED, FailureReason.INVALID_SIGNATURE),
				new Difference("a jwk jjwt cannot read, alg HS512",
						TestTokens.raw(header("alg", "\"HS512\"", "jwk", "{\"kty\":\"oct\"}"), claims()),
						FailureReason.MALFORMED, FailureReason.INVALID_SIGNATURE),
				new Difference("an x5c that is no certificate, alg HS512",
						TestTokens.raw(header("alg", "\"HS512\"", "x5c", "[\"MIIB\"]"), claims()),
						FailureReason.MALFORMED, FailureReason.INVALID_SIGNATURE),
				new Difference("a jku that is no URI, alg HS512",
						TestTokens.raw(header("alg", "\"HS512\"", "jku", "\"::\""), claims()), FailureReason.MALFORMED,
						FailureReason.INVALID_SIGNATURE),
				new Difference("a null among the audiences",
						TestTokens.raw(header(), claims("aud", "[null,\"authwatch\"]")), null, FailureReason.MALFORMED),
				new Difference("an object as audience", TestTokens.raw(header(), claims("aud", "{}")),
						FailureReason.WRONG_AUDIENCE, FailureReason.MALFORMED),
				new Difference("exp as a string of digits",
						TestTokens.raw(header(), claims("exp", "\"" + (T + 300) + "\"")), null,
						FailureReason.MALFORMED),
				new Difference("exp as an ISO-8601 string",
						TestTokens.raw(header(), claims("exp", "\"2099-01-01T00:00:00Z\"")), null,
						FailureReason.MALFORMED),
				new Difference("iat as a string of digits", TestTokens.raw(header(), claims("iat", "\"" + T + "\"")),
						null, FailureReason.MALFORMED),
				new Difference("nbf as an empty string", TestTokens.raw(header(), claims("nbf", "\"\"")), null,
						FailureReason.MALFORMED),
				new Difference("exp at Long.MAX_VALUE seconds",
						TestTokens.raw(header(), claims("exp", "9223372036854775807")), FailureReason.EXPIRED,
						FailureReason.MALFORMED),
				new Difference("exp beyond a long", TestTokens.raw(header(), claims("exp", "18446744073709551916")),
						FailureReason.EXPIRED, FailureReason.MALFORMED),
				new Difference("exp of 1e300", TestTokens.raw(header(), claims("exp", "1e300")), FailureReason.EXPIRED,
						FailureReason.MALFORMED),
				new Difference("exp so far in the past that jjwt's milliseconds wrap into the future",
						TestTokens.raw(header(), claims("exp", "-9300000000000000")), null, FailureReason.MALFORMED));
		List<Difference> differences = new ArrayList<>(listed);
		refusedHeaders().forEach((header, refused) -> differences.add(new Difference(refused.what(),
				TestTokens.raw(header, claims()), refused.jjwt(), FailureReason.MALFORMED)));

		for (Difference difference : differences) {
			AuthDecision jjwt = this.fractionalNow.oracle().validate(difference.token());
			AuthDecision ours = this.fractionalNow.validator().validate(difference.token());

			assertThat(reasonOf(jjwt)).as("jjwt, " + difference.what()).isEqualTo(difference.jjwt());
			assertThat(reasonOf(ours)).as("verifier, " + difference.what()).isEqualTo(difference.ours());
		}
	}

	@Test
	void algorithmsOtherThanHs256AreRefusedWithoutAClaimedSubject() {
		for (String algorithm : List.of("HS512", "FOO", " HS256 ", "hs256")) {
			String token = TestTokens.raw(header("alg", "\"" + algorithm + "\""), claims());
			AuthDecision.Rejected jjwt = (AuthDecision.Rejected) this.fractionalNow.oracle().validate(token);

			assertThat(this.fractionalNow.validator().validate(token))
				.isInstanceOfSatisfying(AuthDecision.Rejected.class, (rejected) -> {
					assertThat(rejected.reason()).isEqualTo(jjwt.reason()).isEqualTo(FailureReason.INVALID_SIGNATURE);
					// jjwt named the subject only for algorithms it has no implementation
					// of, an accident of its registry.
					assertThat(rejected.claimedSubject()).isNull();
				});
		}
	}

	/**
	 * Headers of {@link #headers()} the verifier refuses as {@code malformed} whatever
	 * the claims and signature, where jjwt judged the token by the rest
	 * (JoseHeaderParametersTest gives the rules).
	 */
	private static Map<String, Refused> refusedHeaders() {
		Map<String, Refused> refused = new LinkedHashMap<>();
		refused.put(header("kid", "null"), new Refused("a null kid", null));
		refused.put(header("typ", "null"), new Refused("a null typ", FailureReason.WRONG_TOKEN_TYPE));
		refused.put(header("crit", "[]"), new Refused("an empty crit", null));
		refused.put(header("crit", "null"), new Refused("a null crit", null));
		refused.put(header("zip", "null"), new Refused("a null zip", null));
		refused.put(header("jku", "null"), new Refused("a null jku", null));
		refused.put(header("jwk", "null"), new Refused("a null jwk", null));
		refused.put(header("cty", "null"), new Refused("a null cty", null));
		refused.put(header("x5t", "\"abc\""), new Refused("an x5t", null));
		refused.put(header("x5t#S256", "\"abc\""), new Refused("an x5t#S256", null));
		refused.put(header("b64", "true"), new Refused("b64 true without crit", null));
		refused.put(header("b64", "false"), new Refused("b64 false without crit", null));
		refused.put(header("enc", "\"A256GCM\"", "epk", "5", "p2c", "\"x\""), new Refused("a JWE enc on a JWS", null));
		return refused;
	}

	private void compareRefusedHeader(String token) {
		this.compared++;
		for (AccessTokenValidator validator : List.of(this.fractionalNow.validator(),
				this.fractionalNow.remembering())) {
			AuthDecision decision = validator.validate(token);
			if (reasonOf(decision) != FailureReason.MALFORMED) {
				this.mismatches.add(describe(decision) + " for a header the verifier refuses: " + token);
			}
		}
	}

	private static List<String> headers() {
		List<String> headers = new ArrayList<>(List.of(header(), header("kid", "\"" + PREVIOUS_KID + "\""),
				header("kid", null), header("kid", "null"), header("kid", "\"unknown\""), header("kid", "5"),
				header("kid", "[\"" + CURRENT_KID + "\"]"), header("typ", "\"AT+JWT\""),
				header("typ", "\"application/at+jwt\""), header("typ", "\"Application/AT+JWT\""),
				header("typ", "\"JWT\""), header("typ", null), header("typ", "null"), header("typ", "\"\""),
				header("typ", "\" at+jwt\""), header("typ", "5"), header("typ", "true"), header("alg", "\"HS384\""),
				header("alg", "\"HS512\""), header("alg", "\"RS256\""), header("alg", "\"none\""),
				header("alg", "\"NONE\""), header("alg", "\"None\""), header("alg", null), header("alg", "null"),
				header("alg", "\"\""), header("alg", "\"  \""), header("alg", "5"), header("alg", "[\"HS256\"]"),
				header("alg", "\"FOO\""), header("crit", "[]"), header("crit", "null"),
				header("crit", "[\"exp\"]", "exp", "1"), header("crit", "[\"x\"]"), header("crit", "\"exp\""),
				header("crit", "[5]"), header("crit", "[null]"), header("crit", "[\"b64\"]", "b64", "false"),
				header("zip", "\"DEF\""), header("zip", "\"GZIP\""), header("zip", "null"), header("zip", "5"),
				header("jku", "\"https://evil.example/keys\""), header("jku", "null"), header("jku", "5"),
				header("x5u", "\"https://evil.example/cert\""), header("x5u", "5"), header("jwk", "\"x\""),
				header("jwk", "5"), header("jwk", "null"), header("x5c", "5"), header("x5c", "\"x\""),
				header("x5c", "[null]"), header("x5t", "\"abc\""), header("x5t", "5"), header("x5t#S256", "\"abc\""),
				header("x5t#S256", "true"), header("b64", "true"), header("b64", "false"), header("b64", "\"x\""),
				header("cty", "\"JWT\""), header("cty", "\"application/json\""), header("cty", "5"),
				header("cty", "null"), header("enc", "\"A256GCM\"", "epk", "5", "p2c", "\"x\""),
				header("foo", "{\"a\":[1,{\"b\":null}],\"c\":\"d\"}"),
				header("x-custom", "[true,false,null,1.5,-2e-3,\"\\u0041\"]")));
		String plain = "\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + CURRENT_KID + "\"";
		headers.addAll(List.of("{" + plain + ",\"alg\":\"HS256\"}", "{" + plain + ",\"typ\":\"at+jwt\"}",
				"{\"kid\":null," + plain + "}", "{" + plain + ",\"foo\":{\"a\":1,\"a\":2}}",
				"{" + plain + ",\"k\\u0069d\":\"x\"}", "{\"\\u0061lg\":\"HS256\",\"typ\":\"at+jwt\"}",
				"[" + plain + "]", "\"x\"", "1", "null", "{}", "{", " ", "{" + plain, "{" + plain + ",}",
				" {" + plain + "}\n\t", "{" + plain + "/*c*/}", "{'alg':'HS256','typ':'at+jwt'}",
				"{alg:\"HS256\",\"typ\":\"at+jwt\"}", "{" + plain + ",\"n\":NaN}", "{" + plain + ",\"n\":01}",
				"{" + plain + ",\"deep\":" + "[".repeat(1200) + "]".repeat(1200) + "}",
				"{" + plain + ",\"deep\":" + "[".repeat(400) + "]".repeat(400) + "}", "\uFEFF{" + plain + "}",
				"{" + plain + ",\"c\":\"\u0001\"}"));
		return headers;
	}

	private static List<String> claimSets() {
		String both = "[\"other\",\"authwatch\"]";
		List<String> claimSets = new ArrayList<>(List.of(claims(), claims("roles", null), claims("fid", "\"family-1\""),
				claims("nbf", seconds(-10)), claims("aud", both), claims("sub", "\" alice \""),
				claims("iss", "\"auth\\u0077atch\""),
				claims("unknown", "{\"a\":[1,true,null,{\"b\":\"c\"}],\"d\":1.5e3}"), claims("iss", "\"other\""),
				claims("iss", null), claims("iss", "null"), claims("iss", "\"\""), claims("iss", "5"),
				claims("iss", "[\"authwatch\"]"), claims("iss", "\" authwatch\""), claims("aud", "\"other\""),
				claims("aud", null), claims("aud", "null"), claims("aud", "[]"), claims("aud", "[\"other\"]"),
				claims("aud", "\"\""), claims("aud", "5"), claims("aud", "[5]"), claims("aud", "[[\"authwatch\"]]"),
				claims("aud", "[\"authwatch\",5]"), claims("exp", null), claims("exp", "null"),
				claims("exp", seconds(-31)), claims("exp", seconds(-30)), claims("exp", seconds(-29)),
				claims("exp", "true"), claims("exp", "[]"), claims("exp", "{}"), claims("exp", "\"tomorrow\""),
				claims("exp", "1.5e9"), claims("exp", (T + 300) + ".7"), claims("exp", "-1"), claims("exp", "0"),
				claims("nbf", seconds(31)), claims("nbf", seconds(30)), claims("nbf", "null"), claims("nbf", "\"x\""),
				claims("nbf", "true"), claims("iat", null), claims("iat", "null"), claims("iat", seconds(31)),
				claims("iat", seconds(30)), claims("iat", "\"x\""), claims("iat", "false"), claims("sub", null),
				claims("sub", "null"), claims("sub", "\"\""), claims("sub", "\"  \""),
				claims("sub", "\"" + "s".repeat(256) + "\""), claims("sub", "\"" + "s".repeat(257) + "\""),
				claims("sub", "42"), claims("sub", "[\"a\"]"), claims("sub", "{}"), claims("sub", "true"),
				claims("sub", "1.0"), claims("jti", null), claims("jti", "null"), claims("jti", "\"\""),
				claims("jti", "\" \""), claims("jti", "5"), claims("jti", "\" j \""), claims("roles", "\"admin\""),
				claims("roles", "[null]"), claims("roles", "[\"\"]"), claims("roles", "[\" \"]"), claims("roles", "{}"),
				claims("roles", "[[\"a\"]]"), claims("roles", "null"), claims("roles", "[]"),
				claims("roles", "[\"a\",\"a\"]"), claims("roles", "[1]"), claims("roles", "[true]"), claims("fid", "5"),
				claims("fid", "\"\""), claims("fid", "\" \""), claims("fid", "\"" + "f".repeat(64) + "\""),
				claims("fid", "\"" + "f".repeat(65) + "\""), claims("fid", "null"), claims("fid", "\" f \""),
				claims("fid", "[\"f\"]"),
				claims("exp", seconds(-100), "iss", "\"other\"", "aud", "\"other\"", "sub", null),
				claims("nbf", seconds(100), "iss", "\"other\""), claims("iss", "\"other\"", "aud", "\"other\""),
				claims("aud", "\"other\"", "sub", null), claims("iat", seconds(100), "jti", null),
				claims("sub", null, "exp", null), claims("roles", "\"x\"", "fid", "5"),
				claims("roles", "\"x\"", "iss", "\"other\""), claims("exp", null, "iat", seconds(100)),
				claims("sub", "42", "iss", "\"other\""), claims("exp", seconds(-100), "nbf", seconds(100)),
				claims("sub", "\"" + "s".repeat(257) + "\"", "jti", null), claims("fid", "\"\"", "iat", null)));
		String plain = claims().substring(1, claims().length() - 1);
		claimSets.addAll(List.of("{" + plain + ",\"sub\":\"mallory\"}", "{\"iss\":\"other\"," + plain + "}",
				"{" + plain + ",\"roles\":[\"admin\"]}", "{" + plain + ",\"x\":{\"a\":1,\"a\":2}}", "[1]", "\"x\"", "1",
				"null", "{}", "{", "", " {" + plain + "}\n",
				"{" + plain + ",\"deep\":" + "[".repeat(1200) + "]".repeat(1200) + "}",
				"{" + plain + ",\"long\":" + "1".repeat(1200) + "}", "{" + plain + ",\"c\":\"\u0001\"}",
				"\uFEFF{" + plain + "}", "{" + plain + ",\"i\\u0073s\":\"x\"}"));
		return claimSets;
	}

	private static List<UnaryOperator<String>> signatures() {
		return List.of((input) -> TestTokens.hs256(TestSecrets.CURRENT, input),
				(input) -> TestTokens.hs256(TestSecrets.PREVIOUS, input),
				(input) -> TestTokens.hs256(TestSecrets.FOREIGN, input), (input) -> "", (input) -> "A".repeat(43),
				(input) -> TestTokens.hs256(TestSecrets.CURRENT, input).substring(0, 40),
				(input) -> TestTokens.hs256(TestSecrets.CURRENT, input) + "AAAA",
				(input) -> replaceAt(TestTokens.hs256(TestSecrets.CURRENT, input), 20, '*'));
	}

	/**
	 * The default header with members replaced ({@code null}: removed) or added, as
	 * name/JSON-value pairs.
	 */
	private static String header(@Nullable String... overrides) {
		Map<String, String> members = new LinkedHashMap<>();
		members.put("alg", "\"HS256\"");
		members.put("typ", "\"at+jwt\"");
		members.put("kid", "\"" + CURRENT_KID + "\"");
		return json(members, overrides);
	}

	/**
	 * Valid claims at {@link #NOW} with members replaced ({@code null}: removed) or
	 * added, as name/JSON-value pairs.
	 */
	private static String claims(@Nullable String... overrides) {
		Map<String, String> members = new LinkedHashMap<>();
		members.put("iss", "\"authwatch\"");
		members.put("aud", "\"authwatch\"");
		members.put("sub", "\"alice\"");
		members.put("iat", seconds(-1));
		members.put("exp", seconds(300));
		members.put("jti", "\"j-1\"");
		members.put("roles", "[\"user\",\"admin\"]");
		return json(members, overrides);
	}

	private static String json(Map<String, String> members, @Nullable String... overrides) {
		for (int i = 0; i < overrides.length; i += 2) {
			if (overrides[i + 1] == null) {
				members.remove(overrides[i]);
			}
			else {
				members.put(overrides[i], overrides[i + 1]);
			}
		}
		StringBuilder json = new StringBuilder("{");
		members.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
			.append('"')
			.append(name)
			.append("\":")
			.append(value));
		return json.append('}').toString();
	}

	private static String seconds(long fromNow) {
		return Long.toString(T + fromNow);
	}

	private void compare(Pair pair, String token) {
		compare(pair, token, pair.oracle().validate(token));
	}

	private void compare(Pair pair, String token, AuthDecision expected) {
		this.compared++;
		AuthDecision actual = pair.validator().validate(token);
		if (!sameDecision(expected, actual, token)) {
			this.mismatches.add(describe(expected) + " (jjwt) vs " + describe(actual) + ": " + token);
		}
		AuthDecision first = pair.remembering().validate(token);
		AuthDecision second = pair.remembering().validate(token);
		if (!sameDecision(actual, first, token) || !sameDecision(actual, second, token)) {
			this.mismatches.add(describe(actual) + " vs " + describe(first) + " then " + describe(second)
					+ " with the cache: " + token);
		}
	}

	/**
	 * Compares with jjwt, unless the token's header is one jjwt read leniently (not
	 * UTF-8, or content after the JSON value), which the verifier refuses as malformed.
	 */
	private void compareOrStricter(String token) {
		byte[] header = headerBytes(token);
		if (header != null && jjwtReadsLeniently(header)) {
			this.compared++;
			AuthDecision actual = this.fractionalNow.validator().validate(token);
			if (reasonOf(actual) != FailureReason.MALFORMED) {
				this.mismatches.add(describe(actual) + " for a header jjwt read leniently: " + token);
			}
			return;
		}
		compare(this.fractionalNow, token);
	}

	private static boolean sameDecision(AuthDecision expected, AuthDecision actual, String token) {
		if (expected instanceof AuthDecision.Authenticated authenticated) {
			return actual instanceof AuthDecision.Authenticated other
					&& authenticated.principal().equals(other.principal());
		}
		if (!(expected instanceof AuthDecision.Rejected rejected) || !(actual instanceof AuthDecision.Rejected other)
				|| rejected.reason() != other.reason()) {
			return false;
		}
		return namesAnotherAlgorithm(token) || Objects.equals(rejected.claimedSubject(), other.claimedSubject());
	}

	private static String describe(AuthDecision decision) {
		if (decision instanceof AuthDecision.Rejected rejected) {
			return rejected.reason().code()
					+ ((rejected.claimedSubject() != null) ? "(sub=" + rejected.claimedSubject() + ")" : "");
		}
		return "accepted " + ((AuthDecision.Authenticated) decision).principal();
	}

	private static @Nullable FailureReason reasonOf(AuthDecision decision) {
		return (decision instanceof AuthDecision.Rejected rejected) ? rejected.reason() : null;
	}

	/**
	 * jjwt named the claimed subject when it had no implementation of a token's
	 * algorithm; the verifier never does.
	 */
	private static boolean namesAnotherAlgorithm(String token) {
		byte[] header = headerBytes(token);
		try {
			JsonNode algorithm = (header != null) ? PLAIN_JSON.readTree(header).get("alg") : null;
			return algorithm != null && !"HS256".equals(algorithm.asText());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static byte @Nullable [] headerBytes(String token) {
		int dot = token.indexOf('.');
		try {
			return (dot > 0) ? Base64.getUrlDecoder().decode(token.substring(0, dot)) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether jjwt read {@code json} despite invalid UTF-8 (which it replaced) or content
	 * after its first value (which it ignored).
	 */
	private static boolean jjwtReadsLeniently(byte[] json) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(json))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return true;
		}
		try (JsonParser parser = PLAIN_JSON.createParser(text)) {
			PLAIN_JSON.readTree(parser);
			try {
				return parser.nextToken() != null;
			}
			catch (IOException ex) {
				return true;
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isLastCharacterOfAPart(String token, int index) {
		return index == token.length() - 1 || token.charAt(index + 1) == '.';
	}

	/**
	 * The same encoded bytes with the lowest unused bit of the last character set: a
	 * second spelling.
	 */
	private static String withStrayBits(String encoded) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		int unusedBits = new int[] { 0, 0, 4, 2 }[encoded.length() % 4];
		assertThat(unusedBits).as("the encoding has unused bits").isPositive();
		int last = alphabet.indexOf(encoded.charAt(encoded.length() - 1));
		return encoded.substring(0, encoded.length() - 1) + alphabet.charAt(last | 1);
	}

	/**
	 * Whitespace before the closing brace until the encoding needs no partial last group.
	 */
	private static String paddedToWholeQuads(String json) {
		String padded = json;
		while (TestTokens.encode(padded).length() % 4 != 0) {
			padded = padded.substring(0, padded.length() - 1) + " }";
		}
		return padded;
	}

	private static byte[] notUtf8(String json) {
		return json.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String replaceAt(String text, int index, char replacement) {
		return text.substring(0, index) + replacement + text.substring(index + 1);
	}

	private static String signed(String encodedHeader, String encodedClaims) {
		String signingInput = encodedHeader + "." + encodedClaims;
		return signingInput + "." + TestTokens.hs256(TestSecrets.CURRENT, signingInput);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static JwtBuilder signWith(JwtBuilder builder, Key key, SecureDigestAlgorithm algorithm) {
		return builder.signWith(key, algorithm);
	}

	private static JwtKeyRing ring(String secret) {
		return JwtKeyRing.of(TestSecrets.bytes(secret), null);
	}

	private void assertNoMismatches(int atLeast) {
		assertThat(this.compared).as("tokens compared").isGreaterThanOrEqualTo(atLeast);
		assertThat(this.mismatches).as("decisions that differ from jjwt's, of %d", this.compared).isEmpty();
	}

	/**
	 * A case where the verifier decides otherwise than jjwt did; {@code null}: accepted.
	 */
	private record Difference(String what, String token, @Nullable FailureReason jjwt, @Nullable FailureReason ours) {
	}

	/**
	 * A header the verifier refuses, and jjwt's answer for it with valid claims and
	 * signature.
	 */
	private record Refused(String what, @Nullable FailureReason jjwt) {
	}

	/**
	 * The verifier (without and with its cache) and the oracle, on the same clock and
	 * settings.
	 */
	private final class Pair {

		private final AccessTokenValidator validator;

		private final AccessTokenValidator remembering;

		private final JjwtAccessTokenValidator oracle;

		Pair(Clock clock, JwtProperties properties) {
			this.validator = new AccessTokenValidator(AccessTokenValidatorDifferentialTest.this.keyRing, properties,
					clock, 0);
			this.remembering = new AccessTokenValidator(AccessTokenValidatorDifferentialTest.this.keyRing, properties,
					clock);
			this.oracle = new JjwtAccessTokenValidator(AccessTokenValidatorDifferentialTest.this.keyRing, properties,
					clock);
		}

		AccessTokenValidator validator() {
			return this.validator;
		}

		AccessTokenValidator remembering() {
			return this.remembering;
		}

		JjwtAccessTokenValidator oracle() {
			return this.oracle;
		}

	}

}
