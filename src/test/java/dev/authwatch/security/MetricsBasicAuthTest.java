package dev.authwatch.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "METRICS_USERNAME=prometheus", "METRICS_PASSWORD=scrape-secret" })
class MetricsBasicAuthTest {

	@LocalServerPort
	int port;

	@Test
	void metricsNeedBasicAuthWhenMetricsCredentialsAreSet() throws Exception {
		HttpResponse<String> anonymous = HttpCalls.get(this.port, "/metrics");

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic"));
		assertThat(basic("prometheus", "wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> scrape = basic("prometheus", "scrape-secret");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("auth_logins_total");
	}

	@Test
	void everythingElseStaysOpen() throws Exception {
		assertThat(HttpCalls.get(this.port, "/health").statusCode()).isEqualTo(200);
		assertThat(HttpCalls.get(this.port, "/ws/chat").statusCode()).isEqualTo(401);
		assertThat(HttpCalls.get(this.port, "/v3/api-docs").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> basic(String user, String password) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/metrics"))
			.header("Authorization", "Basic " + credentials)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
