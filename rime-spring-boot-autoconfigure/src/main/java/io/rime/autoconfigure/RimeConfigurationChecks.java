package io.rime.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import io.rime.client.internal.Addresses;
import io.rime.client.internal.Durations;

/**
 * The starter's one place for checking {@code rime.*} properties at startup, used by each of its
 * configurations. Each failure names the property, its value as Spring Boot writes it (never the
 * API key's) and the fix, in one style: {@code Invalid value 'x' for property 'rime.y': expected z.}
 */
public final class RimeConfigurationChecks {

	static final String ADDRESS_ACTION = "Set 'rime.address' to a host such as rime.example.com (https is assumed),"
			+ " host:port, or an http or https URL such as https://rime.example.com, without user info, query or"
			+ " fragment.";

	private static final String API_KEY = "rime.api-key";

	private RimeConfigurationChecks() {
	}

	static InvalidRimeConfigurationException missingAddress(EmulatorState emulator) {
		String reason = switch (emulator) {
			case ABSENT -> "io.rime:rime-emulator is not on the class path to start an embedded emulator";
			case DISABLED -> "the embedded emulator is turned off by 'rime.emulator.enabled=false'";
			case NOT_CONFIGURED -> "the embedded emulator was not started (is RimeEmulatorAutoConfiguration excluded?)";
		};
		String emulatorAction = switch (emulator) {
			case ABSENT -> "Add io.rime:rime-emulator to the class path to run against a local emulator.";
			case DISABLED -> "Remove 'rime.emulator.enabled=false' to run against the embedded emulator.";
			case NOT_CONFIGURED -> "Include RimeEmulatorAutoConfiguration to run against the embedded emulator.";
		};
		return new InvalidRimeConfigurationException(
				"No RIME address is configured: 'rime.address' is not set and " + reason + ".",
				"Consider the following:\n"
						+ "\tSet 'rime.address' to the URL of your RIME server, such as https://rime.example.com.\n"
						+ "\t" + emulatorAction + "\n"
						+ "\tSet 'rime.enabled' to false if this application does not use RIME.");
	}

	/**
	 * Why the embedded emulator does not supply the address.
	 */
	enum EmulatorState {

		/** rime-emulator is not on the class path. */
		ABSENT,

		/** {@code rime.emulator.enabled=false}. */
		DISABLED,

		/** On the class path and enabled, yet not configured. */
		NOT_CONFIGURED

	}

	static URI address(String value) {
		try {
			return Addresses.parse(value);
		}
		catch (Addresses.InvalidAddressException ex) {
			throw switch (ex.problem()) {
				case NULL, BLANK -> invalidAddress(value, "it is blank");
				case NOT_A_URL -> invalidAddress(value, "it is not a valid URL (" + ex.detail() + ")");
				case USER_INFO -> invalidAddress(maskedUserInfo(value),
						"it contains user info (credentials); give the API key through 'rime.api-key' instead");
				case RELATIVE, SCHEME -> invalidAddress(value, "it is not an http or https URL");
				case NO_HOST -> invalidAddress(value, "it has no host");
				case PORT -> invalidAddress(value, "its port " + ex.detail() + " is above 65535");
				case QUERY_OR_FRAGMENT -> invalidAddress(value, "it has a query or fragment");
			};
		}
	}

	// Shows where the address points, never the credentials before the '@'.
	private static String maskedUserInfo(String value) {
		String text = value.strip();
		int schemeEnd = text.indexOf("://");
		String scheme = (schemeEnd >= 0) ? text.substring(0, schemeEnd) : "https";
		String rest = (schemeEnd >= 0) ? text.substring(schemeEnd + 3) : text;
		int pathStart = rest.indexOf('/');
		String authority = (pathStart >= 0) ? rest.substring(0, pathStart) : rest;
		return scheme + "://******@" + authority.substring(authority.lastIndexOf('@') + 1) + "/…";
	}

	private static InvalidRimeConfigurationException invalidAddress(String shownValue, String reason) {
		return new InvalidRimeConfigurationException("rime.address",
				"Invalid value '" + shownValue + "' for property 'rime.address': " + reason + ".", ADDRESS_ACTION);
	}

