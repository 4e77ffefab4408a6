package io.rime.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on loopback that answers every {@code GET /v1/jobs/{id}} with one recorded
 * body, so that every client under comparison costs the server the same.
 */
public final class FixedJobServer implements AutoCloseable {

	private final HttpServer server;

	private final byte[] body;

	/**
	 * Start a server.
	 * @param body the recorded JSON body to answer with
	 * @throws IOException if the server cannot bind
	 */
	public FixedJobServer(byte[] body) throws IOException {
		// Without it the JDK server delays each keep-alive response by ~40 ms (Nagle and delayed ACK).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.body = body.clone();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	/**
	 * Return the server's address.
	 * @return for example {@code http://127.0.0.1:40123}
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			if (!"GET".equals(exchange.getRequestMethod())
					|| !exchange.getRequestURI().getRawPath().startsWith("/v1/jobs/")) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, this.body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(this.body);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
