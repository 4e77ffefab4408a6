package io.rime.client.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Runs each hostile case once within a generous bound, measures its time and the heap it took,
 * and prints them as a table at the end.
 */
final class Trials {

	private static final Duration BOUND = Duration.ofSeconds(60);

	private final List<String> rows = new CopyOnWriteArrayList<>();

	/**
	 * Run a case; what it throws is its outcome, not a failure.
	 * @param name the case
	 * @param action the SDK call
	 * @return what the call returned or threw
	 */
	Object run(String name, Callable<?> action) {
		return timed(name, action).outcome();
	}

	/**
	 * Run a case and keep how long it took, for cases whose claim is a deadline.
	 * @param name the case
	 * @param action the SDK call
	 * @return what the call returned or threw, and how long it took
	 */
	Timed timed(String name, Callable<?> action) {
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		System.gc();
		long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		Object outcome = assertTimeoutPreemptively(BOUND, () -> {
			try {
				return action.call();
			}
			catch (Exception ex) {
				return ex;
			}
		}, () -> name + " did not end within " + BOUND);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		long millis = elapsed.toMillis();
		long peak = pools.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		this.rows.add(String.format("| %-44s | %-90s | %7d | %8.1f |", name, describe(outcome), millis,
				Math.max(0, peak - baseline) / (1024.0 * 1024.0)));
		return new Timed(outcome, elapsed);
	}

	void print(String title) {
		StringBuilder table = new StringBuilder(title).append('\n');
		table.append(String.format("| %-44s | %-90s | %7s | %8s |%n", "case", "outcome", "ms", "heap MB"));
		table.append(String.format("|%s|%s|%s|%s|%n", "-".repeat(46), "-".repeat(92), "-".repeat(9), "-".repeat(10)));
		this.rows.forEach((row) -> table.append(row).append('\n'));
		System.out.print(table);
	}

	// A message's end says what was wrong; its start repeats the call.
	private static String describe(Object outcome) {
		if (!(outcome instanceof Throwable ex)) {
			return abbreviated("returned " + outcome);
		}
		String message = String.valueOf(ex.getMessage()).replace('\n', ' ');
		String tail = (message.length() > 60) ? "..." + message.substring(message.length() - 57) : message;
		return abbreviated(ex.getClass().getSimpleName() + ": " + tail);
	}

	private static String abbreviated(String text) {
		return (text.length() > 90) ? text.substring(0, 87) + "..." : text;
	}

	/**
	 * What a case ended in, and when.
	 *
	 * @param outcome what the call returned or threw
	 * @param elapsed how long the call took
	 */
	record Timed(Object outcome, Duration elapsed) {
	}

}
