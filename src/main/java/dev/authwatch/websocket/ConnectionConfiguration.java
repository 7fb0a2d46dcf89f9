package dev.authwatch.websocket;

import java.time.Clock;
import java.util.concurrent.Executor;

import dev.authwatch.auth.jwt.Admission;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.DeliveryMetrics;
import dev.authwatch.metrics.LimitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The connection registry and everything that governs a connection after its handshake.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

	@Bean
	ConnectionRegistry connectionRegistry(MeterRegistry meterRegistry, AuthEventLog events, RevocationBus revocations) {
		return new ConnectionRegistry(meterRegistry, events, revocations);
	}

	/**
	 * One small pool for every connection's expiry timer and the heartbeat tick. Not a
	 * default candidate, so that {@code @Scheduled} work keeps Boot's own scheduler.
	 */
	@Bean(defaultCandidate = false)
	ThreadPoolTaskScheduler connectionScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("ws-lifecycle-");
		scheduler.setRemoveOnCancelPolicy(true);
		// Keep timing connections until the registry has closed them all with 1001: stop
		// after it
		// (a lower phase stops later) and do not refuse work as soon as the context
		// starts closing.
		scheduler.setAcceptTasksAfterContextClose(true);
		scheduler.setPhase(ConnectionRegistry.PHASE - 1);
		return scheduler;
	}

	@Bean
	CredentialExpiry credentialExpiry(@Qualifier("connectionScheduler") ThreadPoolTaskScheduler connectionScheduler,
			JwtProperties jwt, Clock clock) {
		return new CredentialExpiry(connectionScheduler, jwt.clockSkew(), clock);
	}

	@Bean
	HeartbeatMonitor heartbeatMonitor(ConnectionRegistry registry, MeterRegistry meters, Clock clock,
			@Qualifier("connectionScheduler") ThreadPoolTaskScheduler connectionScheduler,
			WebSocketProperties properties) {
		return new HeartbeatMonitor(registry, meters, clock, connectionScheduler, properties.heartbeatInterval());
	}

	@Bean(destroyMethod = "close")
	FanoutLanes fanoutLanes() {
		return new FanoutLanes(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
	}

	@Bean
	ChatRooms chatRooms(FanoutLanes lanes) {
		return new ChatRooms(lanes);
	}

	@Bean
	AdmissionRecheck admissionRecheck(Admission admission,
			@Qualifier("admissionRecheckExecutor") Executor recheckExecutor) {
		return new AdmissionRecheck(admission, recheckExecutor);
	}

	@Bean
	ChatWebSocketHandler chatWebSocketHandler(ConnectionRegistry registry, ChatRooms rooms, RoomFanout fanout,
			CredentialExpiry expiry, HeartbeatMonitor heartbeats, Admission admission, AdmissionRecheck recheck,
			AuthMetrics metrics, LimitMetrics limits, DeliveryMetrics delivery, MeterRegistry meters,
			WebSocketProperties properties, JsonMapper json, Clock clock) {
		Reauthentication reauthentication = new Reauthentication(admission, expiry, recheck, meters);
		ChatReplies replies = new ChatReplies(json);
		ChatProtocol protocol = new ChatProtocol(rooms,
				new RoomJoin(rooms, fanout, replies, delivery, properties.maxRoomsPerConnection()),
				new MessageSend(fanout, replies, delivery, clock), reauthentication, replies, json);
		return new ChatWebSocketHandler(registry, rooms, protocol, expiry, recheck, heartbeats, metrics, limits,
				properties, clock);
	}

}
