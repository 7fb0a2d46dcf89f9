package dev.authwatch.auth.oauth;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * HTTP clients for provider calls. The JDK client's request timeout runs from sending the
 * request to the end of the response body (Spring's {@link JdkClientHttpRequestFactory}
 * also bounds the body), and connecting is bounded too, so one call never takes longer
 * than {@code authwatch.oauth.timeout} (SPEC §8: connect + read per provider call).
 */
final class ProviderHttp {

	private ProviderHttp() {
	}

	static JdkClientHttpRequestFactory requestFactory(Duration timeout) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(timeout);
		return factory;
	}

	static RestTemplate restTemplate(Duration timeout) {
		return new RestTemplate(requestFactory(timeout));
	}

	static RestClient restClient(Duration timeout) {
		return RestClient.builder().requestFactory(requestFactory(timeout)).build();
	}

}
