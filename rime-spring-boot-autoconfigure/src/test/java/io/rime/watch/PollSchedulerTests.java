package io.rime.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher's cycles run at a fixed rate, start to start: a slow cycle delays the next one, two
 * never run at once, no burst makes up for an overrun, and a new leader's cycle can run at once.
 */
class PollSchedulerTests {

	private static final Duration INTERVAL = Duration.ofMillis(100);

	@Test
	void cyclesStartAtAFixedRateAndAnOverrunDelaysTheNextWithoutOverlapOrBurst() {
		List<long[]> cycles = new CopyOnWriteArrayList<>();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		PollScheduler scheduler = new PollScheduler(INTERVAL, Duration.ofSeconds(5), (run) -> {
			long start = System.nanoTime();
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			// The 3rd and 4th cycles overrun by two and a half intervals; the others take 60 ms.
			long work = (cycles.size() == 2 || cycles.size() == 3) ? INTERVAL.toNanos() * 5 / 2 : 60_000_000;
			LockSupport.parkNanos(work);
			running.decrementAndGet();
			cycles.add(new long[] { start, System.nanoTime() });
		});
		scheduler.start();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cycles.size() >= 12);
		}
		finally {
			scheduler.stop();
		}
		assertThat(mostAtOnce).hasValue(1);
		List<Long> ratedGaps = new ArrayList<>();
		for (int i = 1; i < cycles.size(); i++) {
			long gap = cycles.get(i)[0] - cycles.get(i - 1)[0];
			long previousTook = cycles.get(i - 1)[1] - cycles.get(i - 1)[0];
			// Never a burst: a start is at least an interval, or the whole overrunning cycle, after the last.
			assertThat(gap).as("gap before cycle %d", i)
				.isGreaterThanOrEqualTo(Math.min(INTERVAL.toNanos(), previousTook) - 5_000_000);
			if (previousTook < INTERVAL.toNanos()) {
				ratedGaps.add(gap - previousTook);
			}
		}
		// Start to start: the wait after a 60 ms cycle is the rest of the interval, not a whole one.
		ratedGaps.sort(null);
		long medianWait = ratedGaps.get(ratedGaps.size() / 2);
		System.out.printf("[watcher] fixed rate: median wait after a 60 ms cycle %d ms (interval %d ms)%n",
				medianWait / 1_000_000, INTERVAL.toMillis());
		assertThat(medianWait).isLessThan(INTERVAL.toNanos());
	}

	@Test
	void runNowRunsACycleAtOnceBetweenTicks() {
		AtomicInteger cycles = new AtomicInteger();
		PollScheduler scheduler = new PollScheduler(Duration.ofMinutes(10), Duration.ofSeconds(5),
				(run) -> cycles.incrementAndGet());
		scheduler.start();
		try {
			scheduler.runNow();
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cycles.get() == 1);
			scheduler.runNow();
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cycles.get() == 2);
		}
		finally {
			scheduler.stop();
		}
	}

}
