package io.rime.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.rime.client.RimeClient;
import io.rime.client.RimeProject;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak of the main job: the sample application, run as {@code --rime.sample.exit-when-done=true}
 * runs it, against an emulator that faults about one request in five on every route (transient
 * faults only: 429, 502, 503, 504, a closed connection, a body cut off, "apply, then fail"), with
 * retries raised and idempotency keys honoured, over {@value #SEEDS} seeds. Every seed must exit 0
 * with the complete CSV, as many rows as a run without faults, and leave RIME with one project,
 * two datasets, one model and one stress test. Prints the figures of every seed.
 */
@Tag("slow")
class MainJobSoakTests {

	private static final int SEEDS = 20;

	private static final String API_KEY = "soak-key";

	private static final String PROJECT_NAME = "titanic-soak";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void underRandomTransientFaultsOnEveryRouteEverySeedExitsZeroWithTheCompleteCsvAndNothingTwice()
			throws IOException {
		List<Run> runs = new ArrayList<>();
		for (int seed = 1; seed <= SEEDS; seed++) {
			runs.add(run(seed, true));
		}
		// last, so that its time is not the JVM's warm-up
		Run baseline = run(0, false);

		print(baseline, runs);
		assertThat(baseline.exitCode()).as("the run without faults: %s", baseline).isZero();
		assertThat(baseline.rows()).isPositive();
		assertThat(runs.stream().mapToLong(Run::faultsHit).sum()).as("faults hit").isPositive();
		assertThat(runs).allSatisfy((run) -> {
			assertThat(run.exitCode()).as("exit code of %s", run).isZero();
			assertThat(run.rows()).as("CSV rows of %s", run).isEqualTo(baseline.rows());
			assertThat(run.duplicates()).as("what RIME holds more than once after %s", run).isEmpty();
		});
	}

	private static Run run(long seed, boolean faults) throws IOException {
		Path results = Files.createTempDirectory("rime-soak-");
		try (RimeEmulator emulator = RimeEmulator.builder()
			.apiKey(API_KEY)
			.faultSeed(seed)
			.pendingDuration(Duration.ofMillis(300))
			.runningDuration(Duration.ofSeconds(1))
			.validationDuration(Duration.ofMillis(100))
			.build()
			.start()) {
			if (faults) {
				addTransientFaults(emulator);
			}
			long start = System.nanoTime();
			ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
					arguments(emulator, results));
			int exitCode;
			double retries;
			try {
				// waits for the job as main() does, so that the meters can still be read
				context.getBean(MainJob.class).awaitExitCode(Duration.ofMinutes(3));
				retries = context.getBean(MeterRegistry.class)
					.find("rime.client.retries")
					.counters()
					.stream()
					.mapToDouble(Counter::count)
					.sum();
			}
			finally {
				exitCode = SampleApplication.exitWhenDone(context);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long faultsHit = emulator.faults().injected();
			emulator.faults().clear();
			return new Run(seed, exitCode, rows(results), faultsHit, (long) retries, seconds, duplicates(emulator));
		}
		finally {
			TemporaryFolders.delete(results);
		}
	}

	private static void addTransientFaults(RimeEmulator emulator) {
		Duration retryAfter = Duration.ofMillis(100);
		emulator.faults()
			.add(Fault.on("*", "/**").status(503).retryAfter(retryAfter).rate(0.05))
			.add(Fault.on("*", "/**").status(429).retryAfter(retryAfter).rate(0.03))
			.add(Fault.on("*", "/**").status(502).rate(0.03))
			.add(Fault.on("*", "/**").status(504).rate(0.02))
			.add(Fault.on("*", "/**").closeConnection().rate(0.03))
			.add(Fault.on("*", "/**").cutBody().rate(0.03))
			.add(Fault.on("*", "/**").applyThenFail().rate(0.03))
			.add(Fault.on("*", "/**").latency(Duration.ofMillis(50)).rate(0.05));
	}

	private static String[] arguments(RimeEmulator emulator, Path results) {
		Map<String, String> properties = Map.ofEntries(Map.entry("rime.address", emulator.baseUrl().toString()),
				Map.entry("rime.api-key", API_KEY), Map.entry("rime.sample.exit-when-done", "true"),
				Map.entry("rime.sample.project-name", PROJECT_NAME),
				Map.entry("rime.sample.results-dir", results.toString()),
				Map.entry("rime.sample.timeout", "3m"), Map.entry("rime.sample.progress-interval", "500ms"),
				Map.entry("rime.watcher.poll-interval", "200ms"), Map.entry("rime.retry.max-retries", "8"),
				Map.entry("rime.retry.delay", "50ms"), Map.entry("rime.retry.max-delay", "500ms"),
				Map.entry("rime.retry.jitter", "20ms"), Map.entry("rime.retry.timeout", "30s"),
				Map.entry("rime.retry.idempotency-keys-honoured", "true"), Map.entry("rime.read-timeout", "5s"),
				Map.entry("spring.main.banner-mode", "off"));
		return properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	private static long rows(Path results) throws IOException {
		if (!Files.isDirectory(results)) {
			return -1;
		}
		try (Stream<Path> files = Files.list(results)) {
			List<Path> csvs = files.filter((file) -> file.toString().endsWith(".csv")).toList();
			if (csvs.size() != 1) {
				return -csvs.size();
			}
			try (Stream<String> lines = Files.lines(csvs.get(0), StandardCharsets.UTF_8)) {
				return lines.count() - 1;
			}
		}
	}

	/**
	 * What RIME holds more than once, as its listings show it once the faults are cleared.
	 */
	private static List<String> duplicates(RimeEmulator emulator) {
		List<String> duplicates = new ArrayList<>();
		try (RimeClient client = RimeClient.builder().address(emulator.baseUrl()).apiKey(API_KEY).build()) {
			List<RimeProject> projects = client.listProjects()
				.stream()
				.filter((project) -> project.name().equals(PROJECT_NAME))
				.toList();
			expect(duplicates, "projects named " + PROJECT_NAME, projects.size(), 1);
			for (RimeProject project : projects) {
				String id = project.projectId();
				expect(duplicates, "stress tests", client.listStressTestJobStatuses(null, id).size(), 1);
				expect(duplicates, "datasets", list(emulator, "/v1/registry/" + id + "/dataset", "datasets"), 2);
				expect(duplicates, "models", list(emulator, "/v1/registry/" + id + "/model", "models"), 1);
			}
		}
		return duplicates;
	}

	private static int list(RimeEmulator emulator, String path, String field) {
		HttpRequest request = HttpRequest.newBuilder(emulator.baseUrl().resolve(path + "?pageSize=100"))
			.header("rime-api-key", API_KEY)
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode page = JSON.readTree(response.body());
			assertThat(page.path("hasMore").asBoolean()).as("one page holds them all").isFalse();
			return page.path(field).size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void expect(List<String> duplicates, String what, long actual, long expected) {
		if (actual > expected) {
			duplicates.add(actual + " " + what + " (expected " + expected + ")");
		}
	}

	private static void print(Run baseline, List<Run> runs) {
		StringBuilder table = new StringBuilder("Main job soak: ").append(runs.size())
			.append(" seeds, transient faults on about 20 % of requests on every route, 8 retries, keys honoured\n")
			.append(String.format("%6s %5s %6s %7s %8s %8s  %s%n", "seed", "exit", "rows", "faults", "retries",
					"seconds", "duplicates"));
		for (Run run : Stream.concat(Stream.of(baseline), runs.stream()).toList()) {
			table.append(String.format("%6s %5d %6d %7d %8d %8.1f  %s%n", (run == baseline) ? "none" : run.seed(),
					run.exitCode(), run.rows(), run.faultsHit(), run.retries(), run.seconds(),
					run.duplicates().isEmpty() ? "none" : run.duplicates()));
		}
		long passed = runs.stream()
			.filter((run) -> run.exitCode() == 0 && run.rows() == baseline.rows() && run.duplicates().isEmpty())
			.count();
		table.append(String.format("%d of %d seeds exited 0 with all %d rows and nothing twice; faults hit %d,"
				+ " retries %d, %.1f s per run on average (%.1f s without faults)%n", passed, runs.size(),
				baseline.rows(), runs.stream().mapToLong(Run::faultsHit).sum(),
				runs.stream().mapToLong(Run::retries).sum(),
				runs.stream().mapToDouble(Run::seconds).average().orElse(0), baseline.seconds()));
		System.out.print(table);
	}

	/**
	 * One run of the main job.
	 *
	 * @param seed the fault seed
	 * @param exitCode what the application exited with
	 * @param rows rows of the one result CSV, without the header; negative when there is none
	 * @param faultsHit faults the emulator injected
	 * @param retries retries the SDK made
	 * @param seconds from start to exit
	 * @param duplicates what RIME holds more than once
	 */
	private record Run(long seed, int exitCode, long rows, long faultsHit, long retries, double seconds,
			List<String> duplicates) {
	}

}
