package dev.authwatch.auth.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
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
 * A real OAuth 2.0 provider over HTTP on a loopback port: RFC 7662 introspection (HTTP Basic
 * client authentication), a JWK set with one RSA key, an authorization-code token endpoint that
 * verifies PKCE S256, and userinfo. Counts the requests each endpoint received.
 */
final class FakeOAuthProvider implements AutoCloseable {

	static final String CLIENT_ID = "authwatch-client";

	static final String CLIENT_SECRET = "client-secret-42";

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

	FakeOAuthProvider() {
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

	String issuer() {
		return "https://provider.example.test";
	}

	String uri(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** An opaque token the introspection endpoint reports active with these claims. */
	String opaqueToken(String subject, long ttlSeconds, String... roles) {
		String token = "opaque-" + UUID.randomUUID();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("active", true);
		claims.put("sub", subject);
		claims.put("iss", issuer());
		claims.put("exp", Instant.now().getEpochSecond() + ttlSeconds);
		claims.put("roles", java.util.List.of(roles));
		this.activeTokens.put(token, claims);
		return token;
	}

	/** A JWT signed with the provider's published key (or another key id, which the JWK set lacks). */
	String jwt(String subject, String keyId) {
		try {
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
				.subject(subject)
				.issueTime(java.util.Date.from(now))
				.expirationTime(java.util.Date.from(now.plusSeconds(300)))
				.claim("roles", java.util.List.of("user"))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
				.type(JOSEObjectType.JWT).build(), claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	String jwt(String subject) {
		return jwt(subject, this.key.getKeyID());
	}

	/**
	 * The user approves at the authorization endpoint: returns the code the provider would send
	 * to the redirect URI, bound to the request's PKCE challenge and redirect URI.
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
