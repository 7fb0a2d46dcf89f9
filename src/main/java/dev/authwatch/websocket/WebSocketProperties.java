package dev.authwatch.websocket;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * WebSocket endpoint settings.
 *
 * @param allowedOrigins browser origins allowed to open a connection besides the
 * service's own, e.g. {@code https://chat.example.com}; none by default
 * @param requireOrigin refuse handshakes without an {@code Origin} header (non-browser
 * clients)
 * @param allowQueryToken accept the access token as the {@code access_token} query
 * parameter (it ends up in access logs; prefer the header, the subprotocol or a ticket)
 * @param heartbeatInterval how often the server pings each connection
 * @param idleTimeout a connection with no traffic for this long is closed
 * ({@code WEBSOCKET_AUTH_MONITORING_TIMEOUT_SEC})
 * @param maxMessageSize largest chat frame the application accepts; larger ones get an
 * error frame
 * @param maxMessagesPerSecond frames one connection may send per second (bursts up to the
 * same number); more closes the connection with 1008 (time the server itself spent on a
 * frame beyond its share is credited back, see {@code ChatConnection#handled})
 * @param maxRoomsPerConnection how many rooms one connection may join
 * @param sendTimeLimit a frame to a client pending longer than this closes the connection
 * (1008 {@code slow consumer}), found by the next frame sent to it or the next heartbeat;
 * sends never block the sender
 * @param sendBufferLimit frames queued for a client beyond this (in characters) close the
 * connection likewise
 */
@ConfigurationProperties("authwatch.websocket")
@Validated
public record WebSocketProperties(@DefaultValue List<String> allowedOrigins,
		@DefaultValue("false") boolean requireOrigin, @DefaultValue("false") boolean allowQueryToken,
		@DefaultValue("30s") Duration heartbeatInterval, @DefaultValue("600s") Duration idleTimeout,
		@DefaultValue("8KB") DataSize maxMessageSize,
		@DefaultValue("20") @Min(value = 1,
				message = "authwatch.websocket.max-messages-per-second must be at least 1") int maxMessagesPerSecond,
		@DefaultValue("32") @Min(value = 1,
				message = "authwatch.websocket.max-rooms-per-connection must be at least 1") @Max(value = 1024,
						message = "authwatch.websocket.max-rooms-per-connection must be at most 1024") int maxRoomsPerConnection,
		@DefaultValue("5s") Duration sendTimeLimit, @DefaultValue("256KB") DataSize sendBufferLimit) {

	/**
	 * The largest {@code max-message-size} allowed: what one connection may make the
	 * server buffer.
	 */
	public static final int MESSAGE_SIZE_CEILING_BYTES = 64 * 1024;

	@AssertTrue(message = "authwatch.websocket.max-message-size must be between 1B and 64KB")
	boolean isMaxMessageSizeWithinContainerLimit() {
		return this.maxMessageSize.toBytes() >= 1 && this.maxMessageSize.toBytes() <= MESSAGE_SIZE_CEILING_BYTES;
	}

	@AssertTrue(message = "authwatch.websocket.heartbeat-interval must be at least 1s")
	boolean isHeartbeatIntervalPositive() {
		return this.heartbeatInterval.compareTo(Duration.ofSeconds(1)) >= 0;
	}

}
