package io.rime.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Rewrites the results section of {@code BENCHMARKS.md} (between {@value #START} and
 * {@value #END}) from the JSON files in {@code bench/results}: one table per benchmark, with the
 * ratios against the alternatives and each goal marked met or missed.
 */
public final class BenchmarkReport {

	static final String START = "<!-- results:start -->";

	static final String END = "<!-- results:end -->";

	private static final String JMH_PREFIX = CallOverheadBenchmark.class.getName() + ".";

	/**
	 * Each SDK variant and the hand-written RestClient on the same request factory, configured the
	 * same: the SDK's default factory sets a connect and a read timeout.
	 */
	private static final Map<String, String> SAME_FACTORY = Map.of("sdkDefault", "restClientSimpleTimeouts",
			"sdkDefaultObserved", "restClientSimpleTimeouts", "sdkInBoot", "restClientSimpleTimeouts",
			"sdkJdkHttpClient", "restClientJdkHttpClient", "sdkApache", "restClientApache");

	private final Path results;

	private BenchmarkReport(Path results) {
		this.results = results;
	}

	/**
	 * Rewrite the section.
	 * @param args the results folder (default {@code bench/results}) and the Markdown file
	 * (default {@code BENCHMARKS.md})
	 * @throws IOException if a file cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		Path results = Path.of((args.length > 0) ? args[0] : "bench/results");
		Path markdown = Path.of((args.length > 1) ? args[1] : "BENCHMARKS.md");
		String text = Files.readString(markdown, StandardCharsets.UTF_8);
		int start = text.indexOf(START);
		int end = text.indexOf(END);
		if (start < 0 || end < start) {
			throw new IllegalStateException(markdown + " has no " + START + " ... " + END + " section");
		}
		String tables = new BenchmarkReport(results).tables();
		Files.writeString(markdown, text.substring(0, start + START.length()) + "\n" + tables + text.substring(end),
				StandardCharsets.UTF_8);
		System.out.println("Rewrote the results in " + markdown);
	}

	private String tables() throws IOException {
		StringBuilder out = new StringBuilder();
		callOverhead(out);
		watcher(out);
		startup(out);
		resultsCsv(out);
		emulator(out);
		dataChecks(out);
		return out.toString();
	}

	private void callOverhead(StringBuilder out) throws IOException {
		out.append("\n### P1 call overhead: `getStatus()` against hand-written calls\n\n");
		JsonNode jmh = read("p1-jmh.json");
		JsonNode cpu = read("p1-cpu.json");
		if (jmh == null) {
			out.append("Not run.\n");
			return;
		}
		Map<String, JsonNode> runs = new LinkedHashMap<>();
		jmh.forEach((run) -> runs.put(run.path("benchmark").asString().substring(JMH_PREFIX.length()), run));
		double fastestRaw = Math.min(score(runs.get("rawJdkHttpClient")), score(runs.get("rawHttpUrlConnection")));
		out.append("| Client | µs/call (wall) | ± | alloc B/call | CPU µs/call (process) | CPU µs/call (thread)")
			.append(" | × fastest raw | × RestClient, same factory |\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
		for (Map.Entry<String, JsonNode> entry : runs.entrySet()) {
			String name = entry.getKey();
			JsonNode run = entry.getValue();
			String sameFactory = SAME_FACTORY.get(name);
			out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,.0f | %s | %s | %.2f | %s |%n", name,
					score(run), number(run.path("primaryMetric").path("scoreError")),
					run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(),
					cpu(cpu, "processCpuMicrosPerCall", name), cpu(cpu, "threadCpuMicrosPerCall", name),
					score(run) / fastestRaw, (sameFactory != null)
							? String.format(Locale.ROOT, "%.2f", score(run) / score(runs.get(sameFactory))) : ""));
		}
		double sdk = score(runs.get("sdkDefault"));
		double observed = score(runs.get("sdkDefaultObserved"));
		double hand = score(runs.get("restClientSimpleTimeouts"));
		double handWithoutTimeouts = score(runs.get("restClientSimple"));
		double inBoot = score(runs.get("sdkInBoot"));
		out.append("\nGoals (wall time): the default ≤ 1.10× the fastest raw client: ")
			.append(goal(sdk / fastestRaw, 1.10))
			.append("; with observations ")
			.append(goal(observed / fastestRaw, 1.10))
			.append(". The default ≤ 1.03× a hand-written RestClient on the same factory (with the same timeouts): ")
			.append(goal(sdk / hand, 1.03))
			.append(" (without timeouts ")
			.append(goal(sdk / handWithoutTimeouts, 1.03))
			.append(")")
			.append("; with observations ")
			.append(goal(observed / hand, 1.03))
			.append("; inside Spring Boot, observed by Boot too, ")
			.append(goal(inBoot / hand, 1.03))
			.append(".\n");
		if (cpu != null) {
			JsonNode process = cpu.path("processCpuMicrosPerCall");
			double fastestCpu = Math.min(process.path("rawJdkHttpClient").asDouble(),
					process.path("rawHttpUrlConnection").asDouble());
			out.append("Goals (process CPU): ")
				.append(goal(process.path("sdkDefault").asDouble() / fastestCpu, 1.10))
				.append(" the fastest raw client; ")
				.append(goal(process.path("sdkDefault").asDouble()
						/ process.path("restClientSimpleTimeouts").asDouble(), 1.03))
				.append(" the hand-written RestClient.\n");
		}
	}

	private void watcher(StringBuilder out) throws IOException {
		out.append("\n### P2 watcher: one list call per page against one status call per job\n\n");
		JsonNode p2 = read("p2-watcher.json");
		if (p2 == null) {
			out.append("Not run.\n");
			return;
		}
		out.append("Poll interval ").append(p2.path("pollIntervalMillis").asLong()).append(" ms.\n\n")
			.append("| Active jobs | Projects | Watcher requests/cycle | Seed requests/cycle | Watcher CPU ms/cycle")
			.append(" | Seed CPU ms/cycle | Seed wall ms/cycle | Heap B/job | Finished | Reads for them")
			.append(" | Delay median ms | Delay max ms |\n|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		boolean requestsMet = true;
		boolean delayMet = true;
		for (JsonNode size : p2.path("sizes")) {
			JsonNode steady = size.path("watcherSteadyCycles");
			double requests = mean(steady, "requests");
			double pages = mean(steady, "listPages") + mean(steady, "projectLists");
			requestsMet &= requests <= pages && size.path("watcherJobReadsWhileFinishing").asInt() <= size
				.path("finishedJobs").asInt();
			delayMet &= size.path("watcherDelayMaxMillis").asDouble() <= p2.path("pollIntervalMillis").asDouble();
			out.append(String.format(Locale.ROOT,
					"| %,d | %d | %.0f | %,d | %.1f | %.1f | %.0f | %.0f | %d | %d | %.0f | %.0f |%n",
					size.path("jobs").asInt(), size.path("projects").asInt(), requests,
					size.path("seedRequestsPerCycle").asInt(), mean(steady, "cpuMillis"),
					size.path("seedCpuMillisPerCycle").asDouble(), size.path("seedWallMillisPerCycle").asDouble(),
					size.path("watcherRetainedBytesPerJob").asDouble(), size.path("finishedJobs").asInt(),
					size.path("watcherJobReadsWhileFinishing").asInt(), size.path("watcherDelayMedianMillis").asDouble(),
					size.path("watcherDelayMaxMillis").asDouble()));
		}
		// The watcher's fixed cost dominates with few jobs; the goal is per job, so the largest run counts.
		JsonNode largest = p2.path("sizes").path(p2.path("sizes").size() - 1);
		boolean heapMet = largest.path("watcherRetainedBytesPerJob").asDouble() <= 1024;
		out.append("\nGoals: requests ≤ pages + finished: ").append(met(requestsMet)).append("; ≤ 1 KB per job: ")
			.append(met(heapMet)).append(" (at the largest size); delay ≤ one interval: ").append(met(delayMet)).append(".\n");
	}

	private void startup(StringBuilder out) throws IOException {
		out.append("\n### P3 startup: an application with and without the starter\n\n");
		JsonNode p3 = read("p3-startup.json");
		if (p3 == null) {
			out.append("Not run.\n");
			return;
		}
		out.append(String.format(Locale.ROOT, "| Application (median of %d starts) | ms | added ms | requests to RIME during"
				+ " the starts |%n|---|--:|--:|--:|%n", p3.path("runs").asInt()));
		out.append(String.format(Locale.ROOT, "| without the starter | %.1f | | |%n",
				p3.path("withoutStarterMedianMillis").asDouble()));
		out.append(String.format(Locale.ROOT, "| with the starter (client, health, info, endpoint) | %.1f | %.1f | %d |%n",
				p3.path("withStarterMedianMillis").asDouble(), p3.path("addedMedianMillis").asDouble(),
				p3.path("requestsDuringStart").asInt()));
		out.append(String.format(Locale.ROOT, "| with the starter and the watcher | %.1f | %.1f | %d |%n",
				p3.path("withStarterAndWatcherMedianMillis").asDouble(), p3.path("addedWithWatcherMedianMillis").asDouble(),
				p3.path("requestsDuringStartWithWatcher").asInt()));
		out.append("\nGoals: ≤ 50 ms added: ").append(goal(p3.path("addedWithWatcherMedianMillis").asDouble(), 50))
			.append("; no request to RIME during start: ")
			.append(met(p3.path("requestsDuringStart").asInt() == 0)).append(" (without the watcher), ")
			.append(met(p3.path("requestsDuringStartWithWatcher").asInt() == 0)).append(" (with it).\n");
	}

	private void resultsCsv(StringBuilder out) throws IOException {
		out.append("\n### P4 results: test cases streamed to CSV\n\n");
		JsonNode p4 = read("p4-results.json");
		if (p4 == null) {
			out.append("Not run.\n");
			return;
		}
		JsonNode sdk = p4.path("sdk");
		JsonNode hand = p4.path("byHand");
		out.append(String.format(Locale.ROOT,
				"%,d test cases.%n%n| Writer | s | heap growth MB | file MB |%n|---|--:|--:|--:|%n",
				p4.path("testCases").asLong()));
		csvRow(out, "`getResultCsv`", sdk);
		csvRow(out, "by hand", hand);
		out.append(String.format(Locale.ROOT,
				"%nThe SDK takes %.2f× the time of the hand-written loop. Goal ≤ 32 MB heap growth: %s.%n",
				sdk.path("seconds").asDouble() / hand.path("seconds").asDouble(),
				met(sdk.path("heapGrowthBytes").asLong() <= p4.path("goalHeapGrowthBytes").asLong())));
	}

	private void emulator(StringBuilder out) throws IOException {
		out.append("\n### P5 emulator throughput\n\n");
		JsonNode p5 = read("p5-emulator.json");
		if (p5 == null) {
			out.append("Not run.\n");
			return;
		}
		out.append("| Call | clients | requests | per second | p50 ms | p99 ms | failures |\n")
			.append("|---|--:|--:|--:|--:|--:|--:|\n");
		loadRow(out, "`GET /v1/jobs/{id}`", p5.path("getJob"));
		loadRow(out, "`POST /v1/stress-tests/{projectId}`", p5.path("startStressTest"));
		out.append("\nGoal ≥ 5,000 GETs/s: ")
			.append(met(p5.path("getJob").path("perSecond").asDouble() >= p5.path("getGoalPerSecond").asDouble()))
			.append(".\n");
	}

	private void dataChecks(StringBuilder out) throws IOException {
		out.append("\n### P8 emulator data checks: a reference and an evaluation CSV, 20 columns\n\n");
		JsonNode p8 = read("p8-data-checks.json");
		if (p8 == null) {
			out.append("Not run.\n");
			return;
		}
		out.append("| Rows per file | MB per file | s (wall) | s (thread CPU) | s (GC, in the wall time) |"
				+ " live heap growth MB | max heap MB | load average |\n")
			.append("|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		double millionCpu = -1;
		for (JsonNode run : p8.path("runs")) {
			out.append(String.format(Locale.ROOT, "| %,d | %.1f | %.2f | %.2f | %.2f | %.1f | %.0f | %.1f |%n",
					run.path("rows").asLong(), mb(run.path("bytesPerFile")), run.path("bestSeconds").asDouble(),
					run.path("bestThreadCpuSeconds").asDouble(), run.path("gcSecondsInBestRun").asDouble(),
					mb(run.path("liveHeapGrowthBytes")), mb(run.path("maxHeapBytes")),
					run.path("loadAverage").asDouble()));
			if (run.path("rows").asLong() == 1_000_000) {
				millionCpu = run.path("bestThreadCpuSeconds").asDouble() + run.path("gcSecondsInBestRun").asDouble();
			}
		}
		if (millionCpu >= 0) {
			out.append("\nGoal ≤ ").append(p8.path("goalSecondsAtAMillionRows").asInt())
				.append(" s at 1,000,000 rows with -Xmx64m, judged on thread CPU plus GC time: ")
				.append(met(millionCpu <= p8.path("goalSecondsAtAMillionRows").asDouble()))
				.append(".\n");
		}
	}

	private static void csvRow(StringBuilder out, String writer, JsonNode figures) {
		out.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.1f |%n", writer, figures.path("seconds").asDouble(),
				mb(figures.path("heapGrowthBytes")), mb(figures.path("fileBytes"))));
	}

	private static void loadRow(StringBuilder out, String call, JsonNode figures) {
		out.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %.2f | %.2f | %d |%n", call,
				figures.path("threads").asInt(), figures.path("requests").asInt(), figures.path("perSecond").asDouble(),
				figures.path("p50Millis").asDouble(), figures.path("p99Millis").asDouble(),
				figures.path("failures").asInt()));
	}

	private JsonNode read(String name) throws IOException {
		Path file = this.results.resolve(name);
		return Files.exists(file) ? BenchSupport.JSON.readTree(file.toFile()) : null;
	}

	private static double score(JsonNode run) {
		return run.path("primaryMetric").path("score").asDouble();
	}

	// JMH writes "NaN" as a string when too few iterations give no error margin.
	private static double number(JsonNode node) {
		return node.isNumber() ? node.asDouble() : Double.NaN;
	}

	private static String cpu(JsonNode cpu, String kind, String name) {
		JsonNode value = (cpu != null) ? cpu.path(kind).path(name) : null;
		return (value != null && value.isNumber()) ? String.format(Locale.ROOT, "%.1f", value.asDouble()) : "";
	}

	private static double mean(JsonNode cycles, String field) {
		double sum = 0;
		for (JsonNode cycle : cycles) {
			sum += cycle.path(field).asDouble();
		}
		return cycles.isEmpty() ? 0 : sum / cycles.size();
	}

	private static double mb(JsonNode bytes) {
		return bytes.asDouble() / (1024 * 1024);
	}

	private static String goal(double value, double limit) {
		return String.format(Locale.ROOT, "%.2f (%s)", value, met(value <= limit));
	}

	private static String met(boolean met) {
		return met ? "met" : "**missed**";
	}

}
