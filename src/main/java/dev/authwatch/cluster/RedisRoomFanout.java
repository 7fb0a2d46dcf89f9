package dev.authwatch.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.authwatch.crypto.Hashes;
import dev.authwatch.metrics.DeliveryMetrics;
import dev.authwatch.websocket.ChatRooms;
import dev.authwatch.websocket.DeliveryProperties;
import dev.authwatch.websocket.RoomFanout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.web.socket.TextMessage;

/**
 * Rooms across instances. One Lua script per message, so one round trip: it answers a
 * resent id with the offset it was first given, or takes the room's next offset, appends
 * the frame to the room's history stream, remembers the id and publishes the frame on one
 * channel; every instance, the sender's included, delivers what it receives to its own
 * members. Redis runs the script atomically and delivers a channel's messages in publish
 * order, so every member sees a room's messages once each, in offset order, and the
 * history holds exactly what was published.
 * <p>
 * Keys, per room: {@code authwatch:room:<room>:offset} and {@code :first} (the room's
 * latest and first offsets, kept a day after the last message), {@code :history} (a
 * stream of the last messages, field {@code o} the offset and {@code f} the frame, gone
 * when the room is idle for the history's maximum age) and {@code :sent:<sha256>} (an id,
 * hashed with its user, holding its offset for the dedup window). Channel messages are
 * {@code <room>\n<frame>}; room names never contain a newline.
 * <p>
 * Pub/sub delivers at most once: what is published while this instance's subscription is
 * down (Redis restarting, a dropped connection) never reaches it. So whatever falls
 * between the offset last delivered to a room's members here ({@link ChatRooms}) and a
 * later message, or was published before a resubscription, is read from the room's
 * history and delivered first; what the history no longer holds is counted as lost. Both
 * run on the one pub/sub thread, which receives messages and subscriptions in order.
 * <p>
 * Offsets only increase, also when Redis loses a room's offset (see {@link #PUBLISH}):
 * the room then starts again far above its last offset, and {@code :first} holds where,
 * so that a catch-up or a join with an offset from before counts only the messages that
 * existed.
 */
public final class RedisRoomFanout implements RoomFanout, MessageListener, SubscriptionListener {

	private static final Logger logger = LoggerFactory.getLogger(RedisRoomFanout.class);

	public static final String CHANNEL = "authwatch:rooms";

	static final String ROOM = "authwatch:room:";

