package dev.authwatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.support.TestJwtProperties;

/**
 * Credentials for the load: access tokens signed in this process with the secret the server was
 * started with (the same issuer class the service uses), and tickets bought from
 * {@code POST /api/auth/ticket} before a timed round starts.
 */
final class Credentials {

	private static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");

	private final AccessTokenIssuer issuer;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	Credentials(String secret, int port) {
		JwtProperties properties = TestJwtProperties.withSecrets(secret, null);
		this.issuer = new AccessTokenIssuer(JwtKeyRing.of(secret.getBytes(StandardCharsets.UTF_8), null), properties,
				Clock.systemUTC());
		this.port = port;
	}

	String token(String subject) {
		return this.issuer.issue(subject, List.of("user"), Duration.ofHours(2)).value();
	}

	List<String> tokens(String prefix, int count) {
		List<String> tokens = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			tokens.add(token(prefix + i));
		}
		return tokens;
	}

	/** Buys {@code count} tickets with four blocking HTTP/1.1 callers; not timed. */
	ConcurrentLinkedQueue<String> tickets(int count, List<String> tokens) throws Exception {
		ConcurrentLinkedQueue<String> tickets = new ConcurrentLinkedQueue<>();
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				int caller = c;
				work.add(callers.submit(() -> {
					for (int i = caller; i < count; i += 4) {
						tickets.add(ticket(tokens.get(i % tokens.size())));
					}
					return null;
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		finally {
			callers.shutdown();
		}
		return tickets;
	}

	private String ticket(String token) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/auth/ticket"))
					.header("Authorization", "Bearer " + token)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher matcher = TICKET.matcher(response.body());
		if (response.statusCode() != 200 || !matcher.find()) {
			throw new IllegalStateException("ticket endpoint answered " + response.statusCode() + ": " + response.body());
		}
		return matcher.group(1);
	}

}
