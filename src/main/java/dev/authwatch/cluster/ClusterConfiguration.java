package dev.authwatch.cluster;

import java.time.Clock;

import dev.authwatch.monitor.AuthHealthEvaluator;
import dev.authwatch.websocket.ConnectionRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * This instance in the cluster: who it is and how it announces itself. What the cluster
 * shares (membership, the connection directory, rooms, events) is the store backend's:
 * this instance alone with the memory store, every instance on one Redis.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	@Bean
	LocalInstance localInstance(ClusterProperties properties, ObjectProvider<BuildProperties> build,
			AuthHealthEvaluator health, ConnectionRegistry connections, Environment environment, Clock clock) {
		return new LocalInstance(properties, build.getIfAvailable(), health, connections, environment, clock);
	}

	/**
	 * Its own thread: an announcement waits on Redis (500 ms timeouts), never on
	 * connection timers.
	 */
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
