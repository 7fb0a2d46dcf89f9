package dev.authwatch.metrics;

import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsEndpointConfigurationTest {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { TestSecrets.SECRET_PROPERTY, "METRICS_PATH=/internal/prometheus" })
	class CustomPath {

		@LocalServerPort
		int port;

		@Test
		void metricsAreServedAtMetricsPath() throws Exception {
			var response = HttpCalls.get(this.port, "/internal/prometheus");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("auth_logins_total");
		}

		@Test
		void openFileCountIsServedFromTheScheduledReading() throws Exception {
			String body = HttpCalls.get(this.port, "/internal/prometheus").body();

			assertThat(body).containsPattern("(?m)^process_files_open_files [1-9]")
				.containsPattern("(?m)^process_files_max_files [1-9]");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { TestSecrets.SECRET_PROPERTY, "METRICS_ENABLED=false" })
	class Disabled {

		@LocalServerPort
		int port;

		@Test
		void noMetricsEndpointWhenDisabled() throws Exception {
			assertThat(HttpCalls.get(this.port, "/metrics").statusCode()).isEqualTo(404);
		}

	}

}
