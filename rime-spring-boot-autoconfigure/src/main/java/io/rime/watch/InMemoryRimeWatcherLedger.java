package io.rime.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger of a single instance: announced job ids in memory, bounded, so that a start that
 * returns after its job ended (a retried start whose first attempt created the job) does not have
 * it watched and announced again. Nothing is fenced: one instance is always the leader.
 */
final class InMemoryRimeWatcherLedger implements RimeWatcherLedger {

	private static final int ANNOUNCED_JOB_IDS_KEPT = 10_000;

	private final Set<String> announced = Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > ANNOUNCED_JOB_IDS_KEPT;
		}

	});

	private final Map<String, LedgerJob> registered = new LinkedHashMap<>();

	@Override
	public List<LedgerJob> takeOver(long epoch) {
		return List.of();
	}

	@Override
	public synchronized void register(Collection<LedgerJob> registrations) {
		for (LedgerJob job : registrations) {
			this.registered.putIfAbsent(job.jobId(), job);
		}
	}

	@Override
	public synchronized List<LedgerJob> adopt(long epoch) {
		List<LedgerJob> adopted = new ArrayList<>(this.registered.size());
		for (LedgerJob job : this.registered.values()) {
			if (!this.announced.contains(job.jobId())) {
				adopted.add(job);
			}
		}
		this.registered.clear();
		return adopted;
	}

	@Override
	public Set<String> record(long epoch, Collection<StatusChange> changes) {
		Set<String> applied = new HashSet<>();
		for (StatusChange change : changes) {
			applied.add(change.jobId());
		}
		return applied;
	}

	@Override
	public synchronized Claim claim(long epoch, LedgerJob job) {
		return this.announced.add(job.jobId()) ? Claim.WON : Claim.TAKEN;
	}

	@Override
	public void confirm(long epoch, String jobId) {
	}

	@Override
	public List<LedgerJob> takeInDoubt(long epoch) {
		return List.of();
	}

	@Override
	public int purge() {
		return 0;
	}

}
