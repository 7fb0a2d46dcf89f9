package dev.authwatch.jwthealth;

import java.time.Duration;
import java.util.List;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.JwtKeyRing;

/**
 * Signs a short-lived probe token with the current key and verifies it the way a
 * handshake would.
 */
final class ProbeTokenSelfTest {

	static final String PROBE_SUBJECT = "authwatch-self-test";

	private final JwtKeyRing keyRing;

	private final AccessTokenIssuer issuer;

	private final AccessTokenValidator validator;

	ProbeTokenSelfTest(JwtKeyRing keyRing, AccessTokenIssuer issuer, AccessTokenValidator validator) {
		this.keyRing = keyRing;
		this.issuer = issuer;
		this.validator = validator;
	}

	SelfTestResult run() {
		if (!this.keyRing.usable()) {
			return SelfTestResult.fail(this.keyRing.unusableReason());
		}
		try {
			String token = this.issuer.issue(PROBE_SUBJECT, List.of(), Duration.ofMinutes(1)).value();
			AuthDecision decision = this.validator.validate(token);
			if (decision instanceof AuthDecision.Rejected rejected) {
				return SelfTestResult.fail("the probe token was rejected as " + rejected.reason().code());
			}
			return SelfTestResult.pass();
		}
		catch (RuntimeException ex) {
			// The exception type only: messages from crypto libraries are not shown to
			// operators verbatim.
			return SelfTestResult.fail("signing the probe token failed (" + ex.getClass().getSimpleName() + ")");
		}
	}

}
