package dev.authwatch.websocket;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written welcome frame is byte for byte what the mapper writes, whatever the
 * user id holds.
 */
class WelcomeFrameTest {

	record Welcome(String type, String user, String method, Instant expiresAt) {
	}

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void matchesTheMapperForAwkwardUserIdsAndInstants() {
		List<String> users = List.of("alice", "", "quote\"back\\slash", "line\nbreak\ttab\u0000nul\u001f",
				"</script>&<'", "é ü 中文 😀", "\u2028\u2029", "\ud800 lone surrogate");
		List<Instant> instants = List.of(Instant.parse("2026-11-25T19:00:00Z"),
				Instant.parse("2026-11-25T19:00:00.120Z"), Instant.ofEpochSecond(1_795_000_000L, 123_456_789),
				Instant.EPOCH);
		for (String user : users) {
			for (Instant expiresAt : instants) {
				for (String method : List.of("jwt", "ticket", "session", "oauth")) {
					assertThat(WelcomeFrame.of(user, method, expiresAt).getPayload())
						.isEqualTo(this.json.writeValueAsString(new Welcome("welcome", user, method, expiresAt)));
				}
			}
		}
	}

}
