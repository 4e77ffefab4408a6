package io.rime.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidRimeConfigurationException} into Boot's "APPLICATION FAILED TO START"
 * report.
 */
class RimeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRimeConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRimeConfigurationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
