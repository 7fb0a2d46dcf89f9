package dev.authwatch.admin;

/** Names the admin controllers and their OpenAPI description share. */
final class AdminApi {

	static final String BASE_PATH = "/api/admin/websocket-auth";

	static final String TAG = "websocket-auth admin";

	static final String SECURITY_SCHEME = "bearer";

	private AdminApi() {
	}

}
