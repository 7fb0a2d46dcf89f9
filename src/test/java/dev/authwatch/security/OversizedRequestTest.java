package dev.authwatch.security;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login with a 100 MB username must cost the service next to nothing: refused with 413
 * before the body is read (declared size) or as soon as the limit is crossed (chunked),
 * never bound.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD })
class OversizedRequestTest {

	private static final long HUNDRED_MEGABYTES = 100L * 1024 * 1024;

	private static final long ALLOCATION_BUDGET = 32L * 1024 * 1024;

	@LocalServerPort
	int port;

	@Test
	void aHundredMegabyteLoginIsRefused413WithoutBeingRead() throws Exception {
		double before = AuthApi.metricValue(this.port, "auth_errors_total{error_type=\"malformed\"}");
		long allocatedBefore = serverAllocatedBytes();
		long start = System.nanoTime();

		RawHttp.Response response = RawHttp.postLogin(this.port, HUNDRED_MEGABYTES, false);

		long millis = (System.nanoTime() - start) / 1_000_000;
		long allocated = serverAllocatedBytes() - allocatedBefore;
		assertThat(response.status()).as("status after %d ms, %d bytes allocated", millis, allocated).isEqualTo(413);
		assertRefusedAsJson(response);
		assertThat(allocated).as("bytes the server allocated").isLessThan(ALLOCATION_BUDGET);
		assertThat(AuthApi.metricValue(this.port, "auth_errors_total{error_type=\"malformed\"}")).isGreaterThan(before);
		assertThat(AuthApi.metricValue(this.port, "auth_limits_total{limit=\"request_body\"}")).isPositive();
	}

	@Test
	void aHundredMegabyteChunkedLoginIsRefused413OnceItCrossesTheLimit() throws Exception {
		long allocatedBefore = serverAllocatedBytes();

		RawHttp.Response response = RawHttp.postLogin(this.port, HUNDRED_MEGABYTES, true);

		long allocated = serverAllocatedBytes() - allocatedBefore;
		assertThat(response.status()).as("status, %d bytes allocated", allocated).isEqualTo(413);
		assertRefusedAsJson(response);
		assertThat(allocated).as("bytes the server allocated").isLessThan(ALLOCATION_BUDGET);
		assertThat(response.bytesWritten()).as("bytes the server let the client send").isLessThan(HUNDRED_MEGABYTES);
	}

	@Test
	void jsonNestedBeyondTheReadConstraintIsRefused413() throws Exception {
		String nested = "[".repeat(200) + "]".repeat(200);

		AuthApi.Response response = AuthApi.on(this.port)
			.postJson("/api/auth/login", "{\"username\":\"alice\",\"password\":\"x\",\"extra\":" + nested + "}");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.error()).isEqualTo("malformed");
	}

	@Test
	void aLoginOfOrdinarySizeStillWorks() throws Exception {
		assertThat(AuthApi.on(this.port).login("alice", "alice-password").status()).isEqualTo(200);
	}

	private static void assertRefusedAsJson(RawHttp.Response response) {
		assertThat(response.headers().get("content-type")).startsWith("application/json");
		assertThat(response.body()).contains("\"error\":\"malformed\"")
			.contains("\"message\":")
			.doesNotContain("Exception");
	}

	/**
	 * What the web server's threads allocated so far (the test's own thread and client
	 * excluded).
	 */
	private static long serverAllocatedBytes() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long[] ids = Arrays.stream(Thread.getAllStackTraces().keySet().toArray(Thread[]::new))
			.filter((thread) -> thread.getName().startsWith("http-nio-"))
			.mapToLong(Thread::getId)
			.toArray();
		return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter((bytes) -> bytes > 0).sum();
	}

}
