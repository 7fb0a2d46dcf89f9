package dev.authwatch.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthChainConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AuthChainConfiguration.class);

	/**
	 * Routes bearer tokens between jwt and oauth; looks at nothing unless an external
	 * provider is configured.
	 */
	@Bean
	BearerClaims bearerClaims(BearerTokenResolver resolver, BearerTokenRouter router) {
		return new BearerClaims(resolver, router);
	}

	@Bean
	HandshakeTraces handshakeTraces() {
		return new HandshakeTraces();
	}

	@Bean
	AuthenticationChain authenticationChain(AuthProperties properties, OriginPolicy originPolicy,
			ObjectProvider<Authenticator> authenticators, ObjectProvider<AuthAttemptListener> listeners,
			ObjectProvider<HandshakeGate> gates) {
		Map<AuthMethod, Authenticator> available = authenticators.orderedStream()
			.collect(Collectors.toMap(Authenticator::method, Function.identity()));
		List<Authenticator> ordered = new ArrayList<>();
		for (String name : properties.chain()) {
			AuthMethod method = AuthMethod.fromCode(name);
			Authenticator authenticator = available.get(method);
			if (authenticator == null) {
				logger.info("Authentication method '{}' is in authwatch.auth.chain but not configured; skipping it",
						method.code());
			}
			else if (!ordered.contains(authenticator)) {
				ordered.add(authenticator);
			}
		}
		if (ordered.isEmpty()) {
			throw new IllegalStateException(
					"authwatch.auth.chain " + properties.chain() + " names no configured authentication method");
		}
		AuthenticationChain chain = new AuthenticationChain(originPolicy, ordered, listeners.orderedStream().toList(),
				gates.orderedStream().toList());
		logger.info("Handshake authentication chain: {}", chain.methods());
		return chain;
	}

}
