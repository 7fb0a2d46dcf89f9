package dev.authwatch.auth.jwt;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidJwtConfigurationFailureAnalyzerTest {

	@Test
	void refusedJwtConfigurationIsDescribedByItsOwnSentenceHoweverDeepTheBeanFailure() {
		InvalidJwtConfigurationException refused = new InvalidJwtConfigurationException(
				"JWT_SECRET is not a usable HS256 secret: it is a known placeholder value. Replace it: set JWT_SECRET to …");

		FailureAnalysis analysis = new InvalidJwtConfigurationFailureAnalyzer().analyze(new BeanCreationException(
				"tomcatServletWebServerFactory", new BeanCreationException("jwtKeyRing", refused)));

		assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());
		assertThat(analysis.getAction()).contains("validate");
	}

}
