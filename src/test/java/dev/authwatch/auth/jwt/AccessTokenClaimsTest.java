package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.authwatch.auth.FailureReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How claims are read: NumericDates are JSON numbers of seconds; registered claims must
 * have their types.
 */
class AccessTokenClaimsTest {

	@Test
	void numericDatesAreSecondsWithFractionsDroppedTowardsZero() {
		assertThat(read("{\"exp\":1795608300}").expiresAt()).isEqualTo(Instant.ofEpochSecond(1795608300));
		assertThat(read("{\"exp\":1795608300.999}").expiresAt()).isEqualTo(Instant.ofEpochSecond(1795608300));
		assertThat(read("{\"exp\":1.7956083e9}").expiresAt()).isEqualTo(Instant.ofEpochSecond(1795608300));
		assertThat(read("{\"nbf\":-1.5}").notBefore()).isEqualTo(Instant.ofEpochSecond(-1));
		assertThat(read("{\"iat\":9223372036854775}").issuedAt()).isEqualTo(Instant.ofEpochSecond(9223372036854775L));
	}

	@Test
	void numericDatesThatAreNotNumbersOrBeyondMillisecondsInALongAreMalformed() {
		for (String value : new String[] { "\"1795608300\"", "\"2026-11-25T12:00:00Z\"", "\"\"", "true", "[]", "{}",
				"9223372036854776", "-9223372036854776", "9223372036854775807", "18446744073709551616", "1e300",
				"-1e300", "9.3e15" }) {
			for (String claim : new String[] { "exp", "nbf", "iat" }) {
				assertMalformed("{\"" + claim + "\":" + value + "}");
			}
		}
	}

	@Test
	void nullCountsAsAbsent() {
		AccessTokenClaims claims = read(
				"{\"iss\":null,\"aud\":null,\"sub\":null,\"jti\":null,\"exp\":null,\"nbf\":null,"
						+ "\"iat\":null,\"roles\":null,\"fid\":null}");

		assertThat(claims).isEqualTo(read("{}"));
		assertThat(claims.roles()).isEmpty();
		assertThat(claims.rolesMalformed()).isFalse();
		assertThat(claims.familyMalformed()).isFalse();
	}

	@Test
	void mistypedRegisteredClaimsAreMalformedAtOnce() {
		for (String claims : new String[] { "{\"iss\":5}", "{\"sub\":[\"a\"]}", "{\"jti\":{}}", "{\"aud\":5}",
				"{\"aud\":[5]}", "{\"aud\":[null]}", "{\"aud\":{}}" }) {
			assertMalformed(claims);
		}
	}

	@Test
	void malformedRolesAndFamilyAreRememberedForTheRulesToRefuse() {
		assertThat(read("{\"roles\":\"admin\"}").rolesMalformed()).isTrue();
		assertThat(read("{\"roles\":[\"user\",\" \"]}").rolesMalformed()).isTrue();
		assertThat(read("{\"roles\":[\"user\",[\"admin\"]],\"sub\":\"alice\"}").subject()).isEqualTo("alice");
		assertThat(read("{\"fid\":\"" + "f".repeat(65) + "\"}").familyMalformed()).isTrue();
		assertThat(read("{\"fid\":{\"a\":1},\"sub\":\"alice\"}").subject()).isEqualTo("alice");
		assertThat(read("{\"roles\":[\"user\",\"admin\"],\"fid\":\"family-1\"}")).satisfies((claims) -> {
			assertThat(claims.roles()).containsExactlyInAnyOrder("user", "admin");
			assertThat(claims.family()).isEqualTo("family-1");
		});
	}

	@Test
	void duplicatesAnywhereAndContentAfterTheObjectAreMalformed() {
		assertMalformed("{\"sub\":\"a\",\"sub\":\"b\"}");
		assertMalformed("{\"x\":{\"a\":1,\"a\":2}}");
		assertMalformed("{\"sub\":\"a\"}{}");
		assertMalformed("{\"sub\":\"a\"} x");
		assertMalformed("\uFEFF{\"sub\":\"a\"}");
		assertMalformed("[{\"sub\":\"a\"}]");
	}

	private static AccessTokenClaims read(String json) {
		return AccessTokenClaims.read(json.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertMalformed(String json) {
		assertThatExceptionOfType(TokenRejectedException.class).as(json)
			.isThrownBy(() -> read(json))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FailureReason.MALFORMED));
	}

}
