package io.rime.client.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A server that answers the SDK's real requests with what a broken or hostile RIME might send:
 * huge bodies, bodies a byte at a time, malformed JSON. It records every request target exactly
 * as it arrived, so that tests can check that the SDK only asked for what it meant to.
 */
final class HostileServer implements AutoCloseable {

	private static final byte[] NOT_FOUND = "{\"code\": 5, \"message\": \"not found\"}".getBytes(StandardCharsets.UTF_8);

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<String> targets = new CopyOnWriteArrayList<>();

	private final AtomicLong bytesWritten = new AtomicLong();

	// Trickling answers wait on this between bytes, so that closing the server ends them at once.
	private final CountDownLatch closed = new CountDownLatch(1);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final HttpServer server;

	HostileServer() {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Answer requests for a path (without query).
	 * @param path the raw path, such as {@code /v1/jobs/j1}
	 * @param answer the answer
	 */
	void on(String path, Answer answer) {
		this.answers.put(path, answer);
	}

	/** Every request target (raw path and query) received, in order. */
	List<String> targets() {
		return List.copyOf(this.targets);
	}

	/** How many body bytes answers wrote before the client stopped reading. */
	long bytesWritten() {
		return this.bytesWritten.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		URI uri = exchange.getRequestURI();
		this.targets.add((uri.getRawQuery() != null) ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath());
		try (exchange) {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			Answer answer = this.answers.get(uri.getRawPath());
			if (answer == null) {
				exchange.sendResponseHeaders(404, NOT_FOUND.length);
				exchange.getResponseBody().write(NOT_FOUND);
				return;
			}
			answer.write(exchange, new Body(exchange.getResponseBody()));
		}
		catch (IOException ex) {
			// The client hung up, which is what a bounded client does to a hostile answer.
		}
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** Writes a response: status and headers on the exchange, then the body. */
	@FunctionalInterface
	interface Answer {

		void write(HttpExchange exchange, Body body) throws IOException;

		/** A complete JSON answer with a length. */
		static Answer json(int status, String json) {
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			return (exchange, body) -> {
				exchange.sendResponseHeaders(status, bytes.length);
				body.write(bytes);
			};
		}

		/**
		 * A chunked answer of a prefix, a filler repeated up to a size, and a suffix, written as it
		 * goes, so that the server never holds the whole body.
		 */
		static Answer huge(int status, String prefix, char filler, long size, String suffix) {
			return (exchange, body) -> {
				exchange.sendResponseHeaders(status, 0);
				body.write(prefix.getBytes(StandardCharsets.UTF_8));
				byte[] chunk = String.valueOf(filler).repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
				for (long written = 0; written < size; written += chunk.length) {
					body.write(chunk);
				}
				body.write(suffix.getBytes(StandardCharsets.UTF_8));
			};
		}

	}

	/** A response body that counts what it wrote and can trickle. */
	final class Body {

		private final OutputStream out;

		private Body(OutputStream out) {
			this.out = out;
		}

		void write(byte[] bytes) throws IOException {
			this.out.write(bytes);
			HostileServer.this.bytesWritten.addAndGet(bytes.length);
		}

		/** Write one byte per interval, flushed, until all are written or the server closes. */
		void trickle(byte[] bytes, long intervalMillis) throws IOException {
			for (byte b : bytes) {
				write(new byte[] { b });
				this.out.flush();
				if (awaitClose(intervalMillis)) {
					return;
				}
			}
		}

		/** Answer late: wait before writing, unless the server closes first. */
		void delay(long millis) {
			awaitClose(millis);
		}

		private boolean awaitClose(long millis) {
			try {
				return HostileServer.this.closed.await(millis, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return true;
			}
		}

	}

}
