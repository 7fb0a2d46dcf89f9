package dev.authwatch.token;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.authwatch.metrics.LifecycleMetrics;
import dev.authwatch.user.UserStore;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordResetConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ResetNotifier resetNotifier(PasswordResetProperties properties, Clock clock) {
		return new OutboxResetNotifier(properties.outbox(), clock);
	}

	/** One thread and a bounded queue: a flood of reset requests is dropped, not queued without end. */
	@Bean(destroyMethod = "shutdown", defaultCandidate = false)
	ExecutorService passwordResetExecutor() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), (task) -> {
			Thread thread = new Thread(task, "password-reset");
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.DiscardPolicy());
	}

	@Bean
	PasswordResets passwordResets(UserStore users, ResetTokenStore tokens, ResetNotifier notifier, PasswordEncoder encoder,
			RefreshTokens refreshTokens, PasswordResetProperties properties, LifecycleMetrics metrics,
			@Qualifier("passwordResetExecutor") ExecutorService executor) {
		return new PasswordResets(users, tokens, notifier, encoder, refreshTokens, properties, metrics, executor);
	}

}
