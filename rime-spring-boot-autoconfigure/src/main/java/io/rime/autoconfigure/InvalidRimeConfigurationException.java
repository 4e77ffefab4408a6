package io.rime.autoconfigure;

import java.io.Serial;

/**
 * Thrown at startup when the RIME configuration cannot work; reported by
 * {@link RimeConfigurationFailureAnalyzer} as a description and an action. Messages never
 * contain the API key.
 */
public class InvalidRimeConfigurationException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String description;

	private final String action;

	/**
	 * Create an exception.
	 * @param description what is wrong, naming the property and its value
	 * @param action how to fix it
	 */
	public InvalidRimeConfigurationException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	/**
	 * Return what is wrong, naming the property and its value.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Return how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
