package io.rime.autoconfigure.health;

import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import io.rime.health.RimeHealthIndicator;
import io.rime.health.RimeInfoContributor;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * the {@code rime} info contributor, which reports the server version from the health
 * indicator's last answer; {@code management.info.rime.enabled=false} turns it off.
 */
@AutoConfiguration(after = RimeHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
@ConditionalOnSingleCandidate(RimeHealthIndicator.class)
@ConditionalOnEnabledInfoContributor("rime")
public final class RimeInfoContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "rimeInfoContributor")
	RimeInfoContributor rimeInfoContributor(RimeHealthIndicator healthIndicator) {
		return new RimeInfoContributor(healthIndicator);
	}

}
