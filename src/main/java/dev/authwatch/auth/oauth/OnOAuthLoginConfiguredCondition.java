package dev.authwatch.auth.oauth;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * OAuth login is on when {@code authwatch.oauth.authorization-uri} is set to something.
 */
final class OnOAuthLoginConfiguredCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty("authwatch.oauth.authorization-uri"));
	}

}
