package dev.authwatch.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.authwatch.support.ExternalTool;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the operations artefacts of SPEC §7 (Prometheus, Alertmanager, Grafana, runbook)
 * with the real tools where they exist ({@code promtool}, {@code amtool}) and by reading
 * the files where they do not. Tests needing a tool are skipped when it is missing,
 * except on CI ({@code CI=true}).
 */
class OperationsArtefactsTest {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final String RULES = "prometheus/auth-alerts.yml";

	private static final String ALERTMANAGER = "prometheus/alertmanager.yml";

	private static final String DASHBOARD = "grafana/dashboards/authwatch.json";

	private static final String RUNBOOK = "docs/runbook.md";

	private static final String COMPOSE = "docker-compose.yml";

	private static final String DATA_VOLUME = "/var/lib/authwatch";

	private static final String DATASOURCE_VARIABLE = "${datasource}";

	/**
	 * SPEC §4 names as scraped (histograms by base name), plus the series other exporters
	 * provide.
	 */
	private static final Set<String> KNOWN_METRICS = Set.of("auth_logins_total", "auth_errors_total",
			"auth_operation_latency_seconds", "auth_ws_connections_active", "auth_ws_disconnects_total",
			"auth_refresh_total", "auth_refresh_latency_seconds", "auth_oauth_total", "auth_guest_total",
			"auth_password_reset_total", "auth_ws_heartbeat_rtt_seconds", "auth_health_status",
			"jwt_config_health_score", "jwt_config_check", "jwt_config_drift_total", "jwt_secret_rotations_total",
			"jwt_secret_last_rotation_timestamp_seconds", "up", "ALERTS");

	private static final List<String> KNOWN_PREFIXES = List.of("resilience4j_circuitbreaker_", "jvm_", "process_",
			"http_server_requests_");

	/** SPEC §7 alerts and the severities each must be raised with. */
	private static final Map<String, Set<String>> REQUIRED_ALERTS = Map.ofEntries(
			Map.entry("AuthWatchTokenReuseDetected", Set.of("critical")),
			Map.entry("AuthWatchAuthenticationDown", Set.of("critical")),
			Map.entry("AuthWatchStoreErrors", Set.of("critical")),
			Map.entry("AuthWatchLoginFailureRateHigh", Set.of("warning")),
			Map.entry("AuthWatchLoginLatencyHigh", Set.of("warning")),
			Map.entry("AuthWatchRefreshLatencyHigh", Set.of("warning")),
			Map.entry("AuthWatchRateLimiting", Set.of("warning")),
			Map.entry("AuthWatchCrossSiteAttempts", Set.of("warning")),
			Map.entry("AuthWatchPasswordResetUndelivered", Set.of("warning")),
			Map.entry("AuthWatchSuccessRateLow", Set.of("critical", "warning")),
			Map.entry("AuthWatchCircuitBreakerOpen", Set.of("critical")),
			Map.entry("AuthWatchHandshakeLatencyCritical", Set.of("critical")),
			Map.entry("AuthWatchJwtSecretInvalid", Set.of("critical")),
			Map.entry("AuthWatchJwtConfigDrift", Set.of("warning")),
			Map.entry("AuthWatchJwtSecretRotated", Set.of("info")),
			Map.entry("AuthWatchErrorBudgetBurn", Set.of("critical", "warning")), Map.entry("Watchdog", Set.of("none")),
			Map.entry("AuthWatchTargetMissing", Set.of("critical")),
			Map.entry("AuthWatchTargetDown", Set.of("warning")));

	// ------------------------------------------------------------------ the real tools

	@Test
	void prometheusConfigurationPassesPromtool() {
		promtool().succeeds(ROOT, "check", "config", "prometheus/prometheus.yml");
	}

	@Test
	void alertRulesPassPromtool() {
		promtool().succeeds(ROOT, "check", "rules", RULES);
	}

	@Test
	void alertRuleUnitTestsPass() throws IOException {
		List<String> arguments = new ArrayList<>(List.of("test", "rules"));
		arguments.addAll(ruleTestFiles().stream().map(ROOT::relativize).map(Path::toString).toList());
		assertThat(arguments).as("rule unit test files in prometheus/tests").hasSizeGreaterThan(2);
		promtool().succeeds(ROOT, arguments.toArray(String[]::new));
	}

	@Test
	void alertmanagerConfigurationPassesAmtool() {
		amtool().succeeds(ROOT, "check-config", ALERTMANAGER);
	}

