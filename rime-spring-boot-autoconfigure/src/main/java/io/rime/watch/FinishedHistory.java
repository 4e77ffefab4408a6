package io.rime.watch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.rime.client.JobStatus;

/**
 * What a {@link RimeJobWatcher} remembers of the jobs it announced as finished: the last few, for
 * the actuator endpoint, and a count per final status, for the meters. Written by the watcher's
 * thread, read from any.
 */
final class FinishedHistory {

	private final int size;

	private final Deque<FinishedJob> finished = new ArrayDeque<>();

	private final Map<JobStatus, AtomicLong> counts = new EnumMap<>(JobStatus.class);

	FinishedHistory(int size) {
		this.size = size;
		for (JobStatus status : JobStatus.values()) {
			if (!RimeJobWatcher.ACTIVE_STATUSES.contains(status)) {
				this.counts.put(status, new AtomicLong());
			}
		}
	}

	void add(FinishedJob job) {
		this.counts.get(job.status()).incrementAndGet();
		if (this.size == 0) {
			return;
		}
		synchronized (this.finished) {
			this.finished.addFirst(job);
			while (this.finished.size() > this.size) {
				this.finished.removeLast();
			}
		}
	}

	List<FinishedJob> jobs() {
		synchronized (this.finished) {
			return List.copyOf(this.finished);
		}
	}

	long count(JobStatus status) {
		AtomicLong count = this.counts.get(status);
		return (count != null) ? count.get() : 0;
	}

}
