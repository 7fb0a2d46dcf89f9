package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.support.TestJwtProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signature failures carry the unverified subject the monitor needs to detect key drift.
 */
class RejectedTokenSubjectTest {

	private static final JwtProperties PROPERTIES = TestJwtProperties.withSecrets(null, null);

	private final JwtKeyRing ours = JwtKeyRing.of(secret('a'), null);

	private final AccessTokenValidator validator = new AccessTokenValidator(this.ours, PROPERTIES, Clock.systemUTC());

	@Test
	void tokenSignedWithAnUnknownKeyIsRejectedWithItsClaimedSubject() {
		JwtKeyRing theirs = JwtKeyRing.of(secret('b'), null);
		String token = new AccessTokenIssuer(theirs, PROPERTIES, Clock.systemUTC()).issue("bob", List.of("user"))
			.value();

		assertThat(this.validator.validate(token)).isInstanceOfSatisfying(AuthDecision.Rejected.class, (rejected) -> {
			assertThat(rejected.reason()).isEqualTo(FailureReason.UNKNOWN_KEY);
			assertThat(rejected.claimedSubject()).isEqualTo("bob");
		});
	}

	@Test
	void tokenWithABadSignatureIsRejectedWithItsClaimedSubject() {
		String token = new AccessTokenIssuer(this.ours, PROPERTIES, Clock.systemUTC()).issue("carol", List.of("user"))
			.value();
		String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);

		assertThat(this.validator.validate(tampered)).isInstanceOfSatisfying(AuthDecision.Rejected.class,
				(rejected) -> {
					assertThat(rejected.reason()).isEqualTo(FailureReason.INVALID_SIGNATURE);
					assertThat(rejected.claimedSubject()).isEqualTo("carol");
				});
	}

	@Test
	void otherRejectionsCarryNoSubject() {
		assertThat(this.validator.validate("not-a-token")).isInstanceOfSatisfying(AuthDecision.Rejected.class,
				(rejected) -> assertThat(rejected.claimedSubject()).isNull());
	}

	@Test
	void unreadablePayloadsYieldNoSubject() {
		assertThat(UnverifiedSubject.of("a.%%%.c")).isNull();
		assertThat(UnverifiedSubject.of("a." + base64("[1,2]") + ".c")).isNull();
		assertThat(UnverifiedSubject.of("a." + base64("{\"sub\":42}") + ".c")).isNull();
		assertThat(UnverifiedSubject.of("a." + base64("{\"sub\":\"" + "x".repeat(257) + "\"}") + ".c")).isNull();
		assertThat(UnverifiedSubject.of("a." + base64("{\"sub\":\"dave\"}") + ".c")).isEqualTo("dave");
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] secret(char fill) {
		return String.valueOf(fill).repeat(20).concat("0123456789abcdefghij").getBytes(StandardCharsets.US_ASCII);
	}

}
