package dev.authwatch.auth.oauth;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The oauth chain method is on when the provider's issuer, introspection URI or JWK set
 * URI is set to something; an empty value (e.g. an unset environment variable) leaves it
 * off.
 */
final class OnOAuthConfiguredCondition implements Condition {

	static final String[] KEYS = { "authwatch.oauth.issuer", "authwatch.oauth.introspection-uri",
			"authwatch.oauth.jwks-uri" };

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		for (String key : KEYS) {
			if (StringUtils.hasText(environment.getProperty(key))) {
				return true;
			}
		}
		return false;
	}

}
