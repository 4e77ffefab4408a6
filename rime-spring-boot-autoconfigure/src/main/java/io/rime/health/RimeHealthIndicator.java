package io.rime.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeInfo;
import io.rime.watch.RimeWatcherClusterState;
import io.rime.watch.RimeWatcherState;

/**
 * Reports whether RIME answers, with one cheap authenticated call ({@code GET /v1/rime-info}).
 * A check never blocks longer than its timeout; its answer is reused for a time to live, and
 * concurrent checks share one call, so a burst of probes costs RIME at most one call per period.
 * Reports UP with the address, server version, plan and license dates; DOWN with the error when
 * RIME cannot be reached, answers an error or does not answer in time; OUT_OF_SERVICE once the
 * license's grace period has ended. Never reports the API key. The call goes through the client's
 * retry policy: while RIME keeps failing for longer than the timeout, a check reports the timeout.
 * <p>
 * Keep it out of the liveness group: RIME being down is no reason to restart the application.
 */
public class RimeHealthIndicator implements HealthIndicator {

	private final RimeClient client;

	private final String address;

	private final Duration timeout;

	private final long cacheTtlNanos;

	private final Clock clock;

	private final Supplier<@Nullable RimeWatcherState> watcherState;

	private final Object lock = new Object();

	private volatile ThreadFactory threadFactory = (task) -> {
		Thread thread = new Thread(task, "rime-health-check");
		thread.setDaemon(true);
		return thread;
	};

	private @Nullable Health cached;

	private long cachedAt;

	private @Nullable RimeInfo lastInfo;

	private @Nullable CompletableFuture<Health> inFlight;

	/**
	 * Create an indicator.
	 * @param client the client to check with; its address is reported
	 * @param timeout the longest time a check waits for RIME
	 * @param cacheTtl how long an answer is reused; zero to call RIME on every check
	 */
	public RimeHealthIndicator(RimeClient client, Duration timeout, Duration cacheTtl) {
		this(client, timeout, cacheTtl, Clock.systemUTC(), () -> null);
	}