	/**
	 * Check {@code rime.api-key}; the messages never show the key.
	 * @param apiKey the property's value
	 * @return the key, or {@code null} when not set
	 * @throws InvalidRimeConfigurationException if it cannot be a key
	 */
	public static @Nullable String apiKey(@Nullable String apiKey) {
		if (apiKey == null) {
			return null;
		}
		int placeholder = apiKey.indexOf("${");
		if (placeholder >= 0 && apiKey.indexOf('}', placeholder) > placeholder) {
			throw new InvalidRimeConfigurationException(API_KEY,
					"Invalid value for property 'rime.api-key': it holds an unresolved ${...} placeholder,"
							+ " so the environment variable or property it names is not set (the value is not shown).",
					"Set the environment variable or property that 'rime.api-key' refers to, such as RIME_API_KEY,"
							+ " or set 'rime.api-key' to the key itself.");
		}
		if (apiKey.isBlank()) {
			throw new InvalidRimeConfigurationException(API_KEY,
					"Invalid value for property 'rime.api-key': it is blank.",
					"Set 'rime.api-key' to the API key from the RIME web app, or remove the property for a server"
							+ " without authentication.");
		}
		for (int i = 0; i < apiKey.length(); i++) {
			char c = apiKey.charAt(i);
			if (c == '\r' || c == '\n') {
				throw new InvalidRimeConfigurationException(API_KEY,
						"Invalid value for property 'rime.api-key': it contains a"
						+ " line break at index " + i + " (the key itself is not shown).",
						"Set 'rime.api-key' to the single-line API key from the RIME web app; when it is read from a"
								+ " file or a secret, remove the trailing line break.");
			}
			if (c < 0x20 || c > 0x7e) {
				throw new InvalidRimeConfigurationException(API_KEY,
						"Invalid value for property 'rime.api-key': it contains"
						+ " the character U+" + String.format("%04X", (int) c) + " at index " + i
						+ ", but only printable ASCII is allowed (the key itself is not shown).",
						"Set 'rime.api-key' to the API key from the RIME web app, exactly as shown there.");
			}
		}
		return apiKey;
	}

	static String defaultProjectId(String id) {
		// The SDK refuses a dot segment too, but as an IllegalArgumentException without the property name.
		if (id.equals(".") || id.equals("..")) {
			throw new InvalidRimeConfigurationException("rime.default-project-id", "Invalid value '" + id
					+ "' for property 'rime.default-project-id': expected a project id, not a dot segment.",
					"Set 'rime.default-project-id' to the id of a RIME project, or remove it.");
		}
		return id;
	}

