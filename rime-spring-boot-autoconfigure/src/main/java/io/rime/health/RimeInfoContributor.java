package io.rime.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import io.rime.client.RimeInfo;

/**
 * Adds the RIME server version under {@code rime} in {@code /actuator/info}, from the last
 * answer of the {@link RimeHealthIndicator}: it never calls RIME itself, so it adds nothing
 * before the first successful health check.
 */
public class RimeInfoContributor implements InfoContributor {

	private final RimeHealthIndicator healthIndicator;

	/**
	 * Create a contributor.
	 * @param healthIndicator the indicator whose last answer is reported
	 */
	public RimeInfoContributor(RimeHealthIndicator healthIndicator) {
		this.healthIndicator = healthIndicator;
	}

	@Override
	public void contribute(Info.Builder builder) {
		RimeInfo info = this.healthIndicator.getLastInfo();
		if (info == null) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		if (info.version() != null) {
			details.put("version", info.version());
		}
		if (info.buildVersion() != null) {
			details.put("buildVersion", info.buildVersion());
		}
		if (!details.isEmpty()) {
			builder.withDetail("rime", details);
		}
	}

}
