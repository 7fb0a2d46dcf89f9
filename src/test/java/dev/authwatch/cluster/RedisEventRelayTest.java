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

	@AfterEach
	void close() throws Exception {
		this.listeners.destroy();
		this.scheduler.shutdown();
		this.connections.destroy();
	}

	@Test
	void aBurstOfEventsReachesTheOtherInstancesWholeInMessagesTheyCanRead() {
		AuthEventLog log = new AuthEventLog(16, new UserKeys(), Clock.systemUTC());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RedisEventRelay sender = relay(log, "a", meters);
		RedisEventRelay receiver = relay(new AuthEventLog(16, new UserKeys(), Clock.systemUTC()), "b", meters);
		AtomicInteger received = new AtomicInteger();
		receiver.subscribe((event) -> received.incrementAndGet());
		listen(receiver);
		sender.start();

		for (int i = 0; i < BURST; i++) {
			log.publish(AuthEvent.Type.AUTH_FAILURE, AuthEvent.Severity.WARNING, "jwt", "expired",
					this.prefix + "user-" + i);
		}
		sender.flush();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received).hasValue(BURST));
		assertThat(meters.counter(AuthMetricNames.CLUSTER_EVENTS_DROPPED).count()).isZero();
		sender.stop();
	}

	@Test
	void eventsNobodyWatchesAreNotPublishedAndTheFirstStreamStartsTheRelay() {
		AuthEventLog log = new AuthEventLog(16, new UserKeys(), Clock.systemUTC());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RedisEventRelay sender = relay(log, "a", meters);
		RedisEventRelay receiver = relay(new AuthEventLog(16, new UserKeys(), Clock.systemUTC()), "b", meters);
		List<String> published = new CopyOnWriteArrayList<>();
		this.listeners.addMessageListener((message, pattern) -> published.add(new String(message.getBody())),
				new ChannelTopic(RedisEventRelay.CHANNEL));
		this.redis.delete(RedisEventRelay.WATCHED);
		listen(receiver);
		sender.start();

		log.publish(AuthEvent.Type.AUTH_FAILURE, AuthEvent.Severity.WARNING, "jwt", "expired", "unwatched");
		sender.flush();
		List<String> received = new CopyOnWriteArrayList<>();
		receiver.subscribe((event) -> received.add(event.method()));
		log.publish(AuthEvent.Type.AUTH_FAILURE, AuthEvent.Severity.WARNING, "ticket", "expired", "watched");
		sender.flush();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received).containsExactly("ticket"));
		// Pub/sub keeps the publisher's order: had the first flush published, its batch
		// would have come first.
		assertThat(published).singleElement().asString().contains("ticket").doesNotContain("jwt");
		assertThat(meters.counter(AuthMetricNames.CLUSTER_EVENTS_DROPPED).count()).isZero();
		sender.stop();
	}

	private void listen(RedisEventRelay receiver) {
		this.listeners.setConnectionFactory(this.connections);
		this.listeners.addMessageListener(receiver, new ChannelTopic(RedisEventRelay.CHANNEL));
		this.listeners.afterPropertiesSet();
		this.listeners.start();
		await().atMost(Duration.ofSeconds(5)).until(this.listeners::isListening);
	}

	private RedisEventRelay relay(AuthEventLog log, String instance, SimpleMeterRegistry meters) {
		return new RedisEventRelay(log, this.redis, JSON, this.prefix + instance, this.scheduler, meters);
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
