package io.rime.watch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher with 10,000 active jobs in 10 projects: requests and CPU per poll cycle, retained
 * heap per watched job, and the delay from a job's end to its event. It prints the figures and
 * asserts only what must hold whatever the machine (the request budget), never a time limit.
 */
@Tag("slow")
class RimeJobWatcherScaleTest {

	private static final int PROJECTS = 10;

	private static final int JOBS_PER_PROJECT = 1_000;

	private static final int JOBS = PROJECTS * JOBS_PER_PROJECT;

	private static final int FINISHING = 100;

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private static final Duration CANCEL = Duration.ofMillis(200);

	@Test
	void tenThousandActiveJobsInTenProjects() throws Exception {
		try (RimeEmulator emulator = RimeEmulator.builder()
			.apiKey(WatcherTestSupport.API_KEY)
			.pendingDuration(Duration.ofMillis(100))
			.runningDuration(Duration.ofHours(2))
			.validationDuration(Duration.ofMillis(10))
			.cancelDuration(CANCEL)
			.testCasesPerRun(1)
			.build()
			.start();
				RimeClient others = RimeClient.builder()
					.address(emulator.baseUrl())
					.apiKey(emulator.apiKey())
					.build()) {
			long setupStarted = System.nanoTime();
			List<RimeStressTestJob> jobs = startJobs(emulator, others);
			System.out.printf("Scale: started %,d jobs in %d projects in %.1f s%n", jobs.size(), PROJECTS,
					seconds(System.nanoTime() - setupStarted));

			CycleGate cycles = new CycleGate(emulator);
			Map<String, Instant> announced = new ConcurrentHashMap<>();
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class))
				.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey(),
						"rime.watcher.enabled=true", "rime.watcher.poll-interval=" + POLL_INTERVAL.toMillis() + "ms")
				.withBean(RimeWatcherGate.class, () -> cycles)
				.withBean("announcements", ApplicationListener.class,
						() -> (ApplicationListener<RimeJobFinishedEvent>) (event) -> announced.put(event.jobId(),
								Instant.now()))
				.run((context) -> {
					RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
					MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

					// Heap before and after the watcher has taken in every job.
					cycles.awaitCycles(1);
					long before = usedHeapAfterGc(memory);
					cycles.open(true);
					Awaitility.await().atMost(Duration.ofSeconds(30))
						.until(() -> watcher.state().watchedJobs() == JOBS);
					cycles.open(false);
					cycles.awaitCycles(1);
					long after = usedHeapAfterGc(memory);
					double bytesPerJob = (after - before) / (double) JOBS;

					// Steady state: nothing ends.
					cycles.open(true);
					cycles.reset();
					cycles.awaitCycles(4);
					List<CycleGate.Cycle> steady = cycles.cycles();

					// 100 jobs end (cancelled; each ends 200 ms after its request), one every 20 ms over two
					// poll intervals, so that the ends fall at every point of the poll cycle.
					cycles.reset();
					Map<String, Instant> endsAt = new ConcurrentHashMap<>();
					ScheduledExecutorService cancelling = Executors.newSingleThreadScheduledExecutor();
					try {
						for (int i = 0; i < FINISHING; i++) {
							RimeStressTestJob job = jobs.get(i * (JOBS / FINISHING));
							cancelling.schedule(() -> {
								Instant requested = Instant.now();
								job.cancel();
								endsAt.put(job.jobId(), requested.plus(CANCEL));
							}, i * 2L * POLL_INTERVAL.toMillis() / FINISHING, TimeUnit.MILLISECONDS);
						}
						Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endsAt.size() == FINISHING);
					}
					finally {
						cancelling.shutdown();
					}
					Awaitility.await().atMost(Duration.ofSeconds(20))
						.until(() -> announced.keySet().containsAll(endsAt.keySet()));
					cycles.awaitCycles(2);
					List<CycleGate.Cycle> finishing = cycles.cycles();

					List<Long> delays = new ArrayList<>();
					endsAt.forEach((jobId, end) -> delays
						.add(Math.max(0, Duration.between(end, announced.get(jobId)).toMillis())));
					Collections.sort(delays);

					System.out.println("Scale: " + JOBS + " active jobs in " + PROJECTS + " projects, poll interval "
							+ POLL_INTERVAL + ", list page size 100");
					System.out.printf("Scale: retained heap per watched job: %.0f bytes (%,d bytes for %,d jobs)%n",
							bytesPerJob, after - before, JOBS);
					for (CycleGate.Cycle cycle : steady) {
						System.out.println("Scale: steady cycle: " + cycle);
					}
					for (CycleGate.Cycle cycle : finishing) {
						System.out.println("Scale: cycle with finishes: " + cycle);
					}
					System.out.printf("Scale: finish-to-event delay for %d jobs ending over two poll intervals: min %d ms,"
							+ " median %d ms, p90 %d ms, max %d ms (poll interval %d ms)%n", delays.size(), delays.get(0),
							delays.get(delays.size() / 2), delays.get(delays.size() * 9 / 10),
							delays.get(delays.size() - 1), POLL_INTERVAL.toMillis());

					// The request budget: list pages plus one read per job that ended.
					for (CycleGate.Cycle cycle : steady) {
						assertThat(cycle.jobReads()).isZero();
						assertThat(cycle.listPages()).isLessThanOrEqualTo(JOBS / 100 + PROJECTS + 1);
					}
					assertThat(finishing.stream().mapToInt(CycleGate.Cycle::jobReads).sum())
						.isLessThanOrEqualTo(FINISHING);
					assertThat(watcher.finishedCount(JobStatus.CANCELLED)).isEqualTo(FINISHING);
					assertThat(watcher.state().watchedJobs()).isEqualTo(JOBS - FINISHING);
				});
		}
	}

	private static List<RimeStressTestJob> startJobs(RimeEmulator emulator, RimeClient client) throws Exception {
		List<RimeStressTestJob> jobs = new CopyOnWriteArrayList<>();
		ExecutorService starters = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> started = new ArrayList<>();
			for (int p = 0; p < PROJECTS; p++) {
				String projectId = client.createProject("scale-" + p, "scale test").projectId();
				Map<String, Object> config = emulator.seed().testRunConfig(projectId);
				for (int chunk = 0; chunk < 4; chunk++) {
					started.add(starters.submit(() -> {
						for (int i = 0; i < JOBS_PER_PROJECT / 4; i++) {
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

	private static long usedHeapAfterGc(MemoryMXBean memory) {
		for (int i = 0; i < 4; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
