package io.rime.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a RIME address as the Python SDKs do: a bare host, {@code host:port} or a URL; {@code https://}
 * when no scheme is given; trailing slashes dropped. Host names may hold {@code _} (such as
 * {@code my_vpc.rime.com}), for which {@link URI#getHost()} is {@code null}, so the authority is read
 * here. One parser for the SDK and for {@code rime.address}, each wording the refusal its own way.
 */
public final class Addresses {

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");

	// A DNS-like name with '_' allowed (as the Python SDK allows), or an IPv4 address; IPv6 literals
	// are handled by java.net.URI itself.
	private static final Pattern AUTHORITY = Pattern.compile("([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?::(\\d{1,5}))?");

	private Addresses() {
	}

	/**
	 * Parse an address.
	 * @param address the address as given
	 * @return the normalised address: lower-case http or https scheme, authority, path without trailing slashes
	 * @throws InvalidAddressException naming the problem
	 */
	public static URI parse(@Nullable String address) {
		if (address == null) {
			throw new InvalidAddressException(Problem.NULL, null, null);
		}
		if (address.isBlank()) {
			throw new InvalidAddressException(Problem.BLANK, address, null);
		}
		String text = address.strip();
		// "rime.example.com:8080" would parse as the scheme "rime.example.com", so only "://" marks a scheme.
		String withScheme = SCHEME.matcher(text).find() ? text : "https://" + text;
		URI uri;
		try {
			uri = new URI(withScheme);
		}
		catch (URISyntaxException ex) {
			throw new InvalidAddressException(Problem.NOT_A_URL, address, ex.getReason() + " at index " + ex.getIndex());
		}
		return check(uri, address);
	}

	/**
	 * Check an address given as a URI.
	 * @param uri the address
	 * @return the normalised address
	 * @throws InvalidAddressException naming the problem
	 */
	public static URI check(@Nullable URI uri) {
		if (uri == null) {
			throw new InvalidAddressException(Problem.NULL, null, null);
		}
		return check(uri, uri.toString());
	}

	/**
	 * Return the host of a checked address, also when {@link URI#getHost()} cannot tell it.
	 * @param uri an address
	 * @return the host, or {@code null} if it has none
	 */
	public static @Nullable String host(URI uri) {
		if (uri.getHost() != null) {
			return uri.getHost();
		}
		Authority authority = authority(uri.getRawAuthority());
		return (authority != null) ? authority.host() : null;
	}

	/**
	 * Return the port of an address, also when {@link URI#getPort()} cannot tell it.
	 * @param uri an address
	 * @return the port, or {@code -1} if it has none
	 */
	public static int port(URI uri) {
		if (uri.getHost() != null) {
			return uri.getPort();
		}
		Authority authority = authority(uri.getRawAuthority());
		return (authority != null) ? authority.port() : -1;
	}

	private static URI check(URI uri, String shown) {
		if (uri.getRawUserInfo() != null || (uri.getHost() == null && uri.getRawAuthority() != null
				&& uri.getRawAuthority().contains("@"))) {
			// Not echoed: user info is usually a password.
			throw new InvalidAddressException(Problem.USER_INFO, shown, null);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null) {
			throw new InvalidAddressException(Problem.RELATIVE, shown, null);
		}
		if (!scheme.equals("http") && !scheme.equals("https") || uri.isOpaque()) {
			throw new InvalidAddressException(Problem.SCHEME, shown, uri.getScheme());
		}
		if (host(uri) == null) {
			throw new InvalidAddressException(Problem.NO_HOST, shown, null);
		}
		if (port(uri) > 65535) {
			throw new InvalidAddressException(Problem.PORT, shown, Integer.toString(port(uri)));
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidAddressException(Problem.QUERY_OR_FRAGMENT, shown, null);
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath().replaceAll("/+$", "") : "";
		return URI.create(scheme + "://" + uri.getRawAuthority() + path);
	}

	private static @Nullable Authority authority(@Nullable String rawAuthority) {
		if (rawAuthority == null) {
			return null;
		}
		Matcher matcher = AUTHORITY.matcher(rawAuthority);
		if (!matcher.matches()) {
			return null;
		}
		int port = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : -1;
		return new Authority(matcher.group(1), port);
	}

	private record Authority(String host, int port) {
	}

	/**
	 * What is wrong with an address.
	 */
	public enum Problem {

		/** No address. */
		NULL,

		/** Only blanks. */
		BLANK,

		/** Not parseable as a URL; the detail says why. */
		NOT_A_URL,

		/** Has user info, which is not shown. */
		USER_INFO,

		/** A scheme-less URI given as a {@link URI}. */
		RELATIVE,

		/** A scheme other than http or https; the detail is the scheme. */
		SCHEME,

		/** No host. */
		NO_HOST,

		/** A port above 65535; the detail is the port. */
		PORT,

		/** A query or fragment. */
		QUERY_OR_FRAGMENT

	}

	/**
	 * An address that cannot be used, with the problem for the caller to word.
	 */
	public static final class InvalidAddressException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final Problem problem;

		private final @Nullable String value;

		private final @Nullable String detail;

		InvalidAddressException(Problem problem, @Nullable String value, @Nullable String detail) {
			super(problem + ": " + ((problem == Problem.USER_INFO) ? "(not shown)" : value)
					+ ((detail != null) ? " (" + detail + ")" : ""));
			this.problem = problem;
			this.value = value;
			this.detail = detail;
		}

		/**
		 * Return what is wrong.
		 * @return the problem
		 */
		public Problem problem() {
			return this.problem;
		}

		/**
		 * Return the address as given; never show it for {@link Problem#USER_INFO}.
		 * @return the address, or {@code null}
		 */
		public @Nullable String value() {
			return this.value;
		}

		/**
		 * Return the detail of the problem, such as the scheme or the parser's reason.
		 * @return the detail, or {@code null}
		 */
		public @Nullable String detail() {
			return this.detail;
		}

	}

}
