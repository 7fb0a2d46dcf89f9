package dev.authwatch.auth.session;

import java.time.Clock;

import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.OriginPolicy;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Spring Session over the {@code SessionRepository} that the store configuration picks
 * (memory or Redis); Boot registers the filter and configures the cookie from
 * {@code server.servlet.session.cookie.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration {

	@Bean
	SessionLogin sessionLogin() {
		return new SessionLogin();
	}

	@Bean
	Authenticator sessionAuthenticator(ObjectProvider<CookieSerializer> cookies, OriginPolicy origins,
			AuthMetrics metrics, Clock clock) {
		return new SessionAuthenticator(cookies.getIfAvailable(DefaultCookieSerializer::new), origins, metrics, clock);
	}

}
