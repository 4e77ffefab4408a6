package io.rime.sample;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import io.rime.client.RimeClient;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators see once the main job has run: the actuator endpoints the sample exposes, its
 * health groups, and the Prometheus metrics that the Grafana dashboard in
 * {@code ops/grafana/rime-dashboard.json} queries, so that the dashboard cannot drift from the code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestResults.PROPERTY, "rime.api-key=" + ActuatorTests.API_KEY })
class ActuatorTests {

	static final String API_KEY = "sample-test-api-key-7d1f";

	static final Path DASHBOARD = Path.of("..", "ops", "grafana", "rime-dashboard.json");

	/** Selectors, ranges, strings and variables hold no metric names. */
	private static final Pattern NOT_METRICS = Pattern
		.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\{[^}]*}|\\[[^\\]]*]|\\$\\{[^}]*}|\\$\\w+");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

	private static final Pattern LABEL_MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

	private static final Pattern LABEL_VALUES = Pattern
		.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset", "atan2", "inf", "nan");

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private MainJob mainJob;

	@Autowired
	private RimeClient client;

	@Autowired
	private RimeEmulator emulator;

	@Autowired
	private MeterRegistry meterRegistry;

	private SampleHttp http;

	@BeforeEach
	void mainJobHasRun() {
		this.http = new SampleHttp(this.port);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.mainJob.outcome().isDone());
		assertThat(this.mainJob.outcome().join().successful()).isTrue();
	}

	@Test
	void theReadmeMetricsTableListsExactlyTheRimeMetersAfterAJobRan() throws IOException {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).retryAfter(Duration.ofMillis(10)).times(1));
		this.client.getRimeInfo();
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("### Metrics");
		Matcher row = Pattern.compile("^\\| `([a-z.]+)` \\|", Pattern.MULTILINE)
			.matcher(readme.substring(start, readme.indexOf("\n###", start + 1)));
		Set<String> documented = new TreeSet<>();
		while (row.find()) {
			documented.add(row.group(1));
		}
		Set<String> registered = new TreeSet<>();
		this.meterRegistry.getMeters().stream().map((meter) -> meter.getId().getName())
			.filter((name) -> name.startsWith("rime.") || name.startsWith("http.client.requests"))
			.forEach(registered::add);

		assertThat(documented).isEqualTo(registered);
	}

	@Test
	void everyMetricTheDashboardQueriesIsExposedAfterAJobRan() throws IOException {
		// one transient failure, so that the retry counter exists as it would after a real blip
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).retryAfter(Duration.ofMillis(10)).times(1));
		this.client.getRimeInfo();
		assertThat(this.http.get("/actuator/health").statusCode()).isEqualTo(200);

		HttpResponse<String> scrape = this.http.get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		Set<String> exposedNames = new TreeSet<>();
		Set<String> exposedLabels = new TreeSet<>();
		readExposition(scrape.body(), exposedNames, exposedLabels);

		List<String> queries = dashboardQueries();
		Set<String> usedNames = new TreeSet<>();
		Set<String> usedLabels = new TreeSet<>();
		queries.forEach((query) -> readQuery(query, usedNames, usedLabels));

		assertThat(queries).hasSizeGreaterThanOrEqualTo(15);
		assertThat(usedNames).as("the extraction finds the metrics of every dashboard section")
			.contains("rime_client_operation_seconds_count", "rime_client_operation_seconds_bucket",
					"rime_client_retries_total", "rime_watcher_jobs", "rime_watcher_poll_errors_total");
		assertThat(exposedNames).as("metric names the dashboard queries, missing from /actuator/prometheus")
			.containsAll(usedNames);
		assertThat(exposedLabels).as("label names the dashboard queries, missing from /actuator/prometheus")
			.containsAll(usedLabels);
	}

	@Test
	void everyRimeMetricOfTheScrapeHasHelpText() {
		assertThat(this.http.get("/actuator/health").statusCode()).isEqualTo(200);
		String scrape = this.http.get("/actuator/prometheus").body();
		Set<String> families = new TreeSet<>();
		Set<String> described = new TreeSet<>();
		for (String line : scrape.lines().toList()) {
			String[] parts = line.split(" ", 4);
			if (line.startsWith("# TYPE rime_")) {
				families.add(parts[2]);
			}
			if (line.startsWith("# HELP rime_") && parts.length == 4 && !parts[3].isBlank()) {
				described.add(parts[2]);
			}
		}
		assertThat(families).contains("rime_client_operation_seconds", "rime_client_operation_active_seconds",
				"rime_watcher_poll_seconds", "rime_watcher_poll_active_seconds", "rime_health");
		assertThat(described).as("rime_* metric families with help text").isEqualTo(families);
		assertThat(scrape).contains("rime_health{application=\"rime-sample\"} 1.0");
	}

	@Test
	void everyMetricTheAlertRulesUseIsExposed() throws IOException {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).retryAfter(Duration.ofMillis(10)).times(1));
		this.client.getRimeInfo();
		assertThat(this.http.get("/actuator/health").statusCode()).isEqualTo(200);
		Set<String> exposedNames = new TreeSet<>();
		Set<String> exposedLabels = new TreeSet<>();
		readExposition(this.http.get("/actuator/prometheus").body(), exposedNames, exposedLabels);
		Set<String> usedNames = new TreeSet<>();
		Set<String> usedLabels = new TreeSet<>();
		List<String> expressions = Files.readAllLines(Path.of("..", "ops", "prometheus", "rime-alerts.yml"))
			.stream()
			.map(String::strip)
			.filter((line) -> line.startsWith("expr:"))
			.map((line) -> line.substring("expr:".length()).strip())
			.toList();
		expressions.forEach((expression) -> readQuery(expression, usedNames, usedLabels));

		assertThat(expressions).hasSize(4);
		assertThat(usedNames).contains("rime_health", "rime_watcher_poll_errors_total", "rime_jobs_finished_total",
				"rime_client_retries_total");
		assertThat(exposedNames).as("metric names the alert rules use, missing from /actuator/prometheus")
			.containsAll(usedNames);
		assertThat(exposedLabels).as("label names the alert rules use, missing from /actuator/prometheus")
			.containsAll(usedLabels);
	}

	@Test
	void theRimeHealthComponentIsInReadinessButNotInLiveness() {
		JsonNode liveness = SampleHttp.json(this.http.get("/actuator/health/liveness"));
		JsonNode readiness = SampleHttp.json(this.http.get("/actuator/health/readiness"));

		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "rime");
	}

	@Test
	void healthShowsTheRimeComponentWithItsDetails() {
		JsonNode health = SampleHttp.json(this.http.get("/actuator/health"));

		JsonNode rime = health.get("components").get("rime");
		assertThat(rime.get("status").asString()).isEqualTo("UP");
		assertThat(rime.get("details").get("address").asString()).isEqualTo(this.emulator.baseUrl().toString());
		assertThat(rime.get("details").has("version")).isTrue();
		assertThat(health.get("groups").valueStream().map(JsonNode::asString)).containsExactly("liveness", "readiness");
	}

	@Test
	void theRimeEndpointShowsTheWatcherAndTheFinishedMainJob() {
		String jobId = this.mainJob.outcome().join().jobId();

		JsonNode rime = SampleHttp.json(this.http.get("/actuator/rime"));

		assertThat(rime.get("embeddedEmulator").asBoolean()).isTrue();
		assertThat(rime.get("watcher").get("enabled").asBoolean()).isTrue();
		assertThat(rime.get("finishedJobs").valueStream()
			.filter((job) -> job.get("id").asString().equals(jobId))
			.map((job) -> job.get("status").asString())).containsExactly("SUCCEEDED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/info", "/actuator/prometheus", "/actuator/rime" })
	void noEndpointShowsTheApiKey(String path) {
		assertThat(this.emulator.apiKey()).isEqualTo(API_KEY);

		assertThat(this.http.get(path).body()).doesNotContain(API_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/info", "/actuator/metrics", "/actuator/prometheus",
			"/actuator/rime" })
	void theSampleExposesItsActuatorEndpoints(String path) {
		assertThat(this.http.get(path).statusCode()).isEqualTo(200);
	}

	@Test
	void infoShowsTheRimeServerVersion() {
		JsonNode info = SampleHttp.json(this.http.get("/actuator/info"));

		assertThat(info.get("rime").get("version").asString()).isNotBlank();
	}

	static List<String> dashboardQueries() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
		List<String> queries = new ArrayList<>();
		collectQueries(dashboard.get("panels"), queries);
		for (JsonNode variable : dashboard.get("templating").get("list")) {
			if (variable.get("type").asString().equals("query")) {
				JsonNode query = variable.get("query");
				queries.add(query.isObject() ? query.get("query").asString() : query.asString());
			}
		}
		return queries;
	}

	private static void collectQueries(JsonNode panels, List<String> queries) {
		for (JsonNode panel : panels) {
			if (panel.has("targets")) {
				panel.get("targets").forEach((target) -> queries.add(target.get("expr").asString()));
			}
			if (panel.has("panels")) {
				collectQueries(panel.get("panels"), queries);
			}
		}
	}

	/** Metric and label names of a PromQL expression (or a Grafana label_values query). */
	static void readQuery(String query, Set<String> metrics, Set<String> labels) {
		Matcher labelValues = LABEL_VALUES.matcher(query);
		if (labelValues.find()) {
			metrics.add(labelValues.group(1));
			labels.add(labelValues.group(3));
			if (labelValues.group(2) != null) {
				Matcher matcher = LABEL_MATCHER.matcher(labelValues.group(2));
				while (matcher.find()) {
					labels.add(matcher.group(1));
				}
			}
			return;
		}
		Matcher selectors = Pattern.compile("\\{([^}]*)}").matcher(query);
		while (selectors.find()) {
			Matcher matcher = LABEL_MATCHER.matcher(selectors.group(1).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
			while (matcher.find()) {
				labels.add(matcher.group(1));
			}
		}
		String rest = NOT_METRICS.matcher(query).replaceAll(" ");
		Matcher grouping = GROUPING.matcher(rest);
		while (grouping.find()) {
			for (String label : grouping.group(1).split(",")) {
				if (!label.isBlank()) {
					labels.add(label.trim());
				}
			}
		}
		rest = GROUPING.matcher(rest).replaceAll(" ");
		Matcher identifiers = IDENTIFIER.matcher(rest);
		while (identifiers.find()) {
			String name = identifiers.group(1);
			if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				metrics.add(name);
			}
		}
	}

	private static void readExposition(String exposition, Set<String> names, Set<String> labels) {
		Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
		for (String line : exposition.lines().toList()) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			int end = (brace >= 0 && (space < 0 || brace < space)) ? brace : space;
			names.add(line.substring(0, end));
			if (end == brace) {
				Matcher matcher = label.matcher(line.substring(brace, line.lastIndexOf('}')));
				while (matcher.find()) {
					labels.add(matcher.group(1));
				}
			}
		}
	}

}
