package io.rime.client.internal;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Masks the API key in what the JDK's {@code HttpURLConnection} logs. At DEBUG (JUL {@code FINE})
 * its logger {@code sun.net.www.protocol.http.HttpURLConnection} writes every request header,
 * {@code rime-api-key} included, so turning all loggers up to find a problem would put the key in
 * the logs. A filter on that logger rewrites the header's value before any handler sees it.
 */
final class JdkHttpLogMasking {

	private static final Pattern API_KEY_HEADER = Pattern.compile("(\\{rime-api-key: )[^}]*",
			Pattern.CASE_INSENSITIVE);

	// JUL holds loggers weakly: without this reference the filter could be lost with its logger.
	private static final Logger HTTP_URL_CONNECTION = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");

	private static boolean installed;

	private JdkHttpLogMasking() {
	}

	/**
	 * Install the masking filter once per JVM, keeping any filter already set.
	 */
	public static synchronized void install() {
		if (installed) {
			return;
		}
		Filter previous = HTTP_URL_CONNECTION.getFilter();
		HTTP_URL_CONNECTION.setFilter((record) -> {
			mask(record);
			return previous == null || previous.isLoggable(record);
		});
		installed = true;
	}

	static void mask(LogRecord record) {
		String message = record.getMessage();
		if (message != null && API_KEY_HEADER.matcher(message).find()) {
			record.setMessage(API_KEY_HEADER.matcher(message).replaceAll("$1******"));
		}
	}

}
