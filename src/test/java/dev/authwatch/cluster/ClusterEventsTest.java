package dev.authwatch.cluster;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin event stream of one instance carries the events of every instance, each with
 * its instance.
 */
class ClusterEventsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String prefix = "e" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private Map<String, Object> instance(String id) {
		Map<String, Object> properties = new HashMap<>(RunningApp.onRedis());
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		properties.put("authwatch.cluster.instance-id", this.prefix + id);
		return properties;
	}

	@Test
	void aRejectedHandshakeOnAnotherInstanceAppearsOnThisInstancesStreamWithItsInstance() throws Exception {
		try (RunningApp a = RunningApp.start(instance("a")); RunningApp b = RunningApp.start(instance("b"))) {
			HttpResponse<InputStream> stream = AdminCalls.as(a.port(), TestTokens.valid("root", "admin"))
				.stream(AdminCalls.BASE + "/events");
			CompletableFuture<JsonNode> fromB = CompletableFuture
				.supplyAsync(() -> firstEventOf(stream.body(), this.prefix + "b"));
			try {
				assertThat(RawHandshake.to(b.port())
					.bearer(TestTokens.signedWith(TestSecrets.FOREIGN, "mallory"))
					.send()
					.status()).isEqualTo(401);

				JsonNode event = fromB.get(10, TimeUnit.SECONDS);
				assertThat(event.get("type").asString()).isEqualTo("AUTH_FAILURE");
				assertThat(event.get("method").asString()).isEqualTo("jwt");
			}
			finally {
				stream.body().close();
			}
		}
	}

	private static JsonNode firstEventOf(InputStream body, String instance) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.startsWith("data:")) {
					JsonNode event = JSON.readTree(line.substring("data:".length()));
					if (instance.equals(event.get("instance").asString())) {
						return event;
					}
				}
			}
			throw new IllegalStateException("The stream ended without an event of " + instance);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
