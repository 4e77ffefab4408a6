package io.rime.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.web.client.RestClient;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.CycleGate;
import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherGate;

/**
 * P2: the watcher with 100, 1,000 and 10,000 active jobs (1,000 per project): requests and CPU per
 * poll cycle, retained heap per watched job, and the delay from a job's end to its event; beside
 * it the seed's pattern, one status call per job per cycle, on the same emulator. Writes
 * {@code p2-watcher.json}.
 */
public final class WatcherScaleBenchmark {

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private static final Duration CANCEL = Duration.ofMillis(200);

	private static final int JOBS_PER_PROJECT = 1_000;

	private WatcherScaleBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args optionally the job counts (default 100 1000 10000)
	 * @throws Exception if the run fails
	 */
	public static void main(String[] args) throws Exception {
		int[] sizes = (args.length > 0) ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
				: new int[] { 100, 1_000, 10_000 };
		List<Map<String, Object>> results = new ArrayList<>();
		for (int jobs : sizes) {
			Map<String, Object> result = measure(jobs);
			System.out.println("P2 " + result);
			results.add(result);
		}
		BenchSupport.writeResult("p2-watcher", Map.of("pollIntervalMillis", POLL_INTERVAL.toMillis(), "sizes",
				results));
	}

	private static Map<String, Object> measure(int jobCount) throws Exception {
		try (RimeEmulator emulator = RimeEmulator.builder()
			.apiKey(BenchSupport.API_KEY)
			.pendingDuration(Duration.ofMillis(100))
			.runningDuration(Duration.ofHours(2))
			.validationDuration(Duration.ofMillis(1))
			.cancelDuration(CANCEL)
			.testCasesPerRun(1)
			.build()
			.start(); RimeClient client = BenchSupport.client(emulator)) {
			List<RimeStressTestJob> jobs = startJobs(emulator, client, jobCount);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("jobs", jobCount);
			result.put("projects", projects(jobCount));
			watch(emulator, jobs, result);
			result.putAll(seedPattern(emulator, jobs));
			return result;
		}
	}

