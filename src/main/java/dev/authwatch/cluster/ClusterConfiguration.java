package dev.authwatch.cluster;

import java.time.Clock;

import dev.authwatch.events.AuthEventLog;
import dev.authwatch.monitor.AuthHealthEvaluator;
import dev.authwatch.store.ChannelListener;
import dev.authwatch.store.StoreProperties;
import dev.authwatch.websocket.ChatRooms;
import dev.authwatch.websocket.LocalRoomFanout;
import dev.authwatch.websocket.RoomFanout;
import dev.authwatch.websocket.ConnectionRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Cluster membership: this instance alone with the memory store, every instance on one Redis. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	@Bean
	Membership membership(StoreProperties store, ClusterProperties properties, ObjectProvider<StringRedisTemplate> redis,
			JsonMapper json) {
		return switch (store.store()) {
			case MEMORY -> new LocalMembership();
			case REDIS -> new RedisMembership(redis.getObject(), json, properties.grace());
		};
	}

	@Bean
	ConnectionDirectory connectionDirectory(StoreProperties store, ObjectProvider<StringRedisTemplate> redis, JsonMapper json,
			Membership membership, LocalInstance self) {
		return switch (store.store()) {
			case MEMORY -> ConnectionDirectory.SINGLE_INSTANCE;
			case REDIS -> new RedisConnectionDirectory(redis.getObject(), json, membership, self.id());
		};
	}

	@Bean
	@ConditionalOnProperty(name = "authwatch.store", havingValue = "redis")
	DirectorySync directorySync(ConnectionRegistry registry, ConnectionDirectory directory, Membership membership,
			LocalInstance self, ClusterProperties properties,
			@Qualifier("clusterScheduler") ThreadPoolTaskScheduler clusterScheduler) {
		return new DirectorySync(registry, (RedisConnectionDirectory) directory, membership, self.id(), clusterScheduler,
				properties.directoryInterval());
	}

	@Bean
	RoomFanout roomFanout(StoreProperties store, ObjectProvider<StringRedisTemplate> redis, ChatRooms rooms) {
		return switch (store.store()) {
			case MEMORY -> new LocalRoomFanout(rooms);
			case REDIS -> new RedisRoomFanout(redis.getObject(), rooms);
		};
	}

	@Bean
	@ConditionalOnProperty(name = "authwatch.store", havingValue = "redis")
	ChannelListener roomListener(RoomFanout fanout) {
		return new ChannelListener(RedisRoomFanout.CHANNEL, (RedisRoomFanout) fanout);
	}

	@Bean
	ClusterEvents clusterEvents(StoreProperties store, AuthEventLog log, ObjectProvider<StringRedisTemplate> redis,
			JsonMapper json, LocalInstance self, @Qualifier("clusterScheduler") ThreadPoolTaskScheduler clusterScheduler,
			MeterRegistry meters) {
		return switch (store.store()) {
			case MEMORY -> ClusterEvents.SINGLE_INSTANCE;
			case REDIS -> new RedisEventRelay(log, redis.getObject(), json, self.id(), clusterScheduler, meters);
		};
	}

	@Bean
	@ConditionalOnProperty(name = "authwatch.store", havingValue = "redis")
	ChannelListener eventListener(ClusterEvents events) {
		return new ChannelListener(RedisEventRelay.CHANNEL, (RedisEventRelay) events);
	}

	@Bean
	LocalInstance localInstance(ClusterProperties properties, ObjectProvider<BuildProperties> build,
			AuthHealthEvaluator health, ConnectionRegistry connections, Environment environment, Clock clock) {
		return new LocalInstance(properties, build.getIfAvailable(), health, connections, environment, clock);
	}

	/** Its own thread: an announcement waits on Redis (500 ms timeouts), never on connection timers. */
	@Bean(defaultCandidate = false)
	ThreadPoolTaskScheduler clusterScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("cluster-");
		return scheduler;
	}

	@Bean
	InstanceAnnouncer instanceAnnouncer(LocalInstance self, Membership membership, ClusterProperties properties,
			@Qualifier("clusterScheduler") ThreadPoolTaskScheduler clusterScheduler) {
		return new InstanceAnnouncer(self, membership, clusterScheduler, properties.announceInterval());
	}

}
