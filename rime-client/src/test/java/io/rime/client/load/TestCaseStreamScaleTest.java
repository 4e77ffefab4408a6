package io.rime.client.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.client.results.RimeTestRun;
import io.rime.client.results.TestCase;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million test cases, with their metrics, streamed from the emulator through {@code testCases()}: the
 * stream holds one page at a time, so the heap grows by a page, not by the results. The heap after a full
 * collection is sampled every 100,000 cases and its growth printed; time is printed, never asserted.
 */
class TestCaseStreamScaleTest {

	private static final long CASES = 1_000_000;

	private static final long SAMPLE_EVERY = 100_000;

	@Test
	void aMillionTestCasesStreamInBoundedMemory() {
		try (RimeEmulator emulator = RimeEmulator.builder()
			.apiKey("scale-key")
			.pendingDuration(Duration.ofMillis(20))
			.runningDuration(Duration.ofMillis(50))
			.validationDuration(Duration.ofMillis(20))
			.testCasesPerRun(CASES)
			.build()
			.start();
				RimeClient client = RimeClient.builder()
					.address(emulator.baseUrl())
					.apiKey(emulator.apiKey())
					.defaultProjectId(emulator.defaultProjectId())
					.build()) {
			RimeStressTestJob job = client.startStressTest(config());
			assertThat(job.waitUntilFinish(Duration.ofMillis(20), Duration.ofSeconds(30)).status())
				.isEqualTo(JobStatus.SUCCEEDED);
			RimeTestRun run = job.getTestRun();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			long baseline = usedAfterGc(memory);
			long maxGrowth = 0;
			long read = 0;
			long metrics = 0;
			long started = System.nanoTime();
			try (Stream<TestCase> cases = run.testCases()) {
				Iterator<TestCase> iterator = cases.iterator();
				while (iterator.hasNext()) {
					metrics += iterator.next().metrics().size();
					if (++read % SAMPLE_EVERY == 0) {
						maxGrowth = Math.max(maxGrowth, usedAfterGc(memory) - baseline);
					}
				}
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			System.out.printf("Streaming scale: %,d test cases with %,d metrics in %d pages, %.1f s (%,.0f cases/s);"
					+ " largest heap growth after GC while streaming: %.1f MiB%n", read, metrics,
					(read + 999) / 1000, took.toMillis() / 1000.0, read / Math.max(0.001, took.toMillis() / 1000.0),
					maxGrowth / (1024.0 * 1024));
			assertThat(read).isEqualTo(CASES).isEqualTo(run.summaryCounts().total());
			// Held at once, a million cases with their metrics take several hundred MiB: growth must stay far below.
			assertThat(maxGrowth).isLessThan(64L * 1024 * 1024);
		}
	}

	private static long usedAfterGc(MemoryMXBean memory) {
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static Map<String, Object> config() {
		return Map.of("run_name", "million", "data_info", Map.of("eval_path", "s3://bucket/eval.csv"),
				"model_info", Map.of("path", "s3://bucket/model.py"));
	}

}
