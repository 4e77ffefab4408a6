package io.rime.emulator;

import io.rime.emulator.internal.FaultInjector;

/**
 * The faults an emulator injects, changeable while it runs.
 *
 * @see Fault
 */
public final class Faults {

	private final FaultInjector injector;

	Faults(FaultInjector injector) {
		this.injector = injector;
	}

	/**
	 * Adds a fault; it applies to the next matching request.
	 * @param fault a fault with its kind chosen
	 * @return this, to add more
	 */
	public Faults add(Fault fault) {
		if (fault.kind() == null) {
			throw new IllegalArgumentException("Fault '" + fault
					+ "' has no kind: call status(), latency(), closeConnection(), cutBody(), applyThenFail(), body()"
					+ " or stall()");
		}
		this.injector.add(fault);
		return this;
	}

	/**
	 * Removes every fault.
	 */
	public void clear() {
		this.injector.clear();
	}

	/**
	 * Returns how many faults fired since the emulator started.
	 * @return the count
	 */
	public long injected() {
		return this.injector.injected();
	}

}
