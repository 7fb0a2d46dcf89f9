package dev.authwatch.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** Spring Security's strict firewall, defaults unchanged, with header checks that do not use regular expressions. */
@Configuration(proxyBeanMethods = false)
public class FirewallConfiguration {

	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
		return firewall;
	}

}
