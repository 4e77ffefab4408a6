package io.rime.autoconfigure.emulator;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code rime.address} is not set.
 */
class NoRimeAddressCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (context.getEnvironment().containsProperty("rime.address")) {
			return ConditionOutcome.noMatch("rime.address is set");
		}
		return ConditionOutcome.match("rime.address is not set");
	}

}