	@Test
	void criticalAuthenticationAlertsRouteToCriticalAuthAndOthersToDefault() {
		ExternalTool amtool = amtool();
		String config = "--config.file=" + ALERTMANAGER;
		assertThat(amtool.succeeds(ROOT, "config", "routes", "test", config, "alertname=AuthWatchStoreErrors",
				"severity=critical", "component=authentication"))
			.contains("critical-auth");
		assertThat(amtool.succeeds(ROOT, "config", "routes", "test", config, "alertname=AuthWatchRateLimiting",
				"severity=warning", "component=authentication"))
			.contains("default")
			.doesNotContain("critical-auth");
		assertThat(amtool.succeeds(ROOT, "config", "routes", "test", config, "alertname=Other", "severity=critical",
				"component=storage"))
			.contains("default")
			.doesNotContain("critical-auth");
	}

	// ------------------------------------------------------------------ alert rules

	@Test
	void everySpecAlertExistsWithItsSeverityLabelsAndAnnotations() throws IOException {
		Map<String, Set<String>> severities = new LinkedHashMap<>();
		for (Map<String, Object> alert : rules(true)) {
			String name = (String) alert.get("alert");
			Map<String, Object> labels = map(alert.get("labels"));
			Map<String, Object> annotations = map(alert.get("annotations"));
			assertThat(name).as("alert name").matches("Watchdog|AuthWatch[A-Z][A-Za-z0-9]+");
			assertThat(labels).as("labels of %s", name)
				.containsEntry("component", "authentication")
				.containsKey("severity");
			assertThat(annotations).as("annotations of %s", name).containsKeys("summary", "description", "runbook_url");
			assertThat((String) annotations.get("summary")).as("summary of %s is a static sentence", name)
				.doesNotContain("{{");
			severities.computeIfAbsent(name, (key) -> new LinkedHashSet<>()).add((String) labels.get("severity"));
		}
		assertThat(severities).containsExactlyInAnyOrderEntriesOf(REQUIRED_ALERTS);
	}

