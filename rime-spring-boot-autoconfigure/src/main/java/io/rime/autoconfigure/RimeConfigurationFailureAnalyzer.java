package io.rime.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;

/**
 * Turns an {@link InvalidRimeConfigurationException} into Boot's "APPLICATION FAILED TO START"
 * report, naming where the property was set (such as
 * {@code class path resource [application.properties] - 3:14}) when Boot knows it.
 * <p>
 * Boot's own {@code InvalidConfigurationPropertyValueException} is not used: its report shows the
 * value from every property source that sets the property, which for {@code rime.api-key} would be
 * the key, and replaces each check's action with a generic one. The origin is found the way Boot's
 * analyzer finds it, through the environment's configuration property sources; an origin names a
 * resource and a position, an environment variable or a property source, never the value.
 */
class RimeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRimeConfigurationException> {

	private final @Nullable Environment environment;

	RimeConfigurationFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRimeConfigurationException cause) {
		Origin origin = origin(cause.getProperty());
		String description = cause.getDescription();
		if (origin != null) {
			String quoted = "'" + cause.getProperty() + "'";
			int at = description.indexOf(quoted);
			String from = " (originating from '" + origin + "')";
			description = (at >= 0) ? description.substring(0, at + quoted.length()) + from
					+ description.substring(at + quoted.length()) : description + from;
		}
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

	private @Nullable Origin origin(@Nullable String property) {
		if (property == null || this.environment == null) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (name == null) {
			return null;
		}
		Origin origin = origin(name);
		// An element of a list given as one comma-separated value has no origin of its own.
		return (origin == null && name.isLastElementIndexed()) ? origin(name.getParent()) : origin;
	}

	private @Nullable Origin origin(ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				// Like Boot's analyzer: a source that does not track origins gives none, not its own name.
				Origin origin = property.getOrigin();
				return (origin instanceof PropertySourceOrigin wrapper) ? wrapper.getOrigin() : origin;
			}
		}
		return null;
	}

}
