package dev.authwatch.auth.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OAuth 2.0 provider over HTTP on a loopback port: RFC 7662 introspection (HTTP
 * Basic client authentication), a JWK set with one RSA key, an authorization-code token
 * endpoint that verifies PKCE S256, and userinfo. Counts the requests each endpoint
 * received. Its tokens name {@link #AUDIENCE} unless a test says otherwise.
 */
public final class FakeOAuthProvider implements AutoCloseable {

	public static final String CLIENT_ID = "authwatch-client";

	public static final String CLIENT_SECRET = "client-secret-42";

	/**
	 * The audience AuthWatch is configured with in these tests
	 * ({@code authwatch.oauth.audience}).
	 */
	public static final String AUDIENCE = "authwatch-chat";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, Map<String, Object>> activeTokens = new ConcurrentHashMap<>();

	private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

	final AtomicInteger introspections = new AtomicInteger();

	final AtomicInteger jwksFetches = new AtomicInteger();

	final AtomicInteger tokenExchanges = new AtomicInteger();

	final AtomicInteger userinfoCalls = new AtomicInteger();

	private record AuthorizationCode(String challenge, String redirectUri, Map<String, Object> userinfo) {
	}

	public FakeOAuthProvider() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("provider-key-1").generate();
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "fake-oauth-provider");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/introspect", this::introspect);
		this.server.createContext("/jwks", this::jwks);
		this.server.createContext("/token", this::token);
		this.server.createContext("/userinfo", this::userinfo);
		this.server.start();
	}

	public String issuer() {
		return "https://provider.example.test";
	}

	public String uri(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** An opaque token the introspection endpoint reports active with these claims. */
	public String opaqueToken(String subject, long ttlSeconds, String... roles) {
		return opaqueToken(subject, ttlSeconds, (claims) -> claims.put("roles", java.util.List.of(roles)));
	}

	/**
	 * An opaque token whose introspection answer the customiser may change (or strip)
	 * after the defaults.
	 */
	public String opaqueToken(String subject, long ttlSeconds, Consumer<Map<String, Object>> customiser) {
		String token = "opaque-" + UUID.randomUUID();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("active", true);
		claims.put("sub", subject);
		claims.put("iss", issuer());
		claims.put("aud", AUDIENCE);
		claims.put("exp", Instant.now().getEpochSecond() + ttlSeconds);
		customiser.accept(claims);
		this.activeTokens.put(token, claims);
		return token;
	}

	/**
	 * A JWT signed with the provider's published key (or another key id, which the JWK
	 * set lacks).
	 */
	String jwt(String subject, String keyId) {
		return jwt(subject, keyId, (claims) -> {
		});
	}

	public String jwt(String subject) {
		return jwt(subject, this.key.getKeyID());
	}

	/**
	 * A JWT signed with the published key, its claims changed by the customiser after the
	 * defaults.
	 */
	public String jwt(String subject, Consumer<JWTClaimsSet.Builder> customiser) {
		return jwt(subject, this.key.getKeyID(), customiser);
	}

	private String jwt(String subject, String keyId, Consumer<JWTClaimsSet.Builder> customiser) {
		try {
			Instant now = Instant.now();
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
				.subject(subject)
				.audience(AUDIENCE)
				.issueTime(java.util.Date.from(now))
				.expirationTime(java.util.Date.from(now.plusSeconds(300)))
				.claim("roles", java.util.List.of("user"));
			customiser.accept(claims);
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build(),
					claims.build());
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The user approves at the authorization endpoint: returns the code the provider
	 * would send to the redirect URI, bound to the request's PKCE challenge and redirect
	 * URI.
	 */
	String approve(Map<String, String> authorizationRequest, Map<String, Object> userinfo) {
		if (!"S256".equals(authorizationRequest.get("code_challenge_method"))
				|| !CLIENT_ID.equals(authorizationRequest.get("client_id"))
				|| !"code".equals(authorizationRequest.get("response_type"))) {
			throw new IllegalArgumentException("bad authorization request " + authorizationRequest);
		}
		String code = "code-" + UUID.randomUUID();
		this.codes.put(code, new AuthorizationCode(authorizationRequest.get("code_challenge"),
				authorizationRequest.get("redirect_uri"), userinfo));
		return code;
	}

	/**
	 * A whole OAuth login through AuthWatch on {@code port}, as a browser makes it:
	 * authorize, the user approves here with these userinfo claims, callback. Returns the
	 * callback's answer.
	 */
	public HttpResponse<String> login(int port, Map<String, Object> userinfo) throws IOException, InterruptedException {
		HttpClient browser = HttpClient.newHttpClient();
		HttpResponse<String> authorize = browser.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/oauth/authorize")).build(),
				HttpResponse.BodyHandlers.ofString());
		String setCookie = authorize.headers().firstValue("set-cookie").orElseThrow();
		Map<String, String> request = query(URI.create(authorize.headers().firstValue("location").orElseThrow()));
		String code = approve(request, userinfo);
		URI callback = URI.create("http://localhost:" + port + "/api/auth/oauth/callback?code="
				+ URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
				+ URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
		return browser.send(HttpRequest.newBuilder(callback)
			.header("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void introspect(HttpExchange exchange) throws IOException {
		this.introspections.incrementAndGet();
		if (!clientAuthenticated(exchange)) {
			send(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		String token = form(exchange).get("token");
		Map<String, Object> claims = this.activeTokens.get(token);
		send(exchange, 200, (claims != null) ? claims : Map.of("active", false));
	}

	private void jwks(HttpExchange exchange) throws IOException {
		this.jwksFetches.incrementAndGet();
		byte[] body = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void token(HttpExchange exchange) throws IOException {
		this.tokenExchanges.incrementAndGet();
		if (!clientAuthenticated(exchange)) {
			send(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		Map<String, String> form = form(exchange);
		AuthorizationCode code = this.codes.remove(String.valueOf(form.get("code")));
		if (!"authorization_code".equals(form.get("grant_type")) || code == null
				|| !code.redirectUri().equals(form.get("redirect_uri"))
				|| !code.challenge().equals(s256(String.valueOf(form.get("code_verifier"))))) {
			send(exchange, 400, Map.of("error", "invalid_grant"));
			return;
		}
		String accessToken = "provider-at-" + UUID.randomUUID();
		this.activeTokens.put(accessToken, code.userinfo());
		send(exchange, 200, Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 300));
	}

	private void userinfo(HttpExchange exchange) throws IOException {
		this.userinfoCalls.incrementAndGet();
		String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
		Map<String, Object> claims = authorization.startsWith("Bearer ")
				? this.activeTokens.get(authorization.substring(7)) : null;
		if (claims == null) {
			send(exchange, 401, Map.of("error", "invalid_token"));
			return;
		}
		send(exchange, 200, claims);
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean clientAuthenticated(HttpExchange exchange) {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
	}

	static Map<String, String> query(URI uri) {
		return parse(uri.getRawQuery());
	}

	private static Map<String, String> form(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private static Map<String, String> parse(String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			values.put(name, value);
		}
		return values;
	}

	private static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
	}

}
