package io.rime.client.internal;

import java.net.URI;
import java.util.Locale;

/**
 * Scheme, host and port: what decides whether a URL may receive the API key.
 *
 * @param scheme the lower-case scheme
 * @param host the lower-case host
 * @param port the port, with the scheme's default filled in
 */
record Origin(String scheme, String host, int port) {

	static Origin of(URI uri) {
		String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
		int port = (Addresses.port(uri) != -1) ? Addresses.port(uri) : scheme.equals("https") ? 443 : 80;
		return new Origin(scheme, String.valueOf(Addresses.host(uri)).toLowerCase(Locale.ROOT), port);
	}

	boolean matches(URI uri) {
		return Addresses.host(uri) != null && equals(of(uri));
	}

}
