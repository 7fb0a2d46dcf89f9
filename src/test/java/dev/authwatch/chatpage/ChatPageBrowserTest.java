package dev.authwatch.chatpage;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.authwatch.chatpage.ChatTab.Shown;
import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.HeadlessChromium;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The chat page at {@code /} and its client (SPEC §10) in real headless Chromium browsers
 * against a real server, one that the restart test stops and starts again on the same
 * port ({@link HeadlessChromium}: skipped without Chromium, except in CI).
 */
class ChatPageBrowserTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@TempDir
	Path profiles;

	private final List<ChatTab> tabs = new ArrayList<>();

	private RunningApp server;

	private int port;

	@BeforeAll
	static void chromiumIsInstalled() {
		HeadlessChromium.requireInstalled();
	}

	@AfterEach
	void closeBrowsersAndServer() throws Exception {
		try {
			for (ChatTab tab : this.tabs) {
				tab.close();
			}
		}
		finally {
			if (this.server != null) {
				this.server.close();
			}
		}
	}

	@Test
	void twoUsersChatAndEachSeesEveryMessageOnceTheirOwnAcknowledged() throws Exception {
		startServer(Map.of());
		ChatTab alice = tab("alice");
		alice.logIn("alice", "alice-password");
		alice.join("lobby");
		ChatTab guest = tab("guest");
		guest.logInAsGuest();
		guest.join("lobby");
		String guestUser = guest.user();
		assertThat(guestUser).startsWith("guest-");

		alice.send("hello from alice");
		guest.send("hello from the guest");

		for (ChatTab tab : List.of(alice, guest)) {
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(tab.messages("lobby")).extracting(Shown::from, Shown::text)
					.containsExactlyInAnyOrder(tuple("alice", "hello from alice"),
							tuple(guestUser, "hello from the guest")));
		}
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(own(alice, "lobby", "alice")).extracting(Shown::delivery).containsExactly("acknowledged");
			assertThat(own(guest, "lobby", guestUser)).extracting(Shown::delivery).containsExactly("acknowledged");
		});
		assertThat(alice.messages("lobby")).extracting(Shown::offset).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(alice.severeConsoleMessages()).isEmpty();
		assertThat(guest.severeConsoleMessages()).isEmpty();
	}

	/**
	 * One user keeps sending while the server stops (1001) and comes back on the same
	 * port. With the Redis store (logins, history and offsets survive the restart) every
	 * message the sender saw acknowledged is on both pages exactly once. With the memory
	 * store the restart forgets every login (their tokens are then refused as revoked,
	 * and the page asks to log in again), so the two users are guests; history and
	 * offsets start over, so the sender's page shows each acknowledged message exactly
	 * once, and the receiver's shows those acknowledged before the restart and those sent
	 * after both reconnected exactly once, and nothing twice.
	 */
	@ParameterizedTest(name = "{0} store")
	@ValueSource(strings = { "memory", "redis" })
	void everyAcknowledgedMessageIsShownOnceOnBothPagesAfterTheServerRestartsWhileOneKeepsSending(String store)
			throws Exception {
		boolean redis = "redis".equals(store);
		Map<String, Object> storeProperties = redis ? RunningApp.onRedis() : Map.of("authwatch.store", "memory");
		String room = "restart-" + UUID.randomUUID().toString().substring(0, 8);
		startServer(storeProperties);
		ChatTab sender = tab("sender-" + store);
		ChatTab receiver = tab("receiver-" + store);
		if (redis) {
			sender.logIn("alice", "alice-password");
			receiver.logIn("bob", "bob-password");
		}
		else {
			sender.logInAsGuest();
			receiver.logInAsGuest();
		}
		String user = sender.user();
		sender.join(room);
		receiver.join(room);

		for (int i = 1; i <= 3; i++) {
			sender.send("before-" + i);
		}
		await().atMost(PATIENCE).until(() -> acknowledged(sender, room).size() == 3);
		sender.keepSending("during", 250);
		await().atMost(PATIENCE).until(() -> acknowledged(sender, room).size() >= 5);

		this.server.close();
		this.server = null;
		await().atMost(PATIENCE).until(() -> "reconnecting".equals(sender.connectionState()));
		await().atMost(PATIENCE)
			.until(() -> own(sender, room, user).stream()
				.filter((shown) -> "sending".equals(shown.delivery()))
				.count() >= 3);
		startServer(storeProperties);
		sender.awaitConnected();
		receiver.awaitConnected();
		sender.awaitJoined(room);
		receiver.awaitJoined(room);
		sender.stopSending();
		for (int i = 1; i <= 3; i++) {
			sender.send("after-" + i);
		}

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(own(sender, room, user)).extracting(Shown::delivery)
				.as("the sender's log: %s", sender.connectionLog())
				.containsOnly("acknowledged"));
		List<String> sent = own(sender, room, user).stream().map(Shown::text).toList();
		assertThat(sent).contains("before-1", "during-1", "after-3").doesNotHaveDuplicates();
		List<String> beforeAndAfter = sent.stream().filter((text) -> !text.startsWith("during-")).toList();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(texts(receiver, room)).containsAll(redis ? sent : beforeAndAfter));
		assertThat(texts(sender, room)).as("the sender's page").containsExactlyInAnyOrderElementsOf(sent);
		if (redis) {
			assertThat(texts(receiver, room)).as("the receiver's page").containsExactlyInAnyOrderElementsOf(sent);
		}
		else {
			// The restarted memory store numbers the room from 1 again: messages sent
			// during the restart
			// that it numbered below the receiver's last offset before the receiver
			// rejoined are not
			// replayed to it (docs/client.md). None is shown twice, none is invented.
			assertThat(texts(receiver, room)).as("the receiver's page")
				.doesNotHaveDuplicates()
				.isSubsetOf(sent)
				.containsAll(beforeAndAfter);
		}
		assertThat(sender.connectionLog()).anyMatch((line) -> line.contains("disconnected (1001"));
	}

	@Test
	void aTokenThatExpiresDuringTheChatIsRefreshedInBandWithoutAVisibleDisconnect() throws Exception {
		startServer(Map.of("authwatch.jwt.access-token-ttl", "8s", "authwatch.jwt.clock-skew", "1s"));
		ChatTab alice = tab("alice-refresh");
		alice.logIn("alice", "alice-password");
		alice.join("lobby");

		// 20 s are two and a half token lifetimes: the server closes with 4001 at each
		// expiry not renewed in band.
		await().during(Duration.ofSeconds(20))
			.atMost(Duration.ofSeconds(25))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(alice.connectionState())
				.as("the page's connection state; its log: %s", alice.connectionLog())
				.isEqualTo("connected"));
		assertThat(alice.connectionLog()).filteredOn((line) -> line.endsWith("token refreshed"))
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(alice.connectionLog()).noneMatch((line) -> line.contains("disconnected"));
		alice.send("still connected");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(own(alice, "lobby", "alice")).extracting(Shown::delivery)
				.containsExactly("acknowledged"));
	}

	@Test
	void anAdminRevocationShowsRevokedAndThePageStopsReconnecting() throws Exception {
		startServer(Map.of());
		ChatTab alice = tab("alice-revoked");
		alice.logIn("alice", "alice-password");
		alice.join("lobby");

		HttpResponse<String> revoked = AdminCalls.as(this.port, TestTokens.valid("root", "admin"))
			.delete(AdminCalls.BASE + "/session/alice");
		assertThat(revoked.statusCode()).isEqualTo(200);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(alice.connectionText())
				.as("the page's connection state; its log: %s", alice.connectionLog())
				.isEqualTo("revoked"));
		List<String> logAtRevocation = alice.connectionLog();
		// Longer than the first backoff delays: a page that reconnected would show it by
		// now.
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(alice.connectionState()).isEqualTo("revoked");
			assertThat(alice.connectionLog()).isEqualTo(logAtRevocation);
		});
		assertThat(logAtRevocation).last().asString().contains("revoked");
		assertThat(AdminCalls.as(this.port, TestTokens.valid("root", "admin"))
			.get(AdminCalls.BASE + "/session/alice")
			.body()).contains("\"connections\":[]");
	}

	private void startServer(Map<String, Object> extra) throws IOException {
		if (this.port == 0) {
			this.port = RedisTestServer.freePort();
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", this.port);
		for (String property : List.of(TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD,
				TestUsers.BOB, TestUsers.BOB_PASSWORD)) {
			properties.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		// No allowed origins: the page connects from the service's own origin, which
		// needs no listing.
		properties.putAll(extra);
		this.server = RunningApp.start(properties);
	}

	private ChatTab tab(String name) {
		ChatTab tab = ChatTab.open(name, this.profiles.resolve(name), "http://localhost:" + this.port);
		this.tabs.add(tab);
		return tab;
	}

	private static List<Shown> own(ChatTab tab, String room, String user) {
		return tab.messages(room)
			.stream()
			.filter((shown) -> shown.delivery() != null && user.equals(shown.from()))
			.toList();
	}

	private static List<Shown> acknowledged(ChatTab tab, String room) {
		return tab.messages(room).stream().filter((shown) -> "acknowledged".equals(shown.delivery())).toList();
	}

	private static List<String> texts(ChatTab tab, String room) {
		return tab.messages(room).stream().map(Shown::text).toList();
	}

}
