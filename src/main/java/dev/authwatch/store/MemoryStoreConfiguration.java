package dev.authwatch.store;

import java.time.Clock;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.authwatch.admin.audit.AuditConfiguration.AuditProperties;
import dev.authwatch.admin.audit.AuditLog;
import dev.authwatch.admin.audit.InMemoryAuditLog;
import dev.authwatch.auth.session.LoginSessionProperties;
import dev.authwatch.auth.ticket.TicketStore;
import dev.authwatch.cluster.ClusterEvents;
import dev.authwatch.cluster.ConnectionDirectory;
import dev.authwatch.cluster.LocalMembership;
import dev.authwatch.cluster.Membership;
import dev.authwatch.config.AuthWatchProperties;
import dev.authwatch.datadir.DataDirectory;
import dev.authwatch.jwthealth.KeyStateStore;
import dev.authwatch.token.PasswordResetProperties;
import dev.authwatch.token.RefreshFamilyStore;
import dev.authwatch.token.ResetTokenStore;
import dev.authwatch.websocket.ChatRooms;
import dev.authwatch.websocket.DeliveryProperties;
import dev.authwatch.websocket.LocalRoomFanout;
import dev.authwatch.websocket.RevocationBus;
import dev.authwatch.websocket.RoomFanout;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * {@code authwatch.store=memory} (the default): every piece of shared state lives in this
 * JVM, bounded so that no flood can exhaust the heap, and this instance is the whole
 * cluster. {@link RedisStoreConfiguration} is the other backend; nothing else looks at
 * {@code authwatch.store}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = AuthWatchProperties.STORE, havingValue = "memory", matchIfMissing = true)
class MemoryStoreConfiguration {

	/** Caps in-memory tickets so a flood of minting cannot exhaust the heap. */
	private static final long MAX_IN_MEMORY_TICKETS = 100_000;

	/** Caps in-memory password-reset tokens. */
	private static final long MAX_IN_MEMORY_RESET_TOKENS = 10_000;

	/** Caps in-memory login sessions. */
	private static final long MAX_IN_MEMORY_SESSIONS = 100_000;

	@Bean
	TicketStore ticketStore(Clock clock) {
		return new InMemoryTicketStore(MAX_IN_MEMORY_TICKETS, clock);
	}

	@Bean
	RefreshFamilyStore refreshFamilyStore(Clock clock, LocalUserRevocations localUserRevocations) {
		return new InMemoryRefreshFamilyStore(StoreConfiguration.MAX_IN_MEMORY_FAMILIES, clock, localUserRevocations);
	}

	@Bean
	ResetTokenStore resetTokenStore(PasswordResetProperties reset) {
		return new InMemoryResetTokenStore(MAX_IN_MEMORY_RESET_TOKENS, reset.ttl());
	}

	/**
	 * A bounded Caffeine map that drops idle sessions itself; Boot's Redis session
	 * configuration backs off.
	 */
	@Bean
	SessionRepository<? extends Session> sessionRepository(LoginSessionProperties sessions) {
		MapSessionRepository repository = new MapSessionRepository(Caffeine.newBuilder()
			.maximumSize(MAX_IN_MEMORY_SESSIONS)
			.expireAfterAccess(sessions.timeout())
			.<String, Session>build()
			.asMap());
		repository.setDefaultMaxInactiveInterval(sessions.timeout());
		return repository;
	}

	/** Revocations reach no other instance: there is none. */
	@Bean
	RevocationBus revocationBus() {
		return RevocationBus.LOCAL;
	}

	/** The check after registration is a map lookup, done on the connection's thread. */
	@Bean(defaultCandidate = false)
	Executor admissionRecheckExecutor() {
		return Runnable::run;
	}

	@Bean
	Membership membership() {
		return new LocalMembership();
	}

	@Bean
	ConnectionDirectory connectionDirectory() {
		return ConnectionDirectory.SINGLE_INSTANCE;
	}

	@Bean
	RoomFanout roomFanout(ChatRooms rooms, DeliveryProperties properties, Clock clock) {
		return new LocalRoomFanout(rooms, properties, clock);
	}

	@Bean
	ClusterEvents clusterEvents() {
		return ClusterEvents.SINGLE_INSTANCE;
	}

	@Bean
	AuditLog auditLog(AuditProperties properties) {
		return new InMemoryAuditLog(properties.capacity());
	}

	/**
	 * The last key state in the data directory, so that a rotation across a restart is
	 * seen.
	 */
	@Bean
	KeyStateStore keyStateStore(DataDirectory dataDirectory) {
		return KeyStateStore.inDataDirectory(dataDirectory);
	}

}
