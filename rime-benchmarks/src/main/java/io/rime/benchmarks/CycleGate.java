package io.rime.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeWatcherGate;

/**
 * A watcher gate, closed at first, that measures each poll cycle from the watcher's own thread:
 * when asked before a cycle, it closes the books of the cycle before it (the emulator's new
 * requests by kind, the thread's CPU time, the wall time).
 */
final class CycleGate implements RimeWatcherGate {

	private final RimeEmulator emulator;

	private final Duration pollInterval;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final List<Cycle> cycles = new CopyOnWriteArrayList<>();

	private volatile boolean open;

	private volatile int asked;

	private boolean lastWasOpen;

	private RecordedRequest lastSeen;

	private long cpuAtEnd;

	private long wallAtStart;

	CycleGate(RimeEmulator emulator, Duration pollInterval) {
		this.emulator = emulator;
		this.pollInterval = pollInterval;
	}

	@Override
	public boolean mayPollAndPublish() {
		long cpuNow = this.threads.getCurrentThreadCpuTime();
		long wallNow = System.nanoTime();
		List<RecordedRequest> requests = this.emulator.requests();
		if (this.lastWasOpen) {
			// Asked one poll interval (fixed delay) after the cycle before ended.
			this.cycles.add(Cycle.of(newSince(requests),
					(cpuNow - this.cpuAtEnd) / 1e6,
					(wallNow - this.wallAtStart) / 1e6 - this.pollInterval.toMillis()));
		}
		this.lastSeen = requests.isEmpty() ? null : requests.get(requests.size() - 1);
		boolean opened = this.open;
		this.lastWasOpen = opened;
		this.asked++;
		this.wallAtStart = System.nanoTime();
		this.cpuAtEnd = this.threads.getCurrentThreadCpuTime();
		return opened;
	}

	// The emulator keeps the last 10,000 requests, so the list is searched for the last one seen, by identity.
	private List<RecordedRequest> newSince(List<RecordedRequest> requests) {
		for (int i = requests.size() - 1; i >= 0 && this.lastSeen != null; i--) {
			if (requests.get(i) == this.lastSeen) {
				return requests.subList(i + 1, requests.size());
			}
		}
		return requests;
	}

	void open(boolean open) {
		this.open = open;
	}

	/** Forget the cycles measured so far. */
	void reset() {
		this.cycles.clear();
	}

	List<Cycle> cycles() {
		return List.copyOf(this.cycles);
	}

	/** Wait until the watcher has asked the gate {@code count} more times. */
	void awaitCycles(int count) {
		int target = this.asked + count;
		BenchSupport.await(count + " poll cycles", Duration.ofMinutes(1), () -> this.asked >= target);
	}

	/**
	 * One poll cycle.
	 * @param requests the GETs RIME received (the benchmark's own cancellations are left out)
	 * @param listPages job list pages
	 * @param projectLists project list pages
	 * @param jobReads single job reads
	 * @param cpuMillis the watcher thread's CPU time
	 * @param wallMillis the cycle's wall time
	 */
	record Cycle(int requests, int listPages, int projectLists, int jobReads, double cpuMillis, double wallMillis) {

		static Cycle of(List<RecordedRequest> requests, double cpuMillis, double wallMillis) {
			int pages = 0;
			int projects = 0;
			int reads = 0;
			for (RecordedRequest request : requests) {
				if (!request.method().equals("GET")) {
					continue;
				}
				if (request.path().startsWith("/v1/jobs/project/")) {
					pages++;
				}
				else if (request.path().startsWith("/v1/projects")) {
					projects++;
				}
				else if (request.path().startsWith("/v1/jobs/")) {
					reads++;
				}
			}
			return new Cycle(pages + projects + reads, pages, projects, reads, cpuMillis, wallMillis);
		}

	}

}
