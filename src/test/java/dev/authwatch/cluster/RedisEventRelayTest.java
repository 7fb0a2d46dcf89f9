package dev.authwatch.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEvent;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.metrics.AuthMetricNames;
import dev.authwatch.support.RedisTestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisEventRelayTest {

	/** What every instance reads at most, as application.yml sets it. */
	private static final JsonMapper JSON = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(1_048_576).build())
			.build())
		.build();

	private static final int BURST = 9_000;

	private final LettuceConnectionFactory connections = RedisTestServer.connectionFactory();

	private final StringRedisTemplate redis = new StringRedisTemplate(this.connections);

	private final RedisMessageListenerContainer listeners = new RedisMessageListenerContainer();

	private final FlushedByTheTest scheduler = new FlushedByTheTest();

	private final String prefix = "r" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private final AuthEventLog log = new AuthEventLog(16, new UserKeys(), Clock.systemUTC());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RedisEventRelay sender = relay(this.log, "a");

	private final RedisEventRelay receiver = relay(new AuthEventLog(16, new UserKeys(), Clock.systemUTC()), "b");

	@AfterEach
	void close() throws Exception {
		this.sender.stop();
		this.listeners.destroy();
		this.scheduler.shutdown();
		this.connections.destroy();
	}

	@Test
	void aBurstOfEventsReachesTheOtherInstancesWholeInMessagesTheyCanRead() {
		AtomicInteger received = new AtomicInteger();
		this.receiver.subscribe((event) -> received.incrementAndGet());
		listen();
		this.sender.start();

		for (int i = 0; i < BURST; i++) {
			this.log.publish(AuthEvent.Type.AUTH_FAILURE, AuthEvent.Severity.WARNING, "jwt", "expired",
					this.prefix + "user-" + i);
		}
		this.sender.flush();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received).hasValue(BURST));
		assertThat(this.meters.counter(AuthMetricNames.CLUSTER_EVENTS_DROPPED).count()).isZero();
	}

	@Test
	void eventsNobodyWatchesAreNotPublishedAndTheFirstStreamStartsTheRelay() {
		List<String> published = new CopyOnWriteArrayList<>();
		this.listeners.addMessageListener((message, pattern) -> published.add(new String(message.getBody())),
				new ChannelTopic(RedisEventRelay.CHANNEL));
		this.redis.delete(RedisEventRelay.WATCHED);
		listen();
		this.sender.start();

		this.log.publish(AuthEvent.Type.AUTH_FAILURE, AuthEvent.Severity.WARNING, "jwt", "expired", "unwatched");
		this.sender.flush();
		List<String> received = new CopyOnWriteArrayList<>();
		this.receiver.subscribe((event) -> received.add(event.method()));
		this.log.publish(AuthEvent.Type.AUTH_FAILURE, AuthEvent.Severity.WARNING, "ticket", "expired", "watched");
		this.sender.flush();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received).containsExactly("ticket"));
		// Pub/sub keeps the publisher's order: had the first flush published, its batch
		// would have come first.
		assertThat(published).singleElement().asString().contains("ticket").doesNotContain("jwt");
		assertThat(this.meters.counter(AuthMetricNames.CLUSTER_EVENTS_DROPPED).count()).isZero();
	}

	private void listen() {
		this.listeners.setConnectionFactory(this.connections);
		this.listeners.addMessageListener(this.receiver, new ChannelTopic(RedisEventRelay.CHANNEL));
		this.listeners.afterPropertiesSet();
		this.listeners.start();
		await().atMost(Duration.ofSeconds(5)).until(this.listeners::isListening);
	}

	private RedisEventRelay relay(AuthEventLog log, String instance) {
		return new RedisEventRelay(log, this.redis, JSON, this.prefix + instance, this.scheduler, this.meters);
	}

	/**
	 * The relay's periodic flush never comes during the test: the test flushes once,
	 * after the burst.
	 */
	private static final class FlushedByTheTest extends ThreadPoolTaskScheduler {

		FlushedByTheTest() {
			initialize();
		}

		@Override
		public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
			return schedule(task, Instant.now().plus(Duration.ofDays(1)));
		}

	}

}
