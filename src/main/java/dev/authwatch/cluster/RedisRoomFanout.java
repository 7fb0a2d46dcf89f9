package dev.authwatch.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.authwatch.websocket.ChatRooms;
import dev.authwatch.websocket.RoomFanout;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.web.socket.TextMessage;

/**
 * Rooms across instances: one Lua script takes the room's next offset and publishes the message
 * with it on one channel; every instance, the sender's included, delivers what it receives to its
 * own members. Redis runs the script atomically and delivers a channel's messages in publish
 * order, so every member sees a room's messages once each, in offset order.
 * Messages are {@code <room>\n<frame>}; room names never contain a newline.
 */
public final class RedisRoomFanout implements RoomFanout, MessageListener {

	public static final String CHANNEL = "authwatch:rooms";

	static final String OFFSET = "authwatch:room:";

	/** A room idle this long starts its offsets again. */
	static final Duration IDLE_ROOM = Duration.ofDays(1);

	private static final RedisScript<Long> PUBLISH = RedisScript.of("""
			local offset = redis.call('INCR', KEYS[1])
			redis.call('EXPIRE', KEYS[1], ARGV[2])
			local frame = string.sub(ARGV[1], 1, -2) .. ',"offset":' .. offset .. '}'
			redis.call('PUBLISH', ARGV[3], ARGV[4] .. '\\n' .. frame)
			return offset
			""", Long.class);

	private final StringRedisTemplate redis;

	private final ChatRooms rooms;

	public RedisRoomFanout(StringRedisTemplate redis, ChatRooms rooms) {
		this.redis = redis;
		this.rooms = rooms;
	}

	@Override
	public void publish(String room, String message) {
		this.redis.execute(PUBLISH, List.of(OFFSET + room + ":offset"), message, Long.toString(IDLE_ROOM.toSeconds()),
				CHANNEL, room);
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String body = new String(message.getBody(), StandardCharsets.UTF_8);
		int newline = body.indexOf('\n');
		if (newline > 0) {
			this.rooms.deliver(body.substring(0, newline), new TextMessage(body.substring(newline + 1)));
		}
	}

}
