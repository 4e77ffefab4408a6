package io.rime.emulator.internal;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.rime.emulator.Fault;
import org.jspecify.annotations.Nullable;

/**
 * Decides which faults hit a request. Deterministic for a given seed and request order.
 */
public final class FaultInjector {

	private final List<ArmedFault> faults = new CopyOnWriteArrayList<>();

	private final Random random;

	private final AtomicLong injected = new AtomicLong();

	public FaultInjector(long seed) {
		this.random = new Random(seed);
	}

	public void add(Fault fault) {
		this.faults.add(new ArmedFault(fault, new AtomicInteger(fault.times())));
	}

	public void clear() {
		this.faults.clear();
	}

	public long injected() {
		return this.injected.get();
	}

	/**
	 * Draws the faults for one request.
	 * @param method the request method
	 * @param rawPath the raw request path
	 * @param rawQuery the raw query, or {@code null} for none
	 * @return the added latency and the fault that decides the outcome, if any
	 */
	public Decision decide(String method, String rawPath, @Nullable String rawQuery) {
		Duration latency = Duration.ZERO;
		Fault outcome = null;
		for (ArmedFault armed : this.faults) {
			Fault fault = armed.fault();
			boolean isLatency = fault.kind() == Fault.Kind.LATENCY;
			if ((isLatency || outcome == null) && fault.matches(method, rawPath, rawQuery) && fires(armed)) {
				if (isLatency) {
					latency = latency.plus(fault.latency());
				}
				else {
					outcome = fault;
				}
			}
		}
		return new Decision(latency, outcome);
	}

	private boolean fires(ArmedFault armed) {
		if (armed.fault().rate() < 1) {
			synchronized (this.random) {
				if (this.random.nextDouble() >= armed.fault().rate()) {
					return false;
				}
			}
		}
		if (armed.remaining().getAndUpdate((left) -> Math.max(left - 1, 0)) <= 0) {
			return false;
		}
		this.injected.incrementAndGet();
		return true;
	}

	/**
	 * What happens to one request.
	 *
	 * @param latency the delay before handling it
	 * @param outcome the fault that replaces or spoils the response, or {@code null}
	 */
	public record Decision(Duration latency, @Nullable Fault outcome) {
	}

	private record ArmedFault(Fault fault, AtomicInteger remaining) {
	}

}
