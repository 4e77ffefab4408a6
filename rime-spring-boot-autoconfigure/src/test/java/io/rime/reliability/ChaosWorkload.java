package io.rime.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeException;
import io.rime.client.RimeStressTestJob;
import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.WatcherTestSupport.RecordedEvents;

/**
 * A mix of operations that an application makes through its {@code RimeClient}, run from several
 * threads: create projects, start stress tests, poll and list jobs, download results of jobs the
 * watcher announced as succeeded. It sorts every outcome: success, a typed failure (a
 * {@link RimeException}) or anything else, which is a bug; and it keeps what the checks need.
 */
final class ChaosWorkload {

	enum Operation {

		CREATE_PROJECT(10), START_TEST(30), POLL(25), LIST(20), DOWNLOAD(15);

		private final int weight;

		Operation(int weight) {
			this.weight = weight;
		}

		static Operation draw(Random random) {
			int pick = random.nextInt(100);
			for (Operation operation : values()) {
				pick -= operation.weight;
				if (pick < 0) {
					return operation;
				}
			}
			throw new IllegalStateException("Weights do not add up to 100");
		}

	}

	/** A project to start stress tests in, with a config whose model and data are registered there. */
	record Target(String projectId, Map<String, Object> config) {
	}

	private final RimeClient client;

	private final RetriedCalls retriedCalls;

	private final List<Target> targets;

	private final RecordedEvents events;

	private final Path resultsFolder;

	private final long seed;

	final Map<Operation, LongAdder> operations = new ConcurrentHashMap<>();

	final Map<String, LongAdder> typedFailures = new ConcurrentHashMap<>();

	final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

	final List<String> failureMessages = new CopyOnWriteArrayList<>();

	final AtomicInteger startCalls = new AtomicInteger();

	final AtomicInteger failedStarts = new AtomicInteger();

	/** Starts that failed after a retry: an earlier attempt may have created a job that no one returned. */
	final AtomicInteger startsFailedAfterRetry = new AtomicInteger();

	final List<RimeStressTestJob> startedJobs = new CopyOnWriteArrayList<>();

	/** Result files that a download reported as written, to compare with a download without faults. */
	final Map<Path, RimeStressTestJob> downloaded = new ConcurrentHashMap<>();

	/** Files that a failed download left behind: must stay empty. */
	final Set<Path> leftByFailedDownloads = ConcurrentHashMap.newKeySet();

	final AtomicLong longestOperationNanos = new AtomicLong();

	ChaosWorkload(RimeClient client, RetriedCalls retriedCalls, List<Target> targets, RecordedEvents events,
			Path resultsFolder, long seed) {
		this.client = client;
		this.retriedCalls = retriedCalls;
		this.targets = targets;
		this.events = events;
		this.resultsFolder = resultsFolder;
		this.seed = seed;
	}

	void run(int count, int threads) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				Random random = new Random(this.seed + t);
				workers.add(executor.submit(() -> {
					for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
						perform(Operation.draw(random), index, random);
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	long count(Operation operation) {
		LongAdder adder = this.operations.get(operation);
		return (adder != null) ? adder.sum() : 0;
	}

	long typedFailureCount() {
		return this.typedFailures.values().stream().mapToLong(LongAdder::sum).sum();
	}

	private void perform(Operation operation, int index, Random random) {
		this.operations.computeIfAbsent(operation, (key) -> new LongAdder()).increment();
		long started = System.nanoTime();
		Path file = this.resultsFolder.resolve("results-" + index + ".csv");
		try {
			switch (operation) {
				case CREATE_PROJECT -> this.client.createProject("chaos-" + UUID.randomUUID(), "chaos soak");
				case START_TEST -> startTest(random);
				case POLL -> poll(random);
				case LIST -> list(random, index);
				case DOWNLOAD -> download(random, file);
			}
		}
		catch (RimeException ex) {
			this.typedFailures.computeIfAbsent(ex.getClass().getSimpleName(), (key) -> new LongAdder()).increment();
			this.failureMessages.add(ex.toString());
			if (operation == Operation.DOWNLOAD && Files.exists(file)) {
				this.leftByFailedDownloads.add(file);
			}
		}
		catch (Throwable ex) {
			this.unexpected.add(ex);
		}
		finally {
			this.longestOperationNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
		}
	}

	private void startTest(Random random) {
		Target target = this.targets.get(random.nextInt(this.targets.size()));
		this.startCalls.incrementAndGet();
		this.retriedCalls.reset();
		try {
			this.startedJobs.add(this.client.startStressTest(target.config(), target.projectId()));
		}
		catch (RuntimeException ex) {
			this.failedStarts.incrementAndGet();
			if (this.retriedCalls.retried()) {
				this.startsFailedAfterRetry.incrementAndGet();
			}
			throw ex;
		}
	}

	/**
	 * Tells whether the calling thread's last call was retried: a retry listener runs on the thread
	 * that makes the call.
	 */
	static final class RetriedCalls implements RetryListener {

		private final ThreadLocal<Boolean> retried = ThreadLocal.withInitial(() -> false);

		@Override
		public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
			this.retried.set(true);
		}

		void reset() {
			this.retried.set(false);
		}

		boolean retried() {
			return this.retried.get();
		}

	}

	private void poll(Random random) {
		List<RimeStressTestJob> jobs = this.startedJobs;
		if (jobs.isEmpty()) {
			this.client.listProjects();
			return;
		}
		jobs.get(random.nextInt(jobs.size())).getStatus();
	}

	private void list(Random random, int index) {
		if (index % 2 == 0) {
			this.client.listProjects();
		}
		else {
			this.client.listStressTestJobs(null, this.targets.get(random.nextInt(this.targets.size())).projectId());
		}
	}

	private void download(Random random, Path file) {
		List<RimeJobFinishedEvent> succeeded = this.events.finished()
			.stream()
			.filter((event) -> event.status() == JobStatus.SUCCEEDED)
			.toList();
		if (succeeded.isEmpty()) {
			poll(random);
			return;
		}
		RimeStressTestJob job = succeeded.get(random.nextInt(succeeded.size())).job();
		job.getResultCsv(file);
		this.downloaded.put(file, job);
	}

}
