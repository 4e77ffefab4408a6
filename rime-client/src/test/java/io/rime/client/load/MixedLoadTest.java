package io.rime.client.load;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.client.reliability.Resources;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 threads make 20,000 mixed calls through one client, built as a user would build it, against
 * the emulator. Every call must succeed, and once the client is closed the JVM must be back to the
 * threads and sockets it had before. Latency and throughput are printed, not asserted: the
 * machines that run this are shared.
 */
@Tag("slow")
class MixedLoadTest {

	private static final int THREADS = 64;

	private static final int CALLS = 20_000;

	private static final int WARM_UP = 1_000;

	// Reads dominate, as they do for a service that mostly checks on jobs; one call in 50 starts one.
	private static final List<Operation> MIX = mix(Map.of(Operation.GET_STATUS, 20, Operation.GET_PROJECT, 8,
			Operation.GET_RIME_INFO, 10, Operation.LIST_ACTIVE_JOBS, 8, Operation.LIST_PROJECTS, 3,
			Operation.START_STRESS_TEST, 1));

	@Test
	void twentyThousandMixedCallsFromSixtyFourThreadsAllSucceedAndLeaveNothingBehind() throws Exception {
		try (RimeEmulator emulator = RimeEmulator.builder()
			.pendingDuration(Duration.ofMillis(100))
			.runningDuration(Duration.ofSeconds(2))
			.validationDuration(Duration.ofMillis(50))
			.build()
			.start()) {
			Usage before = Usage.now();
			AtomicLong retries = new AtomicLong();
			RimeClient client = RimeClient.builder()
				.address(emulator.baseUrl())
				.apiKey(emulator.apiKey())
				.defaultProjectId(emulator.defaultProjectId())
				.addRetryListener(new CountingRetryListener(retries))
				.build();
			Workload workload = new Workload(client, emulator.defaultProjectId());
			Run warmUp = run(workload, WARM_UP);
			Run load = run(workload, CALLS);
			client.close();
			long closed = System.nanoTime();

			// Idle keep-alive connections and idle helper threads take a few seconds to go.
			Awaitility.await("threads and sockets back to where they were")
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(Usage.now()).matches((now) -> now.isWithin(before), "within " + before));
			Duration settled = Duration.ofNanos(System.nanoTime() - closed);
			load.print(retries.get(), before, Usage.now(), settled);
			assertThat(warmUp.errors).isEmpty();
			assertThat(load.errors).isEmpty();
			assertThat(load.latencies).hasSize(CALLS);
		}
	}

	private static Run run(Workload workload, int calls) throws InterruptedException {
		Run run = new Run();
		AtomicInteger next = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		for (int t = 0; t < THREADS; t++) {
			threads.execute(() -> {
				awaitQuietly(start);
				for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
					Operation operation = MIX.get(i % MIX.size());
					long begin = System.nanoTime();
					try {
						workload.call(operation);
						run.latencies.add(new Latency(operation, System.nanoTime() - begin));
					}
					catch (RuntimeException ex) {
						run.errors.add(operation + ": " + ex);
					}
				}
			});
		}
		long begin = System.nanoTime();
		start.countDown();
		threads.shutdown();
		assertThat(threads.awaitTermination(5, TimeUnit.MINUTES)).as("the load finished").isTrue();
		run.elapsedNanos = System.nanoTime() - begin;
		return run;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<Operation> mix(Map<Operation, Integer> weights) {
		List<Operation> mix = new ArrayList<>();
		weights.forEach((operation, weight) -> {
			for (int i = 0; i < weight; i++) {
				mix.add(operation);
			}
		});
		return List.copyOf(mix);
	}

	enum Operation {

		GET_STATUS, GET_PROJECT, GET_RIME_INFO, LIST_ACTIVE_JOBS, LIST_PROJECTS, START_STRESS_TEST

	}

	/** What each operation does, on jobs the load itself started. */
	private static final class Workload {

		private final RimeClient client;

		private final String projectId;

		private final List<RimeStressTestJob> jobs = new CopyOnWriteArrayList<>();

		private final AtomicInteger turn = new AtomicInteger();

		Workload(RimeClient client, String projectId) {
			this.client = client;
			this.projectId = projectId;
			this.jobs.add(start());
		}

		void call(Operation operation) {
			switch (operation) {
				case GET_STATUS -> this.jobs.get(Math.floorMod(this.turn.getAndIncrement(), this.jobs.size())).getStatus();
				case GET_PROJECT -> this.client.getProject(this.projectId);
				case GET_RIME_INFO -> this.client.getRimeInfo();
				case LIST_ACTIVE_JOBS -> this.client.listStressTestJobs(List.of(JobStatus.PENDING, JobStatus.RUNNING),
						this.projectId);
				case LIST_PROJECTS -> this.client.listProjects();
				case START_STRESS_TEST -> this.jobs.add(start());
			}
		}

		// The seed's form: registers the data and model, waits for their validation, then starts.
		private RimeStressTestJob start() {
			Map<String, Object> config = new LinkedHashMap<>();
			config.put("run_name", "load");
			config.put("data_info", Map.of("label_col", "Survived", "ref_path", resource("titanic_example.csv"),
					"eval_path", resource("titanic_example.csv")));
			config.put("model_info", Map.of("path", resource("titanic_example_model.py")));
			return this.client.startStressTest(config, this.projectId);
		}

		private static String resource(String name) {
			URL url = MixedLoadTest.class.getResource("/titanic/" + name);
			try {
				return Path.of(url.toURI()).toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private record Latency(Operation operation, long nanos) {
	}

	/** The calls of one run: latencies of those that succeeded, and what the others threw. */
	private static final class Run {

		final Queue<Latency> latencies = new ConcurrentLinkedQueue<>();

		final Queue<String> errors = new ConcurrentLinkedQueue<>();

		long elapsedNanos;

		void print(long retries, Usage before, Usage after, Duration settled) {
			StringBuilder table = new StringBuilder(String.format(
					"Load: %d threads, %d calls in %.1f s (%.0f calls/s), %d errors, %d retries;"
							+ " threads %d -> %d, TCP sockets %d -> %d, %.1f s after close%n",
					THREADS, CALLS, this.elapsedNanos / 1e9, CALLS / (this.elapsedNanos / 1e9), this.errors.size(),
					retries, before.threads(), after.threads(), before.sockets(), after.sockets(),
					settled.toMillis() / 1e3));
			table.append(String.format("| %-18s | %6s | %8s | %8s | %8s |%n", "operation", "calls", "p50 ms", "p99 ms",
					"max ms"));
			table.append("|--------------------|--------|----------|----------|----------|\n");
			for (Operation operation : Operation.values()) {
				row(table, operation.name(), this.latencies.stream().filter((l) -> l.operation() == operation).toList());
			}
			row(table, "all", List.copyOf(this.latencies));
			System.out.print(table);
		}

		private static void row(StringBuilder table, String name, List<Latency> latencies) {
			long[] sorted = latencies.stream().mapToLong(Latency::nanos).sorted().toArray();
			if (sorted.length == 0) {
				return;
			}
			table.append(String.format("| %-18s | %6d | %8.2f | %8.2f | %8.2f |%n", name, sorted.length,
					millis(sorted, 0.50), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6));
		}

		private static double millis(long[] sorted, double percentile) {
			return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1)] / 1e6;
		}

	}

	private static final class CountingRetryListener implements RetryListener {

		private final AtomicLong retries;

		CountingRetryListener(AtomicLong retries) {
			this.retries = retries;
		}

		@Override
		public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
			this.retries.incrementAndGet();
		}

	}

	/**
	 * The threads and TCP sockets of this JVM that a client could leave behind. The emulator's
	 * request threads are not counted: its pool keeps idle threads for a minute, which says nothing
	 * of the client.
	 *
	 * @param threads live threads, the emulator's request threads and Awaitility's excepted
	 * @param sockets open TCP sockets (0 where they cannot be counted)
	 */
	record Usage(long threads, long sockets) {

		static Usage now() {
			return new Usage(Resources.liveThreads(List.of("rime-emulator-", "awaitility")), Resources.tcpSockets());
		}

		boolean isWithin(Usage before) {
			return this.threads <= before.threads && this.sockets <= before.sockets;
		}

	}

}
