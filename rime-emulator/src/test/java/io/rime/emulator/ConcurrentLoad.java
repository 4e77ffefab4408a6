package io.rime.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a call from many threads at once, each with its own client, and measures the throughput and
 * latency once every thread is warm. Shared by {@code ThroughputScaleTest} and the P3 benchmark
 * ({@code rime-benchmarks} uses this module's test jar), so both measure the same way.
 */
public final class ConcurrentLoad {

	private ConcurrentLoad() {
	}

	/**
	 * Run {@code total} calls over {@code threads} threads after {@code warmUp} untimed ones; the
	 * clock starts when every thread is warm.
	 * @param threads the number of threads
	 * @param total the timed calls, spread evenly
	 * @param warmUp the untimed calls, spread evenly
	 * @param clients makes each thread's call
	 * @return the figures
	 * @throws Exception if a thread fails or the run takes more than ten minutes
	 */
	public static Figures run(int threads, int total, int warmUp, Supplier<Call> clients) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch warm = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		AtomicInteger failures = new AtomicInteger();
		int perThread = total / threads;
		try {
			List<Future<long[]>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(executor.submit(() -> {
					Call call = clients.get();
					for (int i = 0; i < warmUp / threads; i++) {
						count(call.status(), failures);
					}
					warm.countDown();
					go.await();
					long[] latencies = new long[perThread];
					for (int i = 0; i < perThread; i++) {
						long started = System.nanoTime();
						int status = call.status();
						latencies[i] = System.nanoTime() - started;
						count(status, failures);
					}
					return latencies;
				}));
			}
			if (!warm.await(2, TimeUnit.MINUTES)) {
				throw new TimeoutException("the clients did not warm up within two minutes");
			}
			long started = System.nanoTime();
			go.countDown();
			long[] all = new long[perThread * threads];
			for (int t = 0; t < threads; t++) {
				System.arraycopy(results.get(t).get(10, TimeUnit.MINUTES), 0, all, t * perThread, perThread);
			}
			long elapsed = System.nanoTime() - started;
			Arrays.sort(all);
			return new Figures(threads, all.length, all.length / (elapsed / 1e9), millis(all, 0.50),
					millis(all, 0.99), failures.get());
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a client failed", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void count(int status, AtomicInteger failures) {
		if (status != 200) {
			failures.incrementAndGet();
		}
	}

	private static double millis(long[] sorted, double percentile) {
		return sorted[(int) Math.round(percentile * (sorted.length - 1))] / 1e6;
	}

	/**
	 * One thread's way to make the measured call.
	 */
	@FunctionalInterface
	public interface Call {

		/**
		 * Make the call.
		 * @return the HTTP status
		 * @throws Exception if the call fails
		 */
		int status() throws Exception;

	}

	/**
	 * The figures of one run.
	 * @param threads the concurrent clients
	 * @param requests the timed calls
	 * @param perSecond calls per second
	 * @param p50Millis the median latency
	 * @param p99Millis the 99th percentile latency
	 * @param failures calls that did not answer 200
	 */
	public record Figures(int threads, int requests, double perSecond, double p50Millis, double p99Millis,
			int failures) {

		@Override
		public String toString() {
			return String.format("%d threads, %,d requests: %,.0f/s, p50 %.2f ms, p99 %.2f ms, %d failures",
					this.threads, this.requests, this.perSecond, this.p50Millis, this.p99Millis, this.failures);
		}

	}

}
