package io.rime.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how far the live heap grows while something runs: a thread collects garbage every
 * {@value #PERIOD_MILLIS} ms and reads the heap in use, and the highest reading less the live heap
 * before the run is the growth. Only what the code holds on to counts, not the garbage it leaves;
 * the collections slow the run, so time it in a separate run.
 */
final class HeapGrowth implements AutoCloseable {

	private static final long PERIOD_MILLIS = 50;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final AtomicLong highest = new AtomicLong();

	private final AtomicInteger samples = new AtomicInteger();

	private final CountDownLatch stop = new CountDownLatch(1);

	private final long baseline;

	private final Thread sampler;

	HeapGrowth() {
		this.baseline = BenchSupport.liveHeap();
		this.sampler = new Thread(this::sample, "heap-growth");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	private void sample() {
		try {
			do {
				System.gc();
				this.highest.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
				this.samples.incrementAndGet();
			}
			while (!this.stop.await(PERIOD_MILLIS, TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stop sampling and return the growth.
	 * @return bytes; 0 if the live heap never grew past the baseline
	 */
	long bytes() {
		close();
		return Math.max(0, this.highest.get() - this.baseline);
	}

	/**
	 * Return how often the live heap was read.
	 * @return the count
	 */
	int samples() {
		return this.samples.get();
	}

	@Override
	public void close() {
		this.stop.countDown();
		try {
			this.sampler.join(Duration.ofSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
