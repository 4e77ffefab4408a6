package io.rime.client.internal;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Duration;

import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * The default request factory: {@code HttpURLConnection}, measured about 3x faster per call than
 * the JDK {@code HttpClient} on loopback. It never follows redirects itself, because
 * {@code HttpURLConnection} would forward the API key header to another host; {@link Transport}
 * follows them instead.
 */
public final class NoRedirectRequestFactory extends SimpleClientHttpRequestFactory {

	/**
	 * Create the factory.
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 */
	public NoRedirectRequestFactory(Duration connectTimeout, Duration readTimeout) {
		setConnectTimeout(connectTimeout);
		setReadTimeout(readTimeout);
	}

	@Override
	protected void prepareConnection(HttpURLConnection connection, String httpMethod) throws IOException {
		super.prepareConnection(connection, httpMethod);
		connection.setInstanceFollowRedirects(false);
	}

}