	/**
	 * Create an indicator.
	 * @param client the client to check with; its address (which never holds user info) is reported
	 * @param timeout the longest time a check waits for RIME
	 * @param cacheTtl how long an answer is reused; zero to call RIME on every check
	 * @param clock the clock the license dates are compared with
	 * @param watcherState the job watcher's state, read on every check (never cached), or
	 * {@code null} when no watcher runs
	 */
	public RimeHealthIndicator(RimeClient client, Duration timeout, Duration cacheTtl, Clock clock,
			Supplier<@Nullable RimeWatcherState> watcherState) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout is " + timeout + "; expected a positive duration");
		}
		if (cacheTtl.isNegative()) {
			throw new IllegalArgumentException("cacheTtl is " + cacheTtl + "; expected zero or a positive duration");
		}
		this.client = client;
		this.address = client.address().toString();
		this.timeout = timeout;
		this.cacheTtlNanos = cacheTtl.toNanos();
		this.clock = clock;
		this.watcherState = watcherState;
	}

	@Override
	public Health health() {
		Health health = rimeHealth();
		RimeWatcherState watcher = this.watcherState.get();
		if (watcher == null) {
			return health;
		}
		Map<String, Object> watcherDetails = new LinkedHashMap<>();
		watcherDetails.put("lastSuccessfulPoll",
				(watcher.lastSuccessfulPoll() != null) ? watcher.lastSuccessfulPoll().toString() : "never");
		watcherDetails.put("consecutiveFailures", watcher.consecutiveFailures());
		watcherDetails.put("totalFailures", watcher.totalFailures());
		RimeWatcherClusterState cluster = watcher.cluster();
		if (cluster != null) {
			// Details only: readiness must not depend on which replica leads.
			Map<String, Object> clusterDetails = new LinkedHashMap<>();
			clusterDetails.put("group", cluster.group());
			clusterDetails.put("instanceId", cluster.instanceId());
			clusterDetails.put("role", cluster.role());
			clusterDetails.put("epoch", cluster.epoch());
			watcherDetails.put("cluster", clusterDetails);
		}
		return Health.status(health.getStatus()).withDetails(health.getDetails()).withDetail("watcher", watcherDetails)
			.build();
	}

	private Health rimeHealth() {
		CompletableFuture<Health> call;
		synchronized (this.lock) {
			if (this.cached != null && System.nanoTime() - this.cachedAt < this.cacheTtlNanos) {
				return this.cached;
			}
			call = this.inFlight;
			if (call == null) {
				call = CompletableFuture.supplyAsync(this::check, (task) -> this.threadFactory.newThread(task).start());
				this.inFlight = call;
			}
		}
		try {
			return call.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return withAddress(Health.down()).withDetail("error", TimeoutException.class.getName()
					+ ": RIME did not answer within " + this.timeout.toMillis() + " ms").build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return withAddress(Health.down(ex)).build();
		}
		catch (ExecutionException ex) {
			return withAddress(Health.down((ex.getCause() != null) ? ex.getCause() : ex)).build();
		}
	}

	/**
	 * Return what RIME said about itself in the last successful check, without calling it.
	 * @return the server information, or {@code null} if no check has succeeded yet
	 */
	public @Nullable RimeInfo getLastInfo() {
		synchronized (this.lock) {
			return this.lastInfo;
		}
	}

	/**
	 * Return the status of the last check, without calling RIME.
	 * @return the status, or {@code null} if RIME has not been checked yet
	 */
	public @Nullable Status getLastStatus() {
		synchronized (this.lock) {
			return (this.cached != null) ? this.cached.getStatus() : null;
		}
	}

	private Health check() {
		RimeInfo info = null;
		Health health;
		try {
			info = this.client.getRimeInfo();
			health = healthOf(info);
		}
		catch (RimeApiException ex) {
			Health.Builder down = withAddress(Health.down(ex));
			if (ex.getHttpStatus() == 401) {
				down.withDetail("action", "Check 'rime.api-key', or the key of your RimeConnectionDetails bean: RIME"
						+ " rejected it as invalid or expired.");
			}
			health = down.build();
		}
		catch (RuntimeException ex) {
			health = withAddress(Health.down(ex)).build();
		}
		synchronized (this.lock) {
			this.cached = health;
			this.cachedAt = System.nanoTime();
			this.inFlight = null;
			if (info != null) {
				this.lastInfo = info;
			}
		}
		return health;
	}

	private Health healthOf(RimeInfo info) {
		Instant gracePeriodEnd = info.gracePeriodEnd();
		boolean licenseOver = gracePeriodEnd != null && !this.clock.instant().isBefore(gracePeriodEnd);
		Health.Builder builder = withAddress(licenseOver ? Health.outOfService() : Health.up());
		if (info.version() != null) {
			builder.withDetail("version", info.version());
		}
		builder.withDetail("plan", info.plan());
		if (info.licenseExpiry() != null) {
			builder.withDetail("licenseExpiry", info.licenseExpiry().toString());
		}
		if (gracePeriodEnd != null) {
			builder.withDetail("gracePeriodEnd", gracePeriodEnd.toString());
		}
		if (licenseOver) {
			builder.withDetail("error", "The RIME license expired on " + info.licenseExpiry()
					+ " and its grace period ended on " + gracePeriodEnd);
		}
		return builder.build();
	}

	private Health.Builder withAddress(Health.Builder builder) {
		return builder.withDetail("address", this.address);
	}

	/**
	 * Check RIME on threads of this factory, such as one of virtual threads. Default: a daemon
	 * platform thread named {@code rime-health-check} per check.
	 * @param threadFactory the factory
	 */
	public void setThreadFactory(ThreadFactory threadFactory) {
		this.threadFactory = threadFactory;
	}

}
