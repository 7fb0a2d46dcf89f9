package dev.authwatch.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.authwatch.AuthWatchApplication;
import dev.authwatch.support.ExternalTool;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring stack for real: the service on the Redis store, Prometheus scraping it
 * every second with the project's rule files, Alertmanager routing with the project's
 * configuration to a webhook owned by the test. Run by {@code .ci/run}
 * ({@code ./mvnw -Pstack test}), not by {@code ./mvnw verify}: it waits for real alert
 * timers. Skips without the binaries locally, fails without them in CI.
 */
@Tag("stack")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackTest {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConfigurableApplicationContext service;

	private static int servicePort;

	private static AlertWebhook webhook;

	private static StackProcess alertmanager;

	private static StackProcess prometheus;

	private static PrometheusApi api;

	@BeforeAll
	static void startStack() throws Exception {
		ExternalTool prometheusBinary = ExternalTool.require("prometheus", "prometheus");
		ExternalTool alertmanagerBinary = ExternalTool.require("prometheus-alertmanager", "prometheus-alertmanager");
		Path work = Files.createDirectories(PROJECT.resolve("target/stack"));
		service = startService();
		servicePort = ((WebServerApplicationContext) service).getWebServer().getPort();
		webhook = new AlertWebhook();
		int alertmanagerPort = freePort();
		Path alertmanagerConfig = work.resolve("alertmanager.yml");
		Files.writeString(alertmanagerConfig, Files.readString(PROJECT.resolve("prometheus/alertmanager.yml"))
			.replace("http://alert-webhook:8080", webhook.baseUrl()));
		alertmanager = StackProcess.start("alertmanager", work,
				List.of(alertmanagerBinary.path().toString(), "--config.file=" + alertmanagerConfig,
						"--storage.path=" + Files.createTempDirectory(work, "am"),
						"--web.listen-address=127.0.0.1:" + alertmanagerPort, "--cluster.listen-address="));
		int prometheusPort = freePort();
		Path prometheusConfig = work.resolve("prometheus.yml");
		Files.writeString(prometheusConfig, prometheusConfig(alertmanagerPort));
		prometheus = StackProcess.start("prometheus", work,
				List.of(prometheusBinary.path().toString(), "--config.file=" + prometheusConfig,
						"--storage.tsdb.path=" + Files.createTempDirectory(work, "tsdb"),
						"--web.listen-address=127.0.0.1:" + prometheusPort));
		api = new PrometheusApi("http://127.0.0.1:" + prometheusPort);
		await().atMost(Duration.ofSeconds(30)).until(api::ready);
	}

	private static ConfigurableApplicationContext startService() {
		List<String> arguments = new ArrayList<>(List.of("--" + TestSecrets.SECRET_PROPERTY, "--server.port=0",
				"--authwatch.store=redis", "--spring.data.redis.host=" + RedisTestServer.uri().getHost(),
				"--spring.data.redis.port=" + RedisTestServer.uri().getPort(),
				"--authwatch.websocket.allowed-origins=https://chat.example.com", "--" + TestUsers.ALICE,
				"--" + TestUsers.ALICE_PASSWORD, "--authwatch.data-dir=target/stack/data"));
		return new SpringApplicationBuilder(AuthWatchApplication.class).run(arguments.toArray(String[]::new));
	}

	/**
	 * The project's configuration with local addresses and one-second scrapes and
	 * evaluations.
	 */
	private static String prometheusConfig(int alertmanagerPort) {
		return """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - %s
				alerting:
				  alertmanagers:
				    - static_configs:
				        - targets: ['127.0.0.1:%d']
				scrape_configs:
				  - job_name: authwatch
				    metrics_path: /metrics
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(PROJECT.resolve("prometheus/auth-alerts.yml"), alertmanagerPort, servicePort);
	}

	@AfterAll
	static void stopStack() throws Exception {
		if (prometheus != null) {
			prometheus.close();
		}
		if (alertmanager != null) {
			alertmanager.close();
		}
		if (webhook != null) {
			webhook.close();
		}
		if (service != null) {
			service.close();
		}
	}

	@Test
	@Order(1)
	void prometheusScrapesTheService() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode up = api.query("up{job=\"authwatch\"}");
			assertThat(up).as(prometheus.tail()).hasSize(1);
			assertThat(up.get(0).path("value").get(1).asString()).isEqualTo("1");
		});
	}

	@Test
	@Order(2)
	void everyDashboardPanelHasDataOnceTrafficFlows() throws Exception {
		StackTraffic.drive(servicePort);
		StackTraffic.lifecycleFlows(servicePort);
		List<String> queries = dashboardQueries();
		assertThat(queries).hasSizeGreaterThan(10);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			List<String> empty = new ArrayList<>();
			for (String query : queries) {
				if (api.query(query).isEmpty()) {
					empty.add(query);
				}
			}
			assertThat(empty).as("dashboard queries without data").isEmpty();
		});
	}

	@Test
	@Order(3)
	void watchdogReachesItsReceiverThroughAlertmanager() {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(webhook.received("watchdog", "Watchdog")).as(alertmanager.tail()).isTrue());
	}

	@Test
	@Order(4)
	void tokenReuseAlertReachesTheCriticalReceiver() throws Exception {
		StackTraffic.tokenReuse(servicePort);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(webhook.received("critical-auth", "AuthWatchTokenReuseDetected"))
				.as("deliveries: %s", webhook.deliveries())
				.isTrue());
	}

	@Test
	@Order(5)
	void killingTheServiceFiresAuthenticationDown() {
		service.close();
		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(webhook.received("critical-auth", "AuthWatchAuthenticationDown"))
				.as("deliveries: %s", webhook.deliveries())
				.isTrue());
	}

	/** Every panel query of the dashboard with its template variables filled in. */
	private static List<String> dashboardQueries() throws IOException {
		JsonNode dashboard = JSON
			.readTree(Files.readString(PROJECT.resolve("grafana/dashboards/authwatch.json"), StandardCharsets.UTF_8));
		List<String> queries = new ArrayList<>();
		collect(dashboard.path("panels"), queries);
		Map<String, String> variables = Map.of("$job", "authwatch", "$instance", ".*", "$__rate_interval", "1m",
				"$__range", "5m", "$__interval", "15s");
		List<String> filled = new ArrayList<>();
		for (String query : queries) {
			String result = query;
			for (Map.Entry<String, String> variable : variables.entrySet()) {
				result = result.replace(variable.getKey(), variable.getValue());
			}
			filled.add(result);
		}
		return filled;
	}

	private static void collect(JsonNode panels, List<String> queries) {
		for (JsonNode panel : panels) {
			collect(panel.path("panels"), queries);
			for (JsonNode target : panel.path("targets")) {
				if (target.hasNonNull("expr")) {
					queries.add(target.path("expr").asString());
				}
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
