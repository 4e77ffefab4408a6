package io.rime.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.health.contributor.Status;

/**
 * The {@code rime.health} gauge: 1 while the last health check of RIME was UP, 0 after one that
 * was not, read from the {@link RimeHealthIndicator}'s last result without calling RIME (no value
 * before the first check).
 */
public class RimeHealthMetrics implements MeterBinder {

	private final RimeHealthIndicator healthIndicator;

	/**
	 * Create the metrics of an indicator.
	 * @param healthIndicator the indicator whose last result is reported
	 */
	public RimeHealthMetrics(RimeHealthIndicator healthIndicator) {
		this.healthIndicator = healthIndicator;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("rime.health", this.healthIndicator, RimeHealthMetrics::value)
			.description("Whether RIME was UP at the last health check: 1 UP, 0 otherwise; "
					+ "from the cached result, so it changes only when health is checked")
			.register(registry);
	}

	private static double value(RimeHealthIndicator indicator) {
		Status status = indicator.getLastStatus();
		if (status == null) {
			return Double.NaN;
		}
		return Status.UP.equals(status) ? 1 : 0;
	}

}
