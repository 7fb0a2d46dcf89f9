package dev.authwatch.websocket;

import java.time.Instant;

import tools.jackson.core.io.JsonStringEncoder;

import org.springframework.web.socket.TextMessage;

/**
 * The welcome frame every successful handshake gets, written without a data-binding pass:
 * it is the one frame each connection pays for, and the mapper's per-call setup cost more
 * than the rest of the chat handler's connection work (docs/benchmarks.md). The user id
 * is escaped with Jackson's own string encoder; the method is a closed set; the instant
 * is ISO-8601 as the mapper writes it. {@code WelcomeFrameTest} holds it to the mapper's
 * output.
 */
final class WelcomeFrame {

	private WelcomeFrame() {
	}

	static TextMessage of(String user, String method, Instant expiresAt) {
		StringBuilder json = new StringBuilder(64 + user.length()).append("{\"type\":\"welcome\",\"user\":\"");
		JsonStringEncoder.getInstance().quoteAsString(user, json);
		return new TextMessage(json.append("\",\"method\":\"")
			.append(method)
			.append("\",\"expiresAt\":\"")
			.append(expiresAt)
			.append("\"}"));
	}

}
