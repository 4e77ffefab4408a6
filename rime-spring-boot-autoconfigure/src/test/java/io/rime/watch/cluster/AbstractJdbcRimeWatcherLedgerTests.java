package io.rime.watch.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.rime.client.JobStatus;
import io.rime.watch.RimeWatcherFencedException;
import io.rime.watch.RimeWatcherLedger.Claim;
import io.rime.watch.RimeWatcherLedger.LedgerJob;
import io.rime.watch.RimeWatcherLedger.StatusChange;
import io.rime.watch.cluster.JdbcRimeWatcherLedger.InDoubt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of the JDBC ledger, run on each database: registration is idempotent, a claim is
 * won once whatever the races, a stale epoch is fenced, and only the claimer confirms.
 */
abstract class AbstractJdbcRimeWatcherLedgerTests {

	// Each test has a group of its own: the databases are shared.
	private final String group = "group-" + UUID.randomUUID();

	abstract DataSource dataSource();

	JdbcRimeWatcherLedger ledger(String instanceId, InDoubt inDoubt, Duration inDoubtAfter) {
		return new JdbcRimeWatcherLedger(dataSource(), "RIME_", this.group, instanceId, inDoubt, inDoubtAfter,
				Duration.ofDays(3), Clock.systemUTC());
	}

	JdbcRimeWatcherLedger ledger(String instanceId) {
		return ledger(instanceId, InDoubt.REDELIVER, Duration.ZERO);
	}

	@Test
	void registeringAJobTwiceFromTwoInstancesHasItAdoptedOnce() {
		JdbcRimeWatcherLedger leader = ledger("a");
		JdbcRimeWatcherLedger follower = ledger("b");
		long epoch = leader.grant();
		LedgerJob job = new LedgerJob("job-1", "project", JobStatus.PENDING);
		follower.register(List.of(job));
		follower.register(List.of(job));
		leader.register(List.of(job));

		assertThat(leader.adopt(epoch)).containsExactly(job);
		assertThat(leader.adopt(epoch)).isEmpty();
		follower.register(List.of(job));
		assertThat(leader.adopt(epoch)).isEmpty();
		assertThat(leader.takeOver(epoch)).containsExactly(job);
	}

	@Test
	void aJobRegisteredAfterItWasAnnouncedIsNotWatchedAgain() {
		JdbcRimeWatcherLedger ledger = ledger("a");
		long epoch = ledger.grant();
		LedgerJob job = new LedgerJob("job-1", "project", JobStatus.SUCCEEDED);
		assertThat(ledger.claim(epoch, job)).isEqualTo(Claim.WON);
		ledger.confirm(epoch, "job-1");

		ledger.register(List.of(new LedgerJob("job-1", "project", JobStatus.PENDING)));
		assertThat(ledger.adopt(epoch)).isEmpty();
		assertThat(ledger.takeOver(epoch)).isEmpty();
		assertThat(ledger.claim(epoch, job)).isEqualTo(Claim.TAKEN);
	}

