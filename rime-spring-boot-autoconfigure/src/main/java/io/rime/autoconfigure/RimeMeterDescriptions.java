package io.rime.autoconfigure;

import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Describes the meters that Micrometer derives from RIME's observations, which carry no
 * description of their own; meters that have one keep it.
 */
final class RimeMeterDescriptions implements MeterFilter {

	private static final Map<String, String> DESCRIPTIONS = Map.of(
			"rime.client.operation", "RIME SDK operations, retries included, by operation and outcome",
			"rime.client.operation.active", "RIME SDK operations in progress",
			"rime.watcher.poll", "Poll cycles of the RIME job watcher, by outcome",
			"rime.watcher.poll.active", "Poll cycles of the RIME job watcher in progress");

	@Override
	public Meter.Id map(Meter.Id id) {
		String description = DESCRIPTIONS.get(id.getName());
		if (description == null || id.getDescription() != null) {
			return id;
		}
		return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description,
				id.getType());
	}

}
