package io.rime.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where the RIME client connects to and how it authenticates. The auto-configured client reads
 * only from this bean: by default it comes from the {@code rime.*} properties, from the embedded
 * emulator when that runs, or from a bean of the application's own.
 */
public interface RimeConnectionDetails extends ConnectionDetails {

	/**
	 * Address of the RIME server, such as {@code https://rime.example.com}.
	 * @return the address
	 */
	URI getAddress();

	/**
	 * API key sent in the {@code rime-api-key} header.
	 * @return the key, or {@code null} for a server without authentication
	 */
	default @Nullable String getApiKey() {
		return null;
	}

	/**
	 * Project that stress tests started without a project id go to.
	 * @return the project id, or {@code null} for none
	 */
	default @Nullable String getDefaultProjectId() {
		return null;
	}

	/**
	 * SSL bundle to trust the server with; when not {@code null} it replaces
	 * {@code rime.ssl.bundle}.
	 * @return the bundle, or {@code null} to use the HTTP settings
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

}
