package dev.authwatch.auth.ticket;

import java.time.Clock;

import dev.authwatch.auth.Authenticator;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TicketConfiguration {

	@Bean
	TicketService ticketService(TicketStore store, TicketProperties properties, AuthMetrics metrics, Clock clock) {
		return new TicketService(store, properties, metrics, clock);
	}

	@Bean
	Authenticator ticketAuthenticator(TicketService tickets) {
		return new TicketAuthenticator(tickets);
	}

}
