package dev.authwatch.auth.jwt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Startup refused for the JWT configuration (a weak or missing secret) ends with Boot's
 * "APPLICATION FAILED TO START" block saying what to fix, instead of a chain of bean
 * creation failures.
 */
class InvalidJwtConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidJwtConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidJwtConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the setting named above and restart; `java -jar authwatch.jar validate` checks a configuration "
						+ "without starting the service.",
				cause);
	}

}
