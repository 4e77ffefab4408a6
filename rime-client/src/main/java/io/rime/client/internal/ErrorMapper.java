package io.rime.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLHandshakeException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.rime.client.RimeApiException;
import io.rime.client.RimeConnectionException;
import io.rime.client.RimeException;

/**
 * Turns error responses and I/O failures into the SDK's exceptions, in one place, with the API
 * key removed from anything the server or the JDK put in a message.
 */
final class ErrorMapper {

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private static final int MAX_SHOWN = 200;

	// A message is read in logs; getServerMessage() keeps the whole text.
	private static final int MAX_SERVER_MESSAGE_SHOWN = 1000;

	private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

	private static final Pattern HTML_TAG = Pattern.compile("(?s)<[^>]*>");

	private static final String[] GRPC_CODES = { "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
			"DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
			"FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
			"DATA_LOSS", "UNAUTHENTICATED" };

	private final JsonMapper jsonMapper;

	private final @Nullable String apiKey;

	/**
	 * Create a mapper.
	 * @param jsonMapper reads error bodies
	 * @param apiKey the key to keep out of messages, or {@code null}
	 */
	public ErrorMapper(JsonMapper jsonMapper, @Nullable String apiKey) {
		this.jsonMapper = jsonMapper;
		this.apiKey = apiKey;
	}

	RimeApiException toException(HttpCall call, int status, InputStream body) throws IOException {
		String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
		Integer grpcCode = null;
		String serverMessage = null;
		try {
			JsonNode json = this.jsonMapper.readTree(text);
			if (json.path("code").isInt()) {
				grpcCode = json.path("code").intValue();
			}
			if (json.path("message").isString()) {
				serverMessage = redact(json.path("message").stringValue());
			}
		}
		catch (JacksonException ex) {
			// Proxies and ingresses answer with HTML or plain text: keep a little of it.
			serverMessage = text.isBlank() ? null : redact(text.strip().lines().findFirst().orElse(""));
		}
		String shown = (serverMessage != null && grpcCode == null && isHtml(text))
				? describeHtml(text) + ", not RIME's JSON error: a proxy or gateway in front of RIME answered"
				: serverMessage;
		StringBuilder message = new StringBuilder();
		if (status == 401) {
			message.append("RIME rejected the API key (HTTP 401) for ").append(describe(call))
				.append(": the key is invalid or expired; check the API key");
		}
		else {
			message.append("RIME answered HTTP ").append(status).append(" to ").append(describe(call));
		}
		if (grpcCode != null) {
			message.append(" (gRPC ").append(grpcCode).append(' ').append(grpcName(grpcCode)).append(')');
		}
		if (shown != null && !shown.isBlank()) {
			message.append(": ").append(abbreviate(shown, MAX_SERVER_MESSAGE_SHOWN));
		}
		return new RimeApiException(message.toString(), status, grpcCode, serverMessage);
	}

	RimeException notJson(HttpCall call, URI target, String contentType, InputStream body) throws IOException {
		String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
		String content = isHtml(text) ? describeHtml(text)
				: "'" + redact(abbreviate(text.strip().lines().findFirst().orElse(""))) + "'";
		return new RimeException("RIME at " + target.getScheme() + "://" + target.getRawAuthority() + " answered "
				+ describe(call) + " with " + redact(contentType) + ", not JSON: " + content
				+ "; check that the address is RIME's API, not a login page or proxy in front of it");
	}

	RimeConnectionException toConnectionException(HttpCall call, URI target, IOException failure) {
		String detail = (failure.getMessage() != null) ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
				: failure.getClass().getSimpleName();
		String hint = untrustedCertificate(failure) ? "; the server's TLS certificate is not trusted for this address:"
				+ " trust its CA with an SSL bundle ('rime.ssl.bundle' in Spring Boot) or the JVM's trust store" : "";
		// Repeating a change that did happen is how jobs get started twice: say so where it may have.
		String mayHaveActed = (HttpMethod.POST.equals(call.method()) && !RetryRules.neverReachedServer(failure))
				? "; RIME may have acted on the request before the connection failed, so check (for example list"
						+ " the jobs) before repeating it"
				: "";
		return new RimeConnectionException("No complete response from RIME at " + target.getScheme() + "://"
				+ target.getRawAuthority() + " to " + describe(call) + ": " + redact(detail) + hint + mayHaveActed,
				failure);
	}

	// The JDK's own message (PKIX path building failed...) does not say what to do about it.
	private static boolean untrustedCertificate(IOException failure) {
		if (!(failure instanceof SSLHandshakeException)) {
			return false;
		}
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof CertificateException || cause instanceof CertPathBuilderException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Remove the API key from a text.
	 * @param text the text, or {@code null}
	 * @return the text without the key
	 */
	public String redact(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return (this.apiKey != null) ? text.replace(this.apiKey, "******") : text;
	}

	private static boolean isHtml(String text) {
		String start = text.stripLeading();
		return start.regionMatches(true, 0, "<!doctype html", 0, 14) || start.regionMatches(true, 0, "<html", 0, 5);
	}

	// An HTML page's title says what answered ("502 Bad Gateway", "Sign in"); its markup says nothing.
	private String describeHtml(String html) {
		Matcher title = HTML_TITLE.matcher(html);
		String text = (title.find() ? title.group(1) : HTML_TAG.matcher(html).replaceAll(" ")).replaceAll("\\s+", " ")
			.strip();
		return text.isEmpty() ? "an HTML page" : "an HTML page ('" + redact(abbreviate(text)) + "')";
	}

	private static String abbreviate(String text) {
		return abbreviate(text, MAX_SHOWN);
	}

	private static String abbreviate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) + "..." : text;
	}

	private static String describe(HttpCall call) {
		return call.operation() + " (" + call.method() + " " + call.path() + ")";
	}

	private static String grpcName(int code) {
		return (code >= 0 && code < GRPC_CODES.length) ? GRPC_CODES[code] : "code";
	}

}
