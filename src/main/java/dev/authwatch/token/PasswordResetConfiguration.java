package dev.authwatch.token;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.authwatch.datadir.DataDirectory;
import dev.authwatch.datadir.DataFile;
import dev.authwatch.metrics.LifecycleMetrics;
import dev.authwatch.user.UserStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordResetConfiguration {

	/**
	 * One thread and a bounded queue: a flood of reset requests is dropped, not queued
	 * without end.
	 */
	@Bean(destroyMethod = "shutdown", defaultCandidate = false)
	ExecutorService passwordResetExecutor() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), (task) -> {
			Thread thread = new Thread(task, "password-reset");
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.DiscardPolicy());
	}

	@Bean
	PasswordResets passwordResets(UserStore users, ResetTokenStore tokens, ObjectProvider<ResetNotifier> notifier,
			PasswordEncoder encoder, RefreshTokens refreshTokens, PasswordResetProperties properties,
			LifecycleMetrics metrics, @Qualifier("passwordResetExecutor") ExecutorService executor,
			DataDirectory dataDirectory, Clock clock) {
		// A ResetNotifier bean (e.g. one that sends mail) replaces the default outbox
		// file.
		ResetNotifier delivery = notifier
			.getIfAvailable(() -> new OutboxResetNotifier(dataDirectory.require(DataFile.RESET_OUTBOX), clock));
		return new PasswordResets(users, tokens, delivery, encoder, refreshTokens, properties, metrics, executor);
	}

}
