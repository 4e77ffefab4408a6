package io.rime.autoconfigure;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

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

	private final @Nullable String property;

	/**
	 * Create an exception about the configuration as a whole.
	 * @param description what is wrong, naming the properties involved
	 * @param action how to fix it
	 */
	public InvalidRimeConfigurationException(String description, String action) {
		this(null, description, action);
	}

	/**
	 * Create an exception about one property, whose origin (such as
	 * {@code class path resource [application.properties] - 3:14}) the failure report adds.
	 * @param property the property's name, such as {@code rime.retry.timeout}, or {@code null}
	 * @param description what is wrong, naming the property and its value (never the API key's)
	 * @param action how to fix it
	 */
	public InvalidRimeConfigurationException(@Nullable String property, String description, String action) {
		super(description + " " + action);
		this.property = property;
		this.description = description;
		this.action = action;
	}

	/**
	 * Return the property whose value is wrong.
	 * @return the property's name, or {@code null} when the failure is not about one property
	 */
	public @Nullable String getProperty() {
		return this.property;
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