	/**
	 * Check that a duration property is more than zero.
	 * @param value the value, {@code null} when bound to nothing
	 * @param property the property's name
	 * @param example a valid value, such as {@code 5s}
	 * @return the value
	 * @throws InvalidRimeConfigurationException if it is not
	 */
	public static Duration positive(@Nullable Duration value, String property, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(property, (value != null) ? format(value) : "", "a positive duration",
					"Set '" + property + "' to a positive duration, such as " + example + ".");
		}
		return value;
	}

	/**
	 * Check that a duration property is zero or more.
	 * @param value the value, {@code null} when bound to nothing
	 * @param property the property's name
	 * @param example a valid value, such as {@code 10s}
	 * @return the value
	 * @throws InvalidRimeConfigurationException if it is not
	 */
	public static Duration notNegative(@Nullable Duration value, String property, String example) {
		if (value == null || value.isNegative()) {
			throw invalid(property, (value != null) ? format(value) : "", "0 or a positive duration",
					"Set '" + property + "' to 0 or a positive duration, such as " + example + ".");
		}
		return value;
	}

	/**
	 * Report a property value that cannot work.
	 * @param property the property's name
	 * @param shownValue the value as the message shows it; never an API key
	 * @param expected what a valid value is, such as {@code 0 or more}
	 * @param action how to fix it
	 * @return the exception to throw
	 */
	public static InvalidRimeConfigurationException invalid(String property, @Nullable Object shownValue,
			String expected, String action) {
		return new InvalidRimeConfigurationException(property,
				"Invalid value '" + shownValue + "' for property '" + property + "': expected " + expected + ".",
				action);
	}

	static void retry(RimeProperties.Retry retry) {
		if (retry.getMaxRetries() < 0) {
			throw new InvalidRimeConfigurationException("rime.retry.max-retries",
					"Invalid value '" + retry.getMaxRetries()
					+ "' for property 'rime.retry.max-retries': expected 0 or more.",
					"Set 'rime.retry.max-retries' to the number of retries after the first call (each call is made"
							+ " at most 1 + max-retries times), or to 0 to turn retries off.");
		}
		if (!(retry.getMultiplier() >= 1)) {
			throw new InvalidRimeConfigurationException("rime.retry.multiplier",
					"Invalid value '" + format(retry.getMultiplier())
					+ "' for property 'rime.retry.multiplier': expected 1 or more.",
					"Set 'rime.retry.multiplier' to 1 for a fixed delay, or to more than 1 (such as 2) for a delay"
							+ " that grows after each retry.");
		}
		notNegative(retry.getDelay(), "rime.retry.delay", "200ms");
		notNegative(retry.getJitter(), "rime.retry.jitter", "100ms");
		positive(retry.getMaxDelay(), "rime.retry.max-delay", "5s");
		positive(retry.getTimeout(), "rime.retry.timeout", "30s");
		if (retry.getMaxDelay().compareTo(retry.getDelay()) < 0) {
			throw new InvalidRimeConfigurationException("rime.retry.max-delay",
					"Invalid value '" + format(retry.getMaxDelay())
					+ "' for property 'rime.retry.max-delay': it is less than 'rime.retry.delay' ("
					+ format(retry.getDelay()) + ").",
					"Set 'rime.retry.max-delay' to at least the value of 'rime.retry.delay'.");
		}
	}

	static InvalidRimeConfigurationException redirectsWithApiKey(HttpRedirects redirects) {
		String value = redirects.name().toLowerCase(Locale.ROOT).replace('_', '-');
		return new InvalidRimeConfigurationException("rime.redirects", "Invalid value '" + value
				+ "' for property 'rime.redirects': the HTTP library would send the API key to any host a redirect"
				+ " names.",
				"Remove 'rime.redirects': the RIME client follows redirects of reads itself (at most 5) and sends"
						+ " the API key to the configured address only.");
	}

	static void health(RimeProperties.Health health) {
		positive(health.getTimeout(), "rime.health.timeout", "2s");
		notNegative(health.getCacheTtl(), "rime.health.cache-ttl", "10s");
	}

	/**
	 * Check that an SSL bundle property names a configured bundle.
	 * @param sslBundles the configured bundles, or {@code null} when there are none
	 * @param name the bundle's name
	 * @param property the property's name
	 * @return the bundle
	 * @throws InvalidRimeConfigurationException if no bundle has that name
	 */
	public static SslBundle sslBundle(@Nullable SslBundles sslBundles, String name, String property) {
		List<String> names = (sslBundles != null) ? sslBundles.getBundleNames() : List.of();
		if (sslBundles == null || !names.contains(name)) {
			throw new InvalidRimeConfigurationException(property,
					"Invalid value '" + name + "' for property '" + property
					+ "': no SSL bundle named '" + name + "' is configured (configured bundles: "
					+ (names.isEmpty() ? "none" : String.join(", ", names.stream().sorted().toList())) + ").",
					"Configure the bundle under 'spring.ssl.bundle.jks." + name + "' or 'spring.ssl.bundle.pem."
							+ name + "', or set '" + property + "' to a configured bundle.");
		}
		return sslBundles.getBundle(name);
	}

	/**
	 * Write a duration the way Spring Boot's properties do: {@code 2d}, {@code 5m}, {@code 30s},
	 * {@code 200ms}, in the largest unit that holds it exactly.
	 * @param duration the duration
	 * @return the text
	 */
	public static String format(Duration duration) {
		return Durations.format(duration);
	}

	static String format(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
