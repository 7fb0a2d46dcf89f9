package dev.authwatch.support;

/** Password users the credential tests configure; one shared set so test contexts are reused. */
public final class TestUsers {

	public static final String ALICE = "authwatch.users[0].username=alice";

	public static final String ALICE_PASSWORD = "authwatch.users[0].password={noop}alice-password";

	public static final String BOB = "authwatch.users[1].username=bob";

	public static final String BOB_PASSWORD = "authwatch.users[1].password={noop}bob-password";

	public static final String ORIGINS = "authwatch.websocket.allowed-origins=https://chat.example.com";

	private TestUsers() {
	}

}