	@Test
	void recordingRulesAreNamedLevelMetricOperations() throws IOException {
		assertThat(rules(false)).extracting((rule) -> (String) rule.get("record"))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(name).matches("[a-z_]+:[a-z0-9_]+:[a-z0-9_]+"));
	}

	@Test
	void everyAlertIsUnitTestedFiringAndSilent() throws IOException {
		Set<String> firing = new LinkedHashSet<>();
		Set<String> silent = new LinkedHashSet<>();
		Set<String> firingSeverities = new LinkedHashSet<>();
		for (Path file : ruleTestFiles()) {
			for (Object test : list(yaml(file).get("tests"))) {
				for (Object alertTest : list(map(test).get("alert_rule_test"))) {
					String name = (String) map(alertTest).get("alertname");
					List<Object> expected = list(map(alertTest).get("exp_alerts"));
					(expected.isEmpty() ? silent : firing).add(name);
					expected.forEach((alert) -> firingSeverities
						.add(name + "/" + map(map(alert).get("exp_labels")).get("severity")));
				}
			}
		}
		Set<String> alerts = REQUIRED_ALERTS.keySet();
		assertThat(firing).as("alerts with a firing test").containsAll(alerts);
		assertThat(silent).as("alerts with a near-miss test")
			.containsAll(alerts.stream().filter((name) -> !name.equals("Watchdog")).toList());
		REQUIRED_ALERTS.forEach((name, severities) -> severities
			.forEach((severity) -> assertThat(firingSeverities).as("firing tests by severity")
				.contains(name + "/" + severity)));
	}

	@Test
	void everyRunbookUrlPointsAtAHeadingOfTheRunbook() throws IOException {
		Set<String> anchors = runbookAnchors();
		for (Map<String, Object> alert : rules(true)) {
			String url = (String) map(alert.get("annotations")).get("runbook_url");
			assertThat(url).as("runbook_url of %s", alert.get("alert")).startsWith(RUNBOOK + "#");
			assertThat(anchors).as("headings of %s", RUNBOOK).contains(url.substring(url.indexOf('#') + 1));
		}
		Matcher links = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(read(RUNBOOK));
		while (links.find()) {
			assertThat(anchors).as("in-page links of %s", RUNBOOK).contains(links.group(1));
		}
	}

	// ------------------------------------------------------------------ Grafana

	@Test
	void everyDashboardPanelQueriesThroughTheDatasourceVariable() throws IOException {
		Map<String, Object> dashboard = dashboard();
		List<Map<String, Object>> panels = queryPanels(list(dashboard.get("panels")));
		assertThat(panels).hasSizeGreaterThanOrEqualTo(12);
		for (Map<String, Object> panel : panels) {
			String title = (String) panel.get("title");
			assertThat(map(panel.get("datasource"))).as("datasource of panel '%s'", title)
				.containsEntry("type", "prometheus")
				.containsEntry("uid", DATASOURCE_VARIABLE);
			assertThat(list(panel.get("targets"))).as("targets of panel '%s'", title)
				.isNotEmpty()
				.allSatisfy((target) -> assertThat(map(map(target).get("datasource"))).as("target of '%s'", title)
					.containsEntry("uid", DATASOURCE_VARIABLE));
		}
		assertThat(read(DASHBOARD)).as("no import-only datasource inputs").doesNotContain("${DS_");
		assertThat(dashboard).doesNotContainKey("__inputs");
	}

	@Test
	void dashboardHasFixedUidAndDatasourceJobAndInstanceVariables() throws IOException {
		Map<String, Object> dashboard = dashboard();
		assertThat((String) dashboard.get("uid")).isEqualTo("authwatch-overview");
		Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
		list(map(dashboard.get("templating")).get("list"))
			.forEach((variable) -> variables.put((String) map(variable).get("name"), map(variable)));
		assertThat(variables).containsKeys("datasource", "job", "instance");
		assertThat(variables.get("datasource")).containsEntry("type", "datasource")
			.containsEntry("query", "prometheus");
		for (String name : List.of("job", "instance")) {
			assertThat(variables.get(name)).containsEntry("type", "query");
			assertThat(map(variables.get(name).get("datasource"))).containsEntry("uid", DATASOURCE_VARIABLE);
		}
	}

	@Test
	void dashboardQueriesFilterByJobAndInstanceAndUseGrafanaIntervals() throws IOException {
		Pattern selector = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
		Pattern range = Pattern.compile("\\[([^]]+)]");
		for (String expression : dashboardExpressions()) {
			Matcher selectors = selector.matcher(expression);
			while (selectors.find()) {
				if (!selectors.group(1).equals("ALERTS")) {
					assertThat(selectors.group(2)).as("selector in %s", expression)
						.contains("job=~\"$job\"", "instance=~\"$instance\"");
				}
			}
			Matcher ranges = range.matcher(expression);
			while (ranges.find()) {
				assertThat(ranges.group(1)).as("range in %s", expression).isIn("$__rate_interval", "$__range");
			}
		}
	}

	// ------------------------------------------------------------------ compose stack

	@Test
	void composeStackMountsTheseFilesAndRunsTheServiceOnRedisWithTheProdProfileAndASecretFile() throws IOException {
		Map<String, Object> compose = yaml(ROOT.resolve(COMPOSE));
		Map<String, Object> services = map(compose.get("services"));
		assertThat(services).containsKeys("authwatch-1", "authwatch-2", "nginx", "redis", "prometheus", "alertmanager",
				"grafana");
		Map<String, Object> authwatch = map(services.get("authwatch-1"));
		assertThat(authwatch).containsKey("build");
		assertThat(map(authwatch.get("environment"))).containsEntry("AUTHWATCH_STORE", "redis")
			.containsEntry("SPRING_PROFILES_ACTIVE", "prod")
			.containsEntry("JWT_SECRET_FILE", "/run/secrets/jwt_secret")
			.doesNotContainKey("JWT_SECRET");
		assertThat(list(authwatch.get("secrets"))).containsExactly("jwt_secret");
		assertThat(map(map(compose.get("secrets")).get("jwt_secret"))).containsEntry("file", "./secrets/jwt_secret");
		assertThat(read(".gitignore")).contains("secrets/");
		assertThat(read(".dockerignore")).contains("secrets/");
		for (Object service : services.values()) {
			for (Object volume : list(map(service).get("volumes"))) {
				String source = ((String) volume).split(":")[0];
				if (source.startsWith("./")) {
					assertThat(ROOT.resolve(source)).as("bind mount %s", volume).exists();
				}
			}
		}
		assertThat(read("Dockerfile")).contains("./mvnw -B package -DskipTests").containsPattern("FROM \\S+:17-jre");
	}

	@Test
	void theImageRunsAsItsOwnUserWritingOnlyItsDataVolumeWhichComposeMounts() throws IOException {
		String dockerfile = read("Dockerfile");
		assertThat(dockerfile).contains("install -d -o authwatch -g authwatch -m 0700 " + DATA_VOLUME)
			.contains("ENV AUTHWATCH_DATA_DIR=" + DATA_VOLUME)
			.contains("VOLUME " + DATA_VOLUME)
			.containsPattern("(?m)^USER authwatch$");
		Map<String, Object> authwatch = composeService();
		assertThat(list(authwatch.get("volumes"))).contains("authwatch-1-data:" + DATA_VOLUME);
		assertThat(map(yaml(ROOT.resolve(COMPOSE)).get("volumes"))).containsKey("authwatch-1-data");
		assertThat(authwatch).containsEntry("read_only", true);
		assertThat(list(authwatch.get("tmpfs"))).containsExactly("/tmp");
	}

	@Test
	void composeHealthCheckAsksLivenessWithWhatTheJreImageHas() throws IOException {
		List<Object> test = list(map(composeService().get("healthcheck")).get("test"));
		assertThat(test).startsWith("CMD", "bash", "-c");
		assertThat((String) test.get(3)).contains("/health/liveness").doesNotContain("curl", "wget");
	}

	@Test
	void composeStopGracePeriodOutlastsTheGracefulShutdownsDrain() throws IOException {
		Map<String, Object> spring = map(yaml(ROOT.resolve("src/main/resources/application.yml")).get("spring"));
		Duration drain = DurationStyle
			.detectAndParse((String) map(spring.get("lifecycle")).get("timeout-per-shutdown-phase"));
		Duration grace = DurationStyle.detectAndParse((String) composeService().get("stop_grace_period"));

		assertThat(grace).isGreaterThanOrEqualTo(drain.plusSeconds(10));
	}

	/**
	 * The heap share holds twice the live heap of 19,000 idle connections (329 MB,
	 * docs/benchmarks.md); the rest holds the JVM's own memory (about 180 MB committed
	 * when idle, native memory tracking) with room to grow.
	 */
	@Test
	void composeMemoryLimitGivesTheHeapAndTheRestOfTheJvmTheirShares() throws IOException {
		Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(read("Dockerfile"));
		assertThat(percentage.find()).as("MaxRAMPercentage in the Dockerfile").isTrue();
		Map<String, Object> resources = map(map(composeService().get("deploy")).get("resources"));
		String memory = (String) map(resources.get("limits")).get("memory");
		long limit = DataSize.parse(memory.toUpperCase(Locale.ROOT) + "B").toBytes();
		long heap = limit * Integer.parseInt(percentage.group(1)) / 100;

		assertThat(heap).as("heap of a %s container", memory).isGreaterThanOrEqualTo(2 * 329_000_000L);
		assertThat(limit - heap).as("memory beside the heap")
			.isGreaterThanOrEqualTo(DataSize.ofMegabytes(256).toBytes());
	}

	// ------------------------------------------------------------------ metric names

	@Test
	void everyMetricInRulesAndDashboardIsOneAuthWatchExports() throws IOException {
		Set<String> recorded = new LinkedHashSet<>();
		rules(false).forEach((rule) -> recorded.add((String) rule.get("record")));
		List<String> expressions = new ArrayList<>();
		rules(true).forEach((rule) -> expressions.add((String) rule.get("expr")));
		rules(false).forEach((rule) -> expressions.add((String) rule.get("expr")));
		expressions.addAll(dashboardExpressions());
		Set<String> used = new LinkedHashSet<>();
		expressions.forEach((expression) -> used.addAll(PromQl.metricNames(expression)));
		assertThat(used).contains("auth_logins_total", "auth_errors_total", "jwt_config_check")
			.allSatisfy((name) -> assertThat(isKnown(name) || recorded.contains(name))
				.as("'%s' is an AuthWatch metric, a known exporter metric or a recording rule", name)
				.isTrue());
	}

	private static boolean isKnown(String name) {
		String base = name.replaceFirst("_(bucket|count|sum)$", "");
		return KNOWN_METRICS.contains(name) || KNOWN_METRICS.contains(base)
				|| KNOWN_PREFIXES.stream().anyMatch(name::startsWith);
	}

	// ------------------------------------------------------------------ helpers

	private static ExternalTool promtool() {
		return ExternalTool.require("promtool", "prometheus");
	}

	private static ExternalTool amtool() {
		return ExternalTool.require("amtool", "prometheus-alertmanager");
	}

	@Test
	void composeRunsTwoReplicasOfOneDefinitionBehindNginxAndPrometheusScrapesEach() throws IOException {
		Map<String, Object> services = map(yaml(ROOT.resolve(COMPOSE)).get("services"));
		Map<String, Object> first = map(services.get("authwatch-1"));
		Map<String, Object> second = map(services.get("authwatch-2"));
		Map<String, Object> firstEnvironment = new java.util.HashMap<>(map(first.get("environment")));
		Map<String, Object> secondEnvironment = new java.util.HashMap<>(map(second.get("environment")));
		assertThat(firstEnvironment.remove("AUTHWATCH_CLUSTER_INSTANCEID")).isEqualTo("authwatch-1");
		assertThat(secondEnvironment.remove("AUTHWATCH_CLUSTER_INSTANCEID")).isEqualTo("authwatch-2");
		assertThat(firstEnvironment.remove("AUTHWATCH_CLUSTER_ADVERTISEDADDRESS")).isEqualTo("authwatch-1:8080");
		assertThat(secondEnvironment.remove("AUTHWATCH_CLUSTER_ADVERTISEDADDRESS")).isEqualTo("authwatch-2:8080");
		assertThat(secondEnvironment).isEqualTo(firstEnvironment);
		assertThat(first).doesNotContainKey("ports");
		assertThat(second).doesNotContainKey("ports");

		Map<String, Object> nginx = map(services.get("nginx"));
		assertThat(list(nginx.get("volumes"))).contains("./nginx/nginx.conf:/etc/nginx/nginx.conf:ro",
				"./nginx/authwatch.conf:/etc/nginx/authwatch.conf:ro");
		assertThat(list(nginx.get("ports"))).containsExactly("8080:80");
		String nginxAddress = (String) map(map(map(nginx.get("networks")).get("default"))).get("ipv4_address");
		assertThat(nginxAddress).matches((String) firstEnvironment.get("AUTHWATCH_TRUSTED_PROXIES"));
		assertThat(read("nginx/authwatch.conf")).contains("server authwatch-1:8080 ", "server authwatch-2:8080 ");

		Map<String, Object> job = list(yaml(ROOT.resolve("prometheus/prometheus.yml")).get("scrape_configs")).stream()
			.map(OperationsArtefactsTest::map)
			.filter((config) -> "authwatch".equals(config.get("job_name")))
			.findFirst()
			.orElseThrow();
		assertThat(list(map(list(job.get("static_configs")).get(0)).get("targets"))).containsExactly("authwatch-1:8080",
				"authwatch-2:8080");
	}

	private static Map<String, Object> composeService() throws IOException {
		return map(map(yaml(ROOT.resolve(COMPOSE)).get("services")).get("authwatch-1"));
	}

	private static List<Path> ruleTestFiles() throws IOException {
		try (Stream<Path> files = Files.list(ROOT.resolve("prometheus/tests"))) {
			return files.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
		}
	}

	/** Alerting rules ({@code alerts == true}) or recording rules of {@link #RULES}. */
	private static List<Map<String, Object>> rules(boolean alerts) throws IOException {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Object group : list(yaml(ROOT.resolve(RULES)).get("groups"))) {
			for (Object rule : list(map(group).get("rules"))) {
				if (map(rule).containsKey(alerts ? "alert" : "record")) {
					rules.add(map(rule));
				}
			}
		}
		return rules;
	}

	private static Map<String, Object> dashboard() throws IOException {
		return map(JsonMapper.builder().build().readValue(read(DASHBOARD), Map.class));
	}

	/** Panels that run queries: every panel except rows, rows' own panels included. */
	private static List<Map<String, Object>> queryPanels(List<Object> panels) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Object item : panels) {
			Map<String, Object> panel = map(item);
			if ("row".equals(panel.get("type"))) {
				result.addAll(queryPanels(list(panel.get("panels"))));
			}
			else {
				result.add(panel);
			}
		}
		return result;
	}

	/** Every PromQL expression of the dashboard: panel targets and annotations. */
	private static List<String> dashboardExpressions() throws IOException {
		Map<String, Object> dashboard = dashboard();
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> panel : queryPanels(list(dashboard.get("panels")))) {
			list(panel.get("targets")).forEach((target) -> expressions.add((String) map(target).get("expr")));
		}
		list(map(dashboard.get("annotations")).get("list")).stream()
			.map((annotation) -> (String) map(annotation).get("expr"))
			.filter((expr) -> expr != null)
			.forEach(expressions::add);
		assertThat(expressions).doesNotContainNull();
		return expressions;
	}

	/** GitHub-style anchors of the runbook's headings. */
	private static Set<String> runbookAnchors() throws IOException {
		Set<String> anchors = new LinkedHashSet<>();
		for (String line : read(RUNBOOK).split("\n")) {
			if (line.startsWith("#")) {
				String heading = line.replaceFirst("^#+\\s*", "").trim().toLowerCase();
				anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		return map(new Yaml().load(Files.readString(file)));
	}

	private static String read(String relativePath) throws IOException {
		return Files.readString(ROOT.resolve(relativePath));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (value != null) ? (List<Object>) value : List.of();
	}

}