	private static void watch(RimeEmulator emulator, List<RimeStressTestJob> jobs, Map<String, Object> result) {
		int jobCount = jobs.size();
		CycleGate gate = new CycleGate(emulator);
		Map<String, Long> announcedAt = new ConcurrentHashMap<>();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class))
			.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey(),
					"rime.watcher.enabled=true", "rime.watcher.poll-interval=" + POLL_INTERVAL.toMillis() + "ms")
			.withBean(RimeWatcherGate.class, () -> gate)
			.withBean("announcements", ApplicationListener.class,
					() -> (ApplicationListener<RimeJobFinishedEvent>) (event) -> announcedAt.put(event.jobId(),
							System.nanoTime()))
			.run((context) -> {
				if (context.getStartupFailure() != null) {
					throw new IllegalStateException("The watcher did not start", context.getStartupFailure());
				}
				RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
				gate.awaitCycles(1);
				long before = BenchSupport.liveHeap();
				gate.open(true);
				BenchSupport.await("every job watched", Duration.ofMinutes(1),
						() -> watcher.state().watchedJobs() == jobCount);
				gate.open(false);
				gate.awaitCycles(1);
				long after = BenchSupport.liveHeap();
				result.put("watcherRetainedBytesPerJob", (after - before) / (double) jobCount);

				gate.open(true);
				gate.awaitCycles(1);
				gate.reset();
				gate.awaitCycles(3);
				List<CycleGate.Cycle> steady = gate.cycles();
				result.put("watcherSteadyCycles", steady);

				int finishing = Math.max(10, Math.min(100, jobCount / 10));
				gate.reset();
				List<Long> delays = finishAndTime(jobs, finishing, announcedAt);
				gate.awaitCycles(2);
				List<CycleGate.Cycle> finishingCycles = gate.cycles();
				result.put("watcherFinishingCycles", finishingCycles);
				result.put("finishedJobs", finishing);
				result.put("watcherJobReadsWhileFinishing",
						finishingCycles.stream().mapToInt(CycleGate.Cycle::jobReads).sum());
				Collections.sort(delays);
				result.put("watcherDelayMedianMillis", delays.get(delays.size() / 2) / 1e6);
				result.put("watcherDelayMaxMillis", delays.get(delays.size() - 1) / 1e6);
			});
	}

	/**
	 * Cancel jobs one by one over two poll intervals, so that the ends fall at every point of the
	 * cycle, and return for each the time from its end to its event.
	 */
	private static List<Long> finishAndTime(List<RimeStressTestJob> jobs, int count, Map<String, Long> announcedAt)
			throws Exception {
		Map<String, Long> endsAt = new ConcurrentHashMap<>();
		ScheduledExecutorService cancelling = Executors.newSingleThreadScheduledExecutor();
		try {
			for (int i = 0; i < count; i++) {
				RimeStressTestJob job = jobs.get(i * (jobs.size() / count));
				cancelling.schedule(() -> {
					long requested = System.nanoTime();
					job.cancel();
					endsAt.put(job.jobId(), requested + CANCEL.toNanos());
				}, i * 2L * POLL_INTERVAL.toMillis() / count, TimeUnit.MILLISECONDS);
			}
			BenchSupport.await("the cancellations", Duration.ofMinutes(1), () -> endsAt.size() == count);
		}
		finally {
			cancelling.shutdown();
		}
		BenchSupport.await("the finished events", Duration.ofMinutes(1),
				() -> announcedAt.keySet().containsAll(endsAt.keySet()));
		List<Long> delays = new ArrayList<>();
		endsAt.forEach((jobId, end) -> delays.add(Math.max(0, announcedAt.get(jobId) - end)));
		return delays;
	}

	/**
	 * The seed's way: one status call per job per cycle, on one thread, with the SDK's default request
	 * factory. Its detection delay is up to one interval plus the cycle's wall time. Requests are
	 * counted by the client: a cycle can be more than the 10,000 the emulator remembers.
	 */
	private static Map<String, Object> seedPattern(RimeEmulator emulator, List<RimeStressTestJob> jobs) {
		AtomicInteger requests = new AtomicInteger();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Object> result = new LinkedHashMap<>();
		try (RimeClient seed = RimeClient.builder()
			.address(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.restClientBuilder(RestClient.builder().requestInterceptor((request, body, execution) -> {
				requests.incrementAndGet();
				return execution.execute(request, body);
			}))
			// A timeout puts the SDK's default request factory under the given builder.
			.readTimeout(Duration.ofSeconds(30))
			.build()) {
			List<RimeStressTestJob> handles = jobs.stream().map((job) -> seed.job(job.jobId())).toList();
			for (int cycle = 0; cycle < 2; cycle++) {
				requests.set(0);
				long cpu = threads.getCurrentThreadCpuTime();
				long wall = System.nanoTime();
				for (RimeStressTestJob job : handles) {
					job.getStatus();
				}
				result.put("seedRequestsPerCycle", requests.get());
				result.put("seedCpuMillisPerCycle", (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
				result.put("seedWallMillisPerCycle", (System.nanoTime() - wall) / 1e6);
			}
		}
		return result;
	}

	private static int projects(int jobCount) {
		return (jobCount + JOBS_PER_PROJECT - 1) / JOBS_PER_PROJECT;
	}

	private static List<RimeStressTestJob> startJobs(RimeEmulator emulator, RimeClient client, int jobCount)
			throws Exception {
		List<RimeStressTestJob> jobs = new CopyOnWriteArrayList<>();
		ExecutorService starters = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> started = new ArrayList<>();
			for (int p = 0; p < projects(jobCount); p++) {
				String projectId = (p == 0) ? emulator.defaultProjectId()
						: client.createProject("bench-" + p, "watcher benchmark").projectId();
				Map<String, Object> config = emulator.seed().testRunConfig(projectId);
				int inProject = Math.min(JOBS_PER_PROJECT, jobCount - p * JOBS_PER_PROJECT);
				for (int chunk = 0; chunk < 4; chunk++) {
					int count = inProject / 4 + ((chunk < inProject % 4) ? 1 : 0);
					started.add(starters.submit(() -> {
						for (int i = 0; i < count; i++) {
							jobs.add(client.startStressTest(config, projectId));
						}
					}));
				}
			}
			for (Future<?> future : started) {
				future.get();
			}
		}
		finally {
			starters.shutdown();
		}
		return new ArrayList<>(jobs);
	}

}
