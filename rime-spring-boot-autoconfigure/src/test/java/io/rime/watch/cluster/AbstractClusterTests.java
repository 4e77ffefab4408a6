package io.rime.watch.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.rime.client.RimeStressTestJob;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.WatcherTestSupport;

import static io.rime.watch.WatcherTestSupport.PENDING;
import static io.rime.watch.WatcherTestSupport.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas of one service against one PostgreSQL and one emulator whose jobs move only when the
 * test moves its clock: poll every second, lock TTL one second. Each test has its own group, so
 * that the shared database keeps the tests apart.
 */
abstract class AbstractClusterTests {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));

	final String group = "cluster-" + UUID.randomUUID().toString().substring(0, 8);

	// Read by the leader sampler while tests add and stop nodes.
	final List<ClusterNode> nodes = new CopyOnWriteArrayList<>();

	RimeEmulator emulator;

	Map<String, Object> config;

	private final AtomicInteger mostLeadersAtOnce = new AtomicInteger();

	private @Nullable ScheduledExecutorService sampler;

	@BeforeEach
	void startEmulator() {
		this.emulator = WatcherTestSupport.emulator(this.clock);
		this.config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
	}

	@AfterEach
	void stopEverything() throws InterruptedException {
		if (this.sampler != null) {
			this.sampler.shutdownNow();
			assertThat(this.sampler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		this.nodes.forEach(ClusterNode::close);
		this.emulator.close();
	}

	ClusterNode node(String name, String... more) {
		ClusterNode node = new ClusterNode(name, this.emulator, this.group, more);
		this.nodes.add(node);
		return node;
	}

	List<ClusterNode> startNodes(String... names) {
		List<ClusterNode> started = new ArrayList<>();
		for (String name : names) {
			started.add(node(name).start());
		}
		return started;
	}

	ClusterNode awaitLeader() {
		Awaitility.await().atMost(TIMEOUT).until(() -> leaders().size() == 1);
		return leaders().get(0);
	}

	List<ClusterNode> leaders() {
		return this.nodes.stream().filter(ClusterNode::leads).toList();
	}

	/** Samples, every 10 ms, how many nodes believe they lead. */
	void sampleLeaders() {
		this.sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "leader-sampler");
			thread.setDaemon(true);
			return thread;
		});
		this.sampler.scheduleAtFixedRate(() -> {
			int leading = (int) this.nodes.stream().filter((node) -> {
				try {
					return node.leads();
				}
				catch (RuntimeException ex) {
					return false;
				}
			}).count();
			this.mostLeadersAtOnce.accumulateAndGet(leading, Math::max);
		}, 0, 10, TimeUnit.MILLISECONDS);
	}

	int mostLeadersAtOnce() {
		return this.mostLeadersAtOnce.get();
	}

	/** Starts jobs round-robin through the given nodes' clients. */
	List<String> startJobs(int count, List<ClusterNode> through) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			RimeStressTestJob job = through.get(i % through.size()).client().startStressTest(this.config);
			ids.add(job.jobId());
		}
		return ids;
	}

	void awaitWatchedByTheLeader(List<String> jobIds) {
		Awaitility.await().atMost(TIMEOUT).until(() -> {
			List<ClusterNode> leaders = leaders();
			return leaders.size() == 1 && leaders.get(0).watcher().watchedJobs().stream()
				.map((job) -> job.jobId())
				.toList()
				.containsAll(jobIds);
		});
	}

	/** Moves the emulator's clock so that every started job has succeeded. */
	void finishAllJobs() {
		this.clock.advance(PENDING.plus(RUNNING).plusSeconds(1));
	}

	/** Every finished event of every node, by job id. */
	Map<String, List<RimeJobFinishedEvent>> finishedByJob() {
		Map<String, List<RimeJobFinishedEvent>> byJob = new HashMap<>();
		for (ClusterNode node : this.nodes) {
			for (RimeJobFinishedEvent event : node.events.finished()) {
				byJob.computeIfAbsent(event.jobId(), (id) -> new ArrayList<>()).add(event);
			}
		}
		return byJob;
	}

	void awaitAllFinished(List<String> jobIds) {
		Awaitility.await().atMost(TIMEOUT).until(() -> finishedByJob().keySet().containsAll(jobIds));
	}

	/** Each job announced exactly once in the whole cluster: 0 duplicates, 0 lost. */
	void assertEachAnnouncedOnce(List<String> jobIds) {
		Map<String, List<RimeJobFinishedEvent>> byJob = finishedByJob();
		List<String> lost = jobIds.stream().filter((id) -> !byJob.containsKey(id)).toList();
		List<String> duplicated = jobIds.stream()
			.filter((id) -> byJob.containsKey(id) && byJob.get(id).size() > 1)
			.toList();
		System.out.printf("[cluster] %s: %d jobs, %d announced, %d duplicates, %d lost%n", getClass().getSimpleName(),
				jobIds.size(), jobIds.size() - lost.size(), duplicated.size(), lost.size());
		assertThat(lost).as("lost announcements").isEmpty();
		assertThat(duplicated).as("duplicate announcements").isEmpty();
	}

	/** Waits for a few more cycles of whoever leads, so that a late duplicate would show. */
	void awaitCycles(int cycles) {
		ClusterNode leader = awaitLeader();
		Instant after = Instant.now();
		Awaitility.await().atMost(TIMEOUT).until(() -> {
			Instant last = leader.watcher().state().lastSuccessfulPoll();
			return last != null && last.isAfter(after.plusSeconds(cycles - 1));
		});
	}

}
