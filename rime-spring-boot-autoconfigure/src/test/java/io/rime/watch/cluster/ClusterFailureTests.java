package io.rime.watch.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import io.rime.watch.RimeJobFinishedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures of a cluster of three replicas, each cutting one front or more: a zombie leader, a
 * leader cut from RIME only, the database down for everyone, a listener blocked when its leader
 * dies, a leader fenced by a newer grant, and leadership flapping over a slow database. In each,
 * every job is announced once by the cluster (a flagged redelivery where a delivery was in
 * doubt). Prints the timings.
 */
@Tag("slow")
@ExtendWith(OutputCaptureExtension.class)
class ClusterFailureTests extends AbstractClusterTests {

	private static final Duration TTL = Duration.ofSeconds(1);

	@Test
	void aZombieLeaderCutFromTheDatabaseForThreeTtlsStopsPublishingAndAnotherAnnouncesEachJobOnce() {
		List<ClusterNode> all = startNodes("a", "b", "c");
		sampleLeaders();
		ClusterNode zombie = awaitLeader();
		List<String> jobIds = startJobs(20, all);
		awaitWatchedByTheLeader(jobIds);

		long cut = System.nanoTime();
		zombie.database.down();
		Awaitility.await().atMost(TIMEOUT).until(() -> !zombie.leads());
		Duration gateClosed = ClusterNode.since(cut);
		finishAllJobs();
		awaitAllFinished(jobIds);
		ClusterNode next = awaitLeader();
		Duration announced = ClusterNode.since(cut);
		Awaitility.await().pollDelay(TTL.multipliedBy(3).minus(announced).isNegative() ? Duration.ZERO
				: TTL.multipliedBy(3).minus(announced)).until(() -> true);
		zombie.database.up();
		awaitCycles(3);
		System.out.printf("[cluster] zombie leader: its gate closed %d ms after its database was cut (lease: TTL 1 s"
				+ " - margin 0.2 s); %s announced the 20 jobs %d ms after the cut%n", gateClosed.toMillis(), next,
				announced.toMillis());
		assertThat(next).isNotSameAs(zombie);
		assertThat(zombie.events.finished()).isEmpty();
		assertEachAnnouncedOnce(jobIds);
		assertThat(mostLeadersAtOnce()).as("leaders at once").isEqualTo(1);
	}

	@Test
	void aLeaderWhoseEpochAnotherGrantSupersededIsFencedLogsOneWarnAndPublishesNothing(CapturedOutput output) {
		List<ClusterNode> all = startNodes("a", "b", "c");
		ClusterNode leader = awaitLeader();
		long epoch = leader.cluster().epoch();
		List<String> jobIds = startJobs(10, all);
		awaitWatchedByTheLeader(jobIds);

		// What a leader with a skewed clock would do: a grant while this one still holds its lease.
		new JdbcTemplate(ClusterDatabases.postgres().getPostgresDatabase()).update(
				"UPDATE RIME_WATCHER_LEADER SET EPOCH = EPOCH + 1, OWNER_ID = 'skewed' WHERE GROUP_ID = ?", this.group);
		Awaitility.await().atMost(TIMEOUT).until(() -> output.getOut().contains("epoch " + epoch + "); this instance"
				+ " stops polling and publishing"));
		finishAllJobs();
		awaitAllFinished(jobIds);
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
		assertThat(output.getOut().split("epoch " + epoch + "\\); this instance stops", -1)).hasSize(2);
		assertThat(leaders().get(0).cluster().epoch()).isGreaterThan(epoch + 1);
	}

	@Test
	void aLeaderCutFromRimeOnlyAnnouncesNothingMeanwhileAndEveryJobOnceWhenRimeIsBack() {
		List<ClusterNode> all = startNodes("a", "b", "c");
		ClusterNode leader = awaitLeader();
		List<String> jobIds = startJobs(20, all);
		awaitWatchedByTheLeader(jobIds);

		leader.rime.down();
		finishAllJobs();
		Awaitility.await().atMost(TIMEOUT).until(() -> leader.watcher().state().consecutiveFailures() >= 3);
		assertThat(finishedByJob()).isEmpty();
		long back = System.nanoTime();
		leader.rime.up();
		awaitAllFinished(jobIds);
		System.out.printf("[cluster] leader cut from RIME: it kept the lead, announced nothing for 3 failed cycles and"
				+ " all 20 jobs %d ms after RIME was back%n", ClusterNode.since(back).toMillis());
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
	}