	@Test
	void fourThreadsRacingAThousandClaimsWinExactlyAThousand() throws Exception {
		List<JdbcRimeWatcherLedger> ledgers = List.of(ledger("a"), ledger("b"), ledger("c"), ledger("d"));
		long epoch = ledgers.get(0).grant();
		List<String> jobIds = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			jobIds.add("job-" + i);
		}
		// Half the jobs are watched rows, half are claimed without one.
		ledgers.get(0).record(epoch, jobIds.subList(0, 500)
			.stream()
			.map((id) -> new StatusChange(id, "project", null, JobStatus.RUNNING))
			.toList());
		Map<String, String> winners = new ConcurrentHashMap<>();
		AtomicLong taken = new AtomicLong();
		long start = System.nanoTime();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> racers = new ArrayList<>();
			for (JdbcRimeWatcherLedger ledger : ledgers) {
				List<String> order = new ArrayList<>(jobIds);
				Collections.shuffle(order);
				racers.add(threads.submit(() -> {
					for (String id : order) {
						Claim claim = ledger.claim(epoch, new LedgerJob(id, "project", JobStatus.SUCCEEDED));
						if (claim == Claim.WON) {
							assertThat(winners.put(id, ledger.toString())).isNull();
						}
						else {
							assertThat(claim).isEqualTo(Claim.TAKEN);
							taken.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> racer : racers) {
				racer.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		System.out.printf("[cluster] %s: 4 threads, 4,000 claims of 1,000 jobs in %d ms%n", getClass().getSimpleName(),
				(System.nanoTime() - start) / 1_000_000);
		assertThat(winners).hasSize(1000);
		assertThat(taken).hasValue(3000);
	}

	@Test
	void theWritesOfALeaderWhoseEpochWasSupersededAreFenced() {
		JdbcRimeWatcherLedger old = ledger("a");
		JdbcRimeWatcherLedger current = ledger("b");
		long stale = old.grant();
		long epoch = current.grant();
		assertThat(epoch).isGreaterThan(stale);
		LedgerJob job = new LedgerJob("job-1", "project", JobStatus.SUCCEEDED);

		assertThat(old.claim(stale, job)).isEqualTo(Claim.FENCED);
		assertThatExceptionOfType(RimeWatcherFencedException.class)
			.isThrownBy(() -> old.record(stale, List.of(new StatusChange("job-2", "project", null, JobStatus.PENDING))));
		assertThatExceptionOfType(RimeWatcherFencedException.class).isThrownBy(() -> old.adopt(stale));
		assertThatExceptionOfType(RimeWatcherFencedException.class).isThrownBy(() -> old.takeOver(stale));
		assertThatExceptionOfType(RimeWatcherFencedException.class).isThrownBy(() -> old.takeInDoubt(stale));
		assertThat(current.claim(epoch, job)).isEqualTo(Claim.WON);
		assertThat(current.takeOver(epoch)).isEmpty();
	}

	@Test
	void aStatusChangeAppliesOnlyFromTheRecordedStatus() {
		JdbcRimeWatcherLedger ledger = ledger("a");
		long epoch = ledger.grant();
		assertThat(ledger.record(epoch, List.of(new StatusChange("job-1", "project", null, JobStatus.PENDING))))
			.containsExactly("job-1");
		StatusChange running = new StatusChange("job-1", "project", JobStatus.PENDING, JobStatus.RUNNING);
		assertThat(ledger.record(epoch, List.of(running))).containsExactly("job-1");
		assertThat(ledger.record(epoch, List.of(running))).isEmpty();
		assertThat(ledger.takeOver(epoch)).containsExactly(new LedgerJob("job-1", "project", JobStatus.RUNNING));
	}

	@Test
	void onlyTheClaimerConfirmsAndAnUnconfirmedClaimIsRedeliveredByTheNextLeader() {
		JdbcRimeWatcherLedger claimer = ledger("a");
		JdbcRimeWatcherLedger other = ledger("b");
		long first = claimer.grant();
		LedgerJob confirmed = new LedgerJob("confirmed", "project", JobStatus.SUCCEEDED);
		LedgerJob lost = new LedgerJob("lost", "project", JobStatus.FAILING);
		assertThat(claimer.claim(first, confirmed)).isEqualTo(Claim.WON);
		assertThat(claimer.claim(first, lost)).isEqualTo(Claim.WON);
		claimer.confirm(first, "confirmed");
		other.confirm(first, "lost");

		long second = other.grant();
		assertThat(other.takeInDoubt(second)).containsExactly(lost);
		assertThat(other.takeInDoubt(second)).isEmpty();
		// The first claimer's late confirm no longer counts: the claim is the new leader's now.
		claimer.confirm(first, "lost");
		long third = claimer.grant();
		assertThat(claimer.takeInDoubt(third)).containsExactly(lost);
	}

	@Test
	void withDropAnUnconfirmedClaimIsNotAnnouncedAgain() {
		JdbcRimeWatcherLedger claimer = ledger("a", InDoubt.DROP, Duration.ZERO);
		JdbcRimeWatcherLedger next = ledger("b", InDoubt.DROP, Duration.ZERO);
		long first = claimer.grant();
		LedgerJob lost = new LedgerJob("lost", "project", JobStatus.FAILING);
		assertThat(claimer.claim(first, lost)).isEqualTo(Claim.WON);
		long second = next.grant();
		assertThat(next.takeInDoubt(second)).isEmpty();
		assertThat(next.claim(second, lost)).isEqualTo(Claim.TAKEN);
	}

	@Test
	void aClaimYoungerThanTheInDoubtDelayIsLeftToItsClaimer() {
		JdbcRimeWatcherLedger claimer = ledger("a", InDoubt.REDELIVER, Duration.ofMinutes(1));
		JdbcRimeWatcherLedger next = ledger("b", InDoubt.REDELIVER, Duration.ofMinutes(1));
		long first = claimer.grant();
		assertThat(claimer.claim(first, new LedgerJob("slow", "project", JobStatus.SUCCEEDED))).isEqualTo(Claim.WON);
		long second = next.grant();
		assertThat(next.takeInDoubt(second)).isEmpty();
		claimer.confirm(first, "slow");
		assertThat(next.claim(second, new LedgerJob("slow", "project", JobStatus.SUCCEEDED))).isEqualTo(Claim.TAKEN);
	}

}
