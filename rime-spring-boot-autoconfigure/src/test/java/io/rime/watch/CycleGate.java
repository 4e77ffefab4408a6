package io.rime.watch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;

/**
 * A watcher gate, closed at first, that measures each poll cycle from the watcher's own thread:
 * when asked before a cycle, it closes the books of the cycle before it (the emulator's new
 * requests by kind, the thread's CPU time). Shared by {@code RimeJobWatcherScaleTest}
 * and the P2 benchmark ({@code rime-benchmarks} uses this module's test jar), so both count alike.
 */
public final class CycleGate implements RimeWatcherGate {

	private final RimeEmulator emulator;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final List<Cycle> cycles = new CopyOnWriteArrayList<>();

	private final Object askedMonitor = new Object();

	private volatile boolean open;

	private int asked;

	private boolean lastWasOpen;

	private @Nullable RecordedRequest lastSeen;

	private long cpuAtEnd;

	/**
	 * Create a closed gate. It reports no wall time: cycles start at a fixed rate, so the time
	 * between two asks is the poll interval whatever the cycle took, and the gate never sees a
	 * cycle end.
	 * @param emulator the emulator the watcher polls, whose recorded requests are counted
	 */
	public CycleGate(RimeEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public boolean mayPollAndPublish() {
		long cpuNow = this.threads.getCurrentThreadCpuTime();
		List<RecordedRequest> requests = this.emulator.requests();
		if (this.lastWasOpen) {
			// Asked at the start of the next cycle: the thread idled in between, so its CPU time since
			// the last ask is the cycle's.
			this.cycles.add(Cycle.of(newSince(requests), (cpuNow - this.cpuAtEnd) / 1e6));
		}
		this.lastSeen = requests.isEmpty() ? null : requests.get(requests.size() - 1);
		boolean opened = this.open;
		this.lastWasOpen = opened;
		synchronized (this.askedMonitor) {
			this.asked++;
			this.askedMonitor.notifyAll();
		}
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

	/**
	 * Open or close the gate for the cycles that follow.
	 * @param open whether the watcher may poll
	 */
	public void open(boolean open) {
		this.open = open;
	}

	/**
	 * Forget the cycles measured so far.
	 */
	public void reset() {
		this.cycles.clear();
	}

	/**
	 * Return the cycles measured since the last {@link #reset()}.
	 * @return the cycles, oldest first
	 */
	public List<Cycle> cycles() {
		return List.copyOf(this.cycles);
	}

	/**
	 * Wait until the watcher has asked the gate {@code count} more times.
	 * @param count how many more times
	 * @throws IllegalStateException if that takes more than a minute
	 */
	public void awaitCycles(int count) {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		synchronized (this.askedMonitor) {
			int target = this.asked + count;
			while (this.asked < target) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException(
							"The watcher did not run " + count + " poll cycles within a minute");
				}
				try {
					this.askedMonitor.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for poll cycles", ex);
				}
			}
		}
	}

	/**
	 * One poll cycle as the emulator and the watcher thread saw it.
	 * @param requests the GETs RIME received (cancellations and other writes are left out)
	 * @param listPages job list pages
	 * @param projectLists project list pages
	 * @param jobReads single job reads
	 * @param cpuMillis the watcher thread's CPU time
	 */
	public record Cycle(int requests, int listPages, int projectLists, int jobReads, double cpuMillis) {

		static Cycle of(List<RecordedRequest> requests, double cpuMillis) {
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
			return new Cycle(pages + projects + reads, pages, projects, reads, cpuMillis);
		}

		@Override
		public String toString() {
			return String.format(
					"%d requests (%d list pages, %d project list, %d job reads), CPU %.1f ms", this.requests,
					this.listPages, this.projectLists, this.jobReads, this.cpuMillis);
		}

	}

}