	@Test
	void withTheDatabaseDownForEveryoneForFiveTtlsNoEventIsPublishedAndAfterwardsEachJobOnce() {
		List<ClusterNode> all = startNodes("a", "b", "c");
		awaitLeader();
		List<String> jobIds = new ArrayList<>(startJobs(20, all));
		awaitWatchedByTheLeader(jobIds);

		long down = System.nanoTime();
		all.forEach((node) -> node.database.down());
		Awaitility.await().atMost(TIMEOUT).until(() -> leaders().isEmpty());
		// Started during the outage: registered once the database is back.
		jobIds.addAll(startJobs(6, all));
		finishAllJobs();
		Awaitility.await().pollDelay(TTL.multipliedBy(5)).until(() -> true);
		assertThat(finishedByJob()).as("events while the database is down").isEmpty();
		long up = System.nanoTime();
		all.forEach((node) -> node.database.up());
		awaitAllFinished(jobIds.subList(0, 20));
		System.out.printf("[cluster] database down for everyone for %d ms: no event meanwhile; the 20 jobs that ended"
				+ " were announced %d ms after it was back%n", Duration.ofNanos(up - down).toMillis(),
				ClusterNode.since(up).toMillis());
		// The jobs started during the outage are adopted, read and announced too.
		awaitAllFinished(jobIds);
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
	}

	@Test
	void aListenerBlockedWhenItsLeaderDiesHasItsJobRedeliveredOnceFlaggedByTheNextLeader() throws Exception {
		List<ClusterNode> all = startNodes("a", "b", "c");
		ClusterNode leader = awaitLeader();
		List<String> jobIds = startJobs(10, all);
		awaitWatchedByTheLeader(jobIds);
		String blocked = jobIds.get(0);
		leader.blocker.blockOn(blocked);

		finishAllJobs();
		assertThat(leader.blocker.entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		long crash = System.nanoTime();
		leader.crash();
		awaitAllFinished(jobIds);
		Awaitility.await()
			.atMost(TIMEOUT)
			.until(() -> finishedByJob().get(blocked).stream().anyMatch(RimeJobFinishedEvent::redelivered));
		System.out.printf("[cluster] listener blocked when the leader died: redelivered %d ms after the crash%n",
				ClusterNode.since(crash).toMillis());
		awaitCycles(2);
		List<RimeJobFinishedEvent> deliveries = finishedByJob().get(blocked);
		assertThat(deliveries).hasSize(2);
		assertThat(deliveries.get(0).redelivered()).isFalse();
		assertThat(leader.events.finished(blocked)).hasSize(1);
		assertThat(deliveries).filteredOn(RimeJobFinishedEvent::redelivered).hasSize(1);
		assertEachAnnouncedOnce(jobIds.subList(1, jobIds.size()));
		long redeliveries = this.nodes.stream().mapToLong((node) -> node.watcher().redeliveryCount()).sum();
		assertThat(redeliveries).isEqualTo(1);
	}

	@Test
	void withInDoubtDropAJobWhoseListenerWasBlockedWhenItsLeaderDiedIsNotAnnouncedAgain() throws Exception {
		List<ClusterNode> all = new ArrayList<>();
		for (String name : List.of("a", "b", "c")) {
			all.add(node(name, "rime.watcher.cluster.in-doubt=drop").start());
		}
		ClusterNode leader = awaitLeader();
		List<String> jobIds = startJobs(10, all);
		awaitWatchedByTheLeader(jobIds);
		String blocked = jobIds.get(0);
		leader.blocker.blockOn(blocked);

		finishAllJobs();
		assertThat(leader.blocker.entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		leader.crash();
		awaitAllFinished(jobIds);
		Instant after = Instant.now().plus(TTL.multipliedBy(3));
		Awaitility.await().atMost(TIMEOUT).until(() -> Instant.now().isAfter(after));
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
		assertThat(finishedByJob().get(blocked)).extracting(RimeJobFinishedEvent::redelivered).containsExactly(false);
	}

	@Test
	void leadershipFlappingOverASlowDatabaseNeitherDuplicatesNorLosesAnAnnouncement() {
		List<ClusterNode> all = startNodes("a", "b", "c");
		awaitLeader();
		List<String> jobIds = startJobs(40, all);
		awaitWatchedByTheLeader(jobIds);
		long grantsBefore = grants();

		all.forEach((node) -> node.database.latency(Duration.ofMillis(150)));
		Instant flapping = Instant.now().plusSeconds(8);
		this.clock.advance(io.rime.watch.WatcherTestSupport.PENDING);
		Awaitility.await().atMost(TIMEOUT).until(() -> Instant.now().isAfter(flapping));
		finishAllJobs();
		Instant more = Instant.now().plusSeconds(4);
		Awaitility.await().atMost(TIMEOUT).until(() -> Instant.now().isAfter(more));
		all.forEach((node) -> node.database.latency(Duration.ZERO));
		awaitAllFinished(jobIds);
		awaitCycles(2);
		System.out.printf("[cluster] flapping: %d grants in 12 s of 150 ms database latency per chunk (TTL 1 s,"
				+ " heartbeat 200 ms)%n", grants() - grantsBefore);
		assertEachAnnouncedOnce(jobIds);
	}

	private long grants() {
		return this.nodes.stream().filter(ClusterNode::running).mapToLong((node) -> node.cluster().grants()).sum();
	}

}
