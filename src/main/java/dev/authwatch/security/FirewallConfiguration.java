package dev.authwatch.security;

import dev.authwatch.auth.FailureReason;
import dev.authwatch.errors.ErrorBody;
import dev.authwatch.errors.ErrorResponses;
import dev.authwatch.metrics.AuthMetrics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, defaults unchanged, with header checks that do not
 * use regular expressions; what it refuses is answered 400 {@code malformed} as JSON and
 * counted. (A handshake's authentication chain answers a refused header itself, as a
 * rejected attempt.)
 */
@Configuration(proxyBeanMethods = false)
public class FirewallConfiguration {

	private static final ErrorBody REFUSED = ErrorBody.of(FailureReason.MALFORMED,
			"The request holds a path or header this service does not accept.");

	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
		return firewall;
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler(AuthMetrics metrics, JsonMapper json) {
		return (request, response, ex) -> {
			metrics.error(FailureReason.MALFORMED);
			ErrorResponses.write(response, HttpStatus.BAD_REQUEST, REFUSED, json);
		};
	}

}
