package dev.authwatch.support;

/**
 * Password users the credential tests configure; one shared set so test contexts are
 * reused.
 */
public final class TestUsers {

	public static final String ALICE = "authwatch.users[0].username=alice";

	public static final String ALICE_PASSWORD = "authwatch.users[0].password={noop}alice-password";

	public static final String BOB = "authwatch.users[1].username=bob";

	public static final String BOB_PASSWORD = "authwatch.users[1].password={noop}bob-password";

	public static final String ROOT = "authwatch.users[2].username=root";

	/** bcrypt (cost 4, so tests stay fast) of {@code root-password}. */
	public static final String ROOT_PASSWORD = "authwatch.users[2].password={bcrypt}$2a$04$Et2ZH/0OxkMrJQx1IcSX/u9oFvGWXMn2TQi1lk7W7y37n6jkptJpG";

	public static final String ROOT_ROLES = "authwatch.users[2].roles=admin,user";

	/** The user whose password the reset tests change. */
	public static final String CAROL = "authwatch.users[3].username=carol";

	public static final String CAROL_PASSWORD = "authwatch.users[3].password={noop}carol-password";

	/** The data directory of the shared test app: its outbox holds the reset links. */
	public static final String DATA_DIR = "authwatch.data-dir=target/test-data";

	public static final String OUTBOX_FILE = "target/test-data/outbox/password-reset.log";

	/**
	 * The flows log the same users in many times a minute; the limits themselves are
	 * tested apart.
	 */
	public static final String GENEROUS_LOGIN_LIMIT = "authwatch.rate-limit.login-per-account=1000";

	public static final String ORIGINS = "authwatch.websocket.allowed-origins=https://chat.example.com";

	private TestUsers() {
	}

}
