package io.rime.watch.cluster;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rime.emulator.RecordedRequest;
import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.RimeWatcherLedger.Claim;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replicas of one service, each a full application context, against one PostgreSQL and one
 * emulator: one leader polls and publishes at a time, every job finished is announced once by the
 * cluster, whoever started it and whatever happens to the leader. Prints the timings.
 */
@Tag("slow")
class ClusterWatcherTests extends AbstractClusterTests {

	@Test
	void inSteadyStateOneLeaderPollsAndTwoHundredJobsStartedThroughAllThreeClientsAreEachAnnouncedOnce() {
		List<ClusterNode> all = startNodes("a", "b", "c");
		sampleLeaders();
		ClusterNode leader = awaitLeader();
		List<String> jobIds = startJobs(200, all);
		awaitWatchedByTheLeader(jobIds);

		// RIME sees the requests of one instance: the followers' clients call nothing.
		awaitCycles(1);
		int[] before = all.stream().mapToInt((node) -> node.rimeCalls.get()).toArray();
		int listsBefore = listRequests();
		long start = System.nanoTime();
		awaitCycles(5);
		Duration window = ClusterNode.since(start);
		double cycles = (double) window.toMillis() / 1000;
		int lists = listRequests() - listsBefore;
		java.util.Map<String, Integer> followerCalls = new java.util.TreeMap<>();
		for (int i = 0; i < all.size(); i++) {
			followerCalls.put(all.get(i).name, all.get(i).rimeCalls.get() - before[i]);
		}
		followerCalls.remove(leader.name);
		assertThat(leader.leads()).isTrue();
		assertThat(followerCalls).as("calls to RIME by the followers").hasSize(2).containsValues(0).allSatisfy(
				(name, calls) -> assertThat(calls).as(name).isZero());
		// One instance lists the project's 200 active jobs in pages of 100: 2 requests per cycle.
		double ratio = lists / cycles / 2;
		System.out.printf("[cluster] steady state: %d list requests to RIME in %.1f poll intervals with 3 replicas;"
				+ " cluster / one instance = %.2f%n", lists, cycles, ratio);
		assertThat(ratio).isLessThanOrEqualTo(1.5);

		long finishAt = System.nanoTime();
		finishAllJobs();
		awaitAllFinished(jobIds);
		System.out.printf("[cluster] steady state: 200 jobs finished, all announced %d ms after they ended%n",
				ClusterNode.since(finishAt).toMillis());
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
		assertThat(mostLeadersAtOnce()).as("leaders at once").isEqualTo(1);
		for (String jobId : jobIds) {
			long changes = this.nodes.stream().mapToLong((node) -> node.events.changes(jobId).size()).sum();
			assertThat(changes).as("status changes of %s", jobId).isLessThanOrEqualTo(2);
		}
		assertThat(leader.watcher().claimCount(Claim.FENCED)).isZero();
	}

	@Test
	void whenTheLeaderCrashesTheNextOneAnnouncesEachOfFiftyJobsThatEndedInTheGapOnce() {
		List<ClusterNode> all = startNodes("a", "b", "c");
		ClusterNode leader = awaitLeader();
		List<ClusterNode> followers = all.stream().filter((node) -> node != leader).toList();
		List<String> jobIds = startJobs(50, all);
		awaitWatchedByTheLeader(jobIds);
		awaitCycles(1);

		long crash = System.nanoTime();
		leader.crash();
		finishAllJobs();
		awaitAllFinished(jobIds);
		Duration failover = ClusterNode.since(crash);
		ClusterNode next = awaitLeader();
		assertThat(next).isIn(followers);
		System.out.printf("[cluster] crash of the leader: the 50 jobs that ended in the gap were announced by %s %d ms"
				+ " after the crash (poll interval 1 s, lock TTL 1 s)%n", next, failover.toMillis());
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
		assertThat(leader.events.finished()).isEmpty();
		assertThat(finishedByJob().values().stream().flatMap(List::stream).filter(RimeJobFinishedEvent::redelivered))
			.isEmpty();
	}

	@Test
	void whenTheLeaderStopsGracefullyAnotherTakesOverWithinAboutOneAcquireInterval() {
		List<ClusterNode> all = startNodes("a", "b", "c");
		ClusterNode leader = awaitLeader();
		List<String> jobIds = startJobs(20, all);
		awaitWatchedByTheLeader(jobIds);

		long stop = System.nanoTime();
		leader.stop();
		ClusterNode next = awaitLeader();
		Duration handover = ClusterNode.since(stop);
		System.out.printf("[cluster] graceful stop of the leader: %s led %d ms after the stop began%n", next,
				handover.toMillis());
		finishAllJobs();
		awaitAllFinished(jobIds);
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
		assertThat(leader.events.finished()).isEmpty();
	}

	@Test
	void afterAFullRestartOfAllThreeTheJobsThatEndedWhileAllWereDownAreAnnouncedOnce() {
		List<ClusterNode> first = startNodes("a", "b", "c");
		awaitLeader();
		List<String> jobIds = startJobs(30, first);
		awaitWatchedByTheLeader(jobIds);
		first.forEach(ClusterNode::stop);

		finishAllJobs();
		long restart = System.nanoTime();
		startNodes("a2", "b2", "c2");
		awaitAllFinished(jobIds);
		System.out.printf("[cluster] full restart: the 30 jobs that ended while all were down were announced %d ms"
				+ " after the restart began%n", ClusterNode.since(restart).toMillis());
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
		first.forEach((node) -> assertThat(node.events.finished()).isEmpty());
	}

	@Test
	void aSingleReplicaThatWasDownWhileItsJobsFinishedAnnouncesThemOnceWhenItStartsAgain() {
		ClusterNode alone = node("alone").start();
		awaitLeader();
		List<String> jobIds = startJobs(10, List.of(alone));
		awaitWatchedByTheLeader(jobIds);
		alone.stop();

		finishAllJobs();
		long restart = System.nanoTime();
		ClusterNode again = node("again").start();
		awaitAllFinished(jobIds);
		System.out.printf("[cluster] restart of a cluster of one: the 10 jobs that ended while it was down were"
				+ " announced %d ms after it started again%n", ClusterNode.since(restart).toMillis());
		awaitCycles(2);
		assertEachAnnouncedOnce(jobIds);
		assertThat(again.events.finished()).hasSize(10);
	}

	private int listRequests() {
		return (int) this.emulator.requests()
			.stream()
			.map(RecordedRequest::target)
			.filter((target) -> target.startsWith("/v1/jobs/project/"))
			.count();
	}

}