	/**
	 * A room Redis has no offset for (new, idle past the offset's expiry, or Redis
	 * restarted empty) starts at Redis' time in microseconds: above every offset it had
	 * before, unless it averaged more than a message per microsecond. Offsets past 2^53
	 * would lose precision in Lua and JavaScript numbers; microseconds get there in 2255.
	 * Lua turns numbers into strings with 14 digits, hence {@code %d}.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> PUBLISH = RedisScript.of("""
			if KEYS[4] then
				local first = redis.call('GET', KEYS[4])
				if first then
					return {tonumber(first), 1}
				end
			end
			local offset = redis.call('INCR', KEYS[1])
			if offset == 1 then
				local now = redis.call('TIME')
				offset = tonumber(now[1]) * 1000000 + tonumber(now[2])
				redis.call('SET', KEYS[1], string.format('%d', offset))
				redis.call('SET', KEYS[2], string.format('%d', offset))
			end
			redis.call('EXPIRE', KEYS[1], ARGV[2])
			redis.call('EXPIRE', KEYS[2], ARGV[2])
			local text = string.format('%d', offset)
			local frame = string.sub(ARGV[1], 1, -2) .. ',"offset":' .. text .. '}'
			redis.call('XADD', KEYS[3], 'MAXLEN', ARGV[5], '*', 'o', text, 'f', frame)
			redis.call('PEXPIRE', KEYS[3], ARGV[6])
			if KEYS[4] then
				redis.call('SET', KEYS[4], text, 'PX', ARGV[7])
			end
			redis.call('PUBLISH', ARGV[3], ARGV[4] .. '\\n' .. frame)
			return {offset, 0}
			""", List.class);

	/**
	 * The latest offset, the room's first, the oldest kept, how many are kept, then
	 * offset and frame of each kept message after ARGV[1]; entries older than the maximum
	 * age (ARGV[2], by Redis' clock, which made the stream ids) do not count.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> HISTORY = RedisScript.of("""
			local latest = redis.call('GET', KEYS[1]) or '0'
			local first = redis.call('GET', KEYS[2]) or '0'
			local now = redis.call('TIME')
			local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[2])
			local entries = redis.call('XRANGE', KEYS[3], string.format('%d', oldest), '+')
			local result = {latest, first, '0', tostring(#entries)}
			for i, entry in ipairs(entries) do
				local offset = entry[2][2]
				if i == 1 then
					result[3] = offset
				end
				if tonumber(offset) > tonumber(ARGV[1]) then
					table.insert(result, offset)
					table.insert(result, entry[2][4])
				end
			end
			return result
			""", List.class);

	private final StringRedisTemplate redis;

	private final ChatRooms rooms;

	private final DeliveryMetrics metrics;

	private final String idleRoomSeconds = Long.toString(DeliveryProperties.IDLE_ROOM.toSeconds());

	private final String historySize;

	private final String historyMaxAgeMillis;

	private final String dedupWindowMillis;

	public RedisRoomFanout(StringRedisTemplate redis, ChatRooms rooms, DeliveryProperties properties,
			DeliveryMetrics metrics) {
		this.redis = redis;
		this.rooms = rooms;
		this.metrics = metrics;
		this.historySize = Integer.toString(properties.historySize());
		this.historyMaxAgeMillis = Long.toString(properties.historyMaxAge().toMillis());
		this.dedupWindowMillis = Long.toString(properties.dedupWindow().toMillis());
	}

	@Override
	public Published publish(String room, String sender, @Nullable String id, String message) {
		List<String> keys = (id != null)
				? List.of(offsetKey(room), firstOffsetKey(room), historyKey(room), sentKey(room, sender, id))
				: List.of(offsetKey(room), firstOffsetKey(room), historyKey(room));
		List<?> result = this.redis.execute(PUBLISH, keys, message, this.idleRoomSeconds, CHANNEL, room,
				this.historySize, this.historyMaxAgeMillis, this.dedupWindowMillis);
		return new Published(((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue() == 1);
	}

	@Override
	public History history(String room, long since) {
		List<?> result = this.redis.execute(HISTORY, List.of(offsetKey(room), firstOffsetKey(room), historyKey(room)),
				Long.toString(since), this.historyMaxAgeMillis);
		List<Kept> after = new ArrayList<>((result.size() - 4) / 2);
		for (int i = 4; i < result.size(); i += 2) {
			after.add(new Kept(Long.parseLong((String) result.get(i)), (String) result.get(i + 1)));
		}
		return new History(Long.parseLong((String) result.get(0)), Long.parseLong((String) result.get(1)),
				Long.parseLong((String) result.get(2)), Integer.parseInt((String) result.get(3)), after);
	}

	@Override
	public long latest(String room) {
		String latest = this.redis.opsForValue().get(offsetKey(room));
		return (latest != null) ? Long.parseLong(latest) : 0;
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String body = new String(message.getBody(), StandardCharsets.UTF_8);
		int newline = body.indexOf('\n');
		if (newline > 0) {
			String frame = body.substring(newline + 1);
			deliverLive(body.substring(0, newline), RoomFanout.offsetOf(frame), frame);
		}
	}

	/**
	 * Subscribed, at startup or again after the subscription was lost: every room with
	 * members here gets what was published meanwhile.
	 */
	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		for (String room : this.rooms.names()) {
			long owedAfter = this.rooms.owedAfter(room);
			if (owedAfter >= 0) {
				catchUp(room, owedAfter, Long.MAX_VALUE);
			}
		}
	}

	private void deliverLive(String room, long offset, String frame) {
		// A room that had no message when its members here joined (0) has no offset to
		// tell a gap by until its first message here; a subscription catches it up.
		long owedAfter = this.rooms.owedAfter(room);
		if (owedAfter > 0 && offset > owedAfter + 1) {
			catchUp(room, owedAfter, offset - 1);
		}
		this.rooms.deliver(room, offset, new TextMessage(frame));
	}

	/**
	 * Delivers the room's messages after {@code owedAfter}, up to {@code through}, from
	 * the history.
	 */
	private void catchUp(String room, long owedAfter, long through) {
		History history;
		try {
			history = history(room, owedAfter);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not read a room's history to deliver the messages this instance missed: {}",
					ex.getMessage());
			return;
		}
		if (history.first() > owedAfter + 1) {
			logger.warn("Redis lost a room's offset (restarted empty, or the room was idle past its expiry): "
					+ "what was published after this instance's last delivery and before that is unknown");
		}
		long caughtUpTo = Math.min(history.latest(), through);
		long missed = history.countBetween(owedAfter, caughtUpTo);
		if (missed <= 0) {
			return;
		}
		int recovered = 0;
		for (Kept kept : history.after()) {
			if (kept.offset() > through) {
				break;
			}
			this.rooms.deliver(room, kept.offset(), new TextMessage(kept.frame()));
			recovered++;
		}
		this.metrics.caughtUp(recovered, missed - recovered);
		if (missed > recovered) {
			logger.warn(
					"{} room message(s) published while this instance was not subscribed are no longer in the history",
					missed - recovered);
		}
	}

	static String offsetKey(String room) {
		return ROOM + room + ":offset";
	}

	static String firstOffsetKey(String room) {
		return ROOM + room + ":first";
	}

	static String historyKey(String room) {
		return ROOM + room + ":history";
	}

	/** The user's id and the client's id hashed: neither appears in a key. */
	static String sentKey(String room, String sender, String id) {
		return ROOM + room + ":sent:" + Hashes.sha256(sender.length() + ":" + sender + id);
	}

}
