package io.rime.client.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Argument checks. Each message names the argument, shows the bad value (never the API key) and
 * says what was expected.
 */
public final class Checks {

	private static final Duration MAX_POLL_RATE = Duration.ofHours(1);

	private static final String ADDRESS_EXAMPLE = "a host such as rime.example.com (https is assumed), host:port, or an"
			+ " http or https URL such as https://rime.example.com";

	private Checks() {
	}

	/**
	 * Check a RIME address as the Python SDKs take it: a bare host, {@code host:port} or an http(s)
	 * URL; {@code https://} is added when no scheme is given, trailing slashes are dropped.
	 * @param address the address
	 * @return the normalised address
	 */
	public static URI address(@Nullable String address) {
		try {
			return Addresses.parse(address);
		}
		catch (Addresses.InvalidAddressException ex) {
			throw invalidAddress(ex);
		}
	}

	/**
	 * Check a RIME address.
	 * @param address the address
	 * @return the address without trailing slashes
	 */
	public static URI address(@Nullable URI address) {
		try {
			return Addresses.check(address);
		}
		catch (Addresses.InvalidAddressException ex) {
			throw invalidAddress(ex);
		}
	}

	private static IllegalArgumentException invalidAddress(Addresses.InvalidAddressException ex) {
		String shown = "address '" + ex.value() + "'";
		String message = switch (ex.problem()) {
			case NULL -> "address is null; expected " + ADDRESS_EXAMPLE;
			case BLANK -> "address is blank; expected " + ADDRESS_EXAMPLE;
			case NOT_A_URL -> shown + " is not a URL (" + ex.detail() + "); expected " + ADDRESS_EXAMPLE;
			case USER_INFO -> "address contains user info (credentials); expected " + ADDRESS_EXAMPLE
					+ ", with the key given through apiKey";
			case RELATIVE -> shown + " is relative; expected " + ADDRESS_EXAMPLE;
			case SCHEME -> shown + " has the scheme '" + ex.detail() + "'; expected " + ADDRESS_EXAMPLE;
			case NO_HOST -> shown + " has no host; expected " + ADDRESS_EXAMPLE;
			case PORT -> shown + " has the port " + ex.detail() + "; expected a port from 1 to 65535";
			case QUERY_OR_FRAGMENT -> shown + " has a query or fragment; expected " + ADDRESS_EXAMPLE
					+ " and nothing after the path";
		};
		return new IllegalArgumentException(message);
	}

	/**
	 * Check an API key without ever showing it.
	 * @param apiKey the key, or {@code null} for none
	 * @return the key
	 */
	public static @Nullable String apiKey(@Nullable String apiKey) {
		if (apiKey == null) {
			return null;
		}
		if (apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey is blank; expected the API key from the RIME web app,"
					+ " or no apiKey call at all for a server without authentication");
		}
		for (int i = 0; i < apiKey.length(); i++) {
			char c = apiKey.charAt(i);
			if (c == '\r' || c == '\n') {
				throw new IllegalArgumentException("apiKey contains a line break at index " + i
						+ "; expected a single-line key (the key itself is not shown)");
			}
			if (c < 0x20 || c > 0x7e) {
				throw new IllegalArgumentException("apiKey contains the non-ASCII or control character U+"
						+ String.format("%04X", (int) c) + " at index " + i
						+ "; expected printable ASCII only (the key itself is not shown)");
			}
		}
		return apiKey;
	}

	/**
	 * Check an id.
	 * @param value the id
	 * @param name the argument name, for example {@code jobId}
	 * @return the id
	 */
	public static String id(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is " + ((value == null) ? "null" : "'" + value + "'")
					+ "; expected a non-blank id");
		}
		// Encoding keeps '/' inside the segment, but "." and ".." would still be resolved as dot segments.
		if (value.equals(".") || value.equals("..")) {
			throw new IllegalArgumentException(name + " is '" + value + "'; expected an id, not a dot segment");
		}
		return value;
	}

	/**
	 * Check a required argument.
	 * @param <T> the argument type
	 * @param value the argument
	 * @param name the argument name
	 * @param expected what to pass instead of {@code null}
	 * @return the argument
	 */
	public static <T> T notNull(@Nullable T value, String name, String expected) {
		if (value == null) {
			throw new IllegalArgumentException(name + " is null; expected " + expected);
		}
		return value;
	}

	/**
	 * Check a required text.
	 * @param value the text
	 * @param name the argument name
	 * @return the text
	 */
	public static String text(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is " + ((value == null) ? "null" : "'" + value + "'")
					+ "; expected a non-blank text");
		}
		return value;
	}

	/**
	 * Check a positive duration, such as a timeout setting.
	 * @param value the duration
	 * @param name the argument name
	 * @return the duration
	 */
	public static Duration positive(@Nullable Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " is " + value + "; expected a positive duration");
		}
		return value;
	}

	/**
	 * Check a poll rate: positive and at most one hour.
	 * @param pollRate the rate
	 * @return the rate
	 */
	public static Duration pollRate(@Nullable Duration pollRate) {
		if (pollRate == null || pollRate.isNegative() || pollRate.isZero() || pollRate.compareTo(MAX_POLL_RATE) > 0) {
			throw new IllegalArgumentException("pollRate is " + pollRate
					+ "; expected more than zero and at most one hour (PT1H)");
		}
		return pollRate;
	}

	/**
	 * Check a wait timeout: zero or more.
	 * @param timeout the timeout
	 * @return the timeout
	 */
	public static Duration timeout(@Nullable Duration timeout) {
		return nonNegative(timeout, "timeout");
	}

	/**
	 * Check a duration that may be zero, such as a cap.
	 * @param value the duration
	 * @param name the argument name
	 * @return the duration
	 */
	public static Duration nonNegative(@Nullable Duration value, String name) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(name + " is " + value + "; expected zero or a positive duration");
		}
		return value;
	}

	/**
	 * Check a file to write: not a directory, in a directory that exists.
	 * @param file the file
	 * @return the file
	 */
	public static Path outputFile(@Nullable Path file) {
		if (file == null) {
			throw new IllegalArgumentException("file is null; expected the path of the CSV file to write");
		}
		if (Files.isDirectory(file)) {
			throw new IllegalArgumentException("file '" + file + "' is a directory; expected the path of a file");
		}
		Path parent = file.toAbsolutePath().getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			throw new IllegalArgumentException("file '" + file + "' is in '" + parent
					+ "', which is not a directory; expected a file in an existing directory");
		}
		return file;
	}

}
