package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.support.TestJwtProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What AuthWatch's access-token validation costs against its floor: one HMAC-SHA256 over the
 * signing input and a constant-time compare of the same token, with no parsing at all. Measured
 * for a token seen before (the verified-token cache) and for one seen for the first time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JwtValidationBenchmark {

	private static final String SECRET = "benchmark-secret-0123456789abcdefghijklmnop";

	private AccessTokenValidator validator;

	private AccessTokenValidator uncached;

	private String token;

	private Mac mac;

	private byte[] signingInput;

	private byte[] signature;

	@Setup
	public void setUp() throws Exception {
		byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
		JwtKeyRing keyRing = JwtKeyRing.of(secret, null);
		JwtProperties properties = TestJwtProperties.withSecrets(SECRET, null);
		this.validator = new AccessTokenValidator(keyRing, properties, Clock.systemUTC());
		this.uncached = new AccessTokenValidator(keyRing, properties, Clock.systemUTC(), 0);
		this.token = new AccessTokenIssuer(keyRing, properties, Clock.systemUTC())
			.issue("user-1234", List.of("user"), Duration.ofHours(1))
			.value();
		this.mac = Mac.getInstance("HmacSHA256");
		this.mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		int lastDot = this.token.lastIndexOf('.');
		this.signingInput = this.token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
		this.signature = Base64.getUrlDecoder().decode(this.token.substring(lastDot + 1));
	}

	/** A token this instance verified before (a reconnect): the verified-token cache answers. */
	@Benchmark
	public AuthDecision authwatchValidation() {
		return this.validator.validate(this.token);
	}

	/** A token seen for the first time: strict decoding and parsing, the header rules, the HMAC and the claim rules. */
	@Benchmark
	public AuthDecision authwatchValidationFirstSight() {
		return this.uncached.validate(this.token);
	}

	@Benchmark
	public boolean rawHmacFloor() {
		return MessageDigest.isEqual(this.mac.doFinal(this.signingInput), this.signature);
	}

}
