package io.rime.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.rime.emulator.Fault;
import io.rime.emulator.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of the emulator on the JDK's HTTP server: records each request, injects faults,
 * checks the API key, and writes the answers of the current {@link RestApi}.
 */
public final class HttpFront {

	private static final System.Logger logger = System.getLogger(HttpFront.class.getName());

	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private static final int MAX_RECORDED = 10_000;

	static {
		// Without it the JDK server stalls ~40 ms on every keep-alive response (Nagle meets delayed ACK).
		// It is read once, when the first server of the JVM starts.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final Supplier<RestApi> api;

	private final FaultInjector faults;

	private final byte @Nullable [] apiKey;

	private final Deque<RecordedRequest> recorded = new ConcurrentLinkedDeque<>();

	private final AtomicInteger recordedCount = new AtomicInteger();

	private final CountDownLatch stopped = new CountDownLatch(1);

	public HttpFront(InetSocketAddress address, Supplier<RestApi> api, FaultInjector faults, @Nullable String apiKey,
			@Nullable SSLContext sslContext) throws IOException {
		this.api = api;
		this.faults = faults;
		this.apiKey = (apiKey != null) ? apiKey.getBytes(StandardCharsets.UTF_8) : null;
		if (sslContext != null) {
			HttpsServer httpsServer = HttpsServer.create(address, 128);
			httpsServer.setHttpsConfigurator(new HttpsConfigurator(sslContext));
			this.server = httpsServer;
		}
		else {
			this.server = HttpServer.create(address, 128);
		}
		this.executor = Executors.newCachedThreadPool(daemonThreads());
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
	}

	public void start() {
		this.server.start();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public List<RecordedRequest> recordedRequests() {
		return List.copyOf(this.recorded);
	}

	public void forgetRecordedRequests() {
		this.recorded.clear();
		this.recordedCount.set(0);
	}

	public void stop() {
		this.stopped.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handle(HttpExchange exchange) {
		try (exchange) {
			String method = exchange.getRequestMethod();
			URI uri = exchange.getRequestURI();
			String rawPath = (uri.getRawPath() != null) ? uri.getRawPath() : "/";
			String apiKeyHeader = exchange.getRequestHeaders().getFirst("rime-api-key");
			String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			record(new RecordedRequest(method, uri.getRawPath() + ((uri.getRawQuery() != null) ? "?"
					+ uri.getRawQuery() : ""), apiKeyHeader != null, idempotencyKey));
			FaultInjector.Decision decision = this.faults.decide(method, rawPath, uri.getRawQuery());
			if (!decision.latency().isZero()) {
				Thread.sleep(decision.latency().toMillis());
			}
			Fault fault = decision.outcome();
			Fault.Kind kind = (fault != null) ? fault.kind() : null;
			if (kind == Fault.Kind.CLOSE_CONNECTION) {
				return;
			}
			if (kind == Fault.Kind.STATUS) {
				send(exchange, injectedError(fault), null);
				return;
			}
			if (kind == Fault.Kind.BODY) {
				send(exchange, new ApiResponse(fault.httpStatus(), fault.contentType(),
						fault.body().getBytes(StandardCharsets.UTF_8), null), null);
				return;
			}
			if (kind == Fault.Kind.STALL) {
				this.stopped.await();
				return;
			}
			byte[] body = readBody(exchange.getRequestBody());
			ApiResponse response;
			if (body == null) {
				response = ApiResponse.error(GrpcCode.RESOURCE_EXHAUSTED, 413,
						"request body is larger than " + MAX_BODY_BYTES + " bytes", null);
			}
			else if (!rawPath.startsWith(ArchivedLogs.PATH) && !authorized(apiKeyHeader)) {
				response = ApiResponse.error(GrpcCode.UNAUTHENTICATED, 401,
						"missing or invalid rime-api-key header: send a valid API key", null);
			}
			else {
				response = this.api.get().handle(method, rawPath, uri.getRawQuery(), idempotencyKey, body);
			}
			logger.log(Level.DEBUG, () -> method + " " + rawPath + " -> " + response.status()
					+ ((kind != null) ? " (fault " + kind + ")" : ""));
			if (kind == Fault.Kind.APPLY_THEN_FAIL) {
				return;
			}
			send(exchange, response, (kind == Fault.Kind.CUT_BODY) ? fault : null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			logger.log(Level.DEBUG, "Connection failed while answering: {0}", ex.toString());
		}
		catch (RuntimeException ex) {
			logger.log(Level.ERROR, "Unexpected emulator failure", ex);
		}
	}

	private boolean authorized(@Nullable String header) {
		return this.apiKey == null
				|| (header != null && MessageDigest.isEqual(this.apiKey, header.getBytes(StandardCharsets.UTF_8)));
	}

	private static ApiResponse injectedError(Fault fault) {
		int status = fault.httpStatus();
		Long retryAfter = (status == 429 || status == 503) ? fault.retryAfter().toSeconds() : null;
		return ApiResponse.error(GrpcCode.forHttpStatus(status), status, "injected fault: HTTP " + status,
				retryAfter);
	}

	private static byte @Nullable [] readBody(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
		return (body.length > MAX_BODY_BYTES) ? null : body;
	}

	private static void send(HttpExchange exchange, ApiResponse response, @Nullable Fault cut) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", response.contentType());
		if (response.retryAfterSeconds() != null) {
			exchange.getResponseHeaders().set("Retry-After", Long.toString(response.retryAfterSeconds()));
		}
		byte[] body = response.body();
		exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			OutputStream out = exchange.getResponseBody();
			out.write(body, 0, (cut != null) ? cutAt(body, cut.body()) : body.length);
			out.flush();
		}
	}

	// Half the body, or up to the end of the first match of the fault's expression where it has one.
	private static int cutAt(byte[] body, String regex) {
		String text = new String(body, StandardCharsets.UTF_8);
		Matcher match = regex.isEmpty() ? null : Pattern.compile(regex).matcher(text);
		return (match == null || !match.find()) ? body.length / 2
				: text.substring(0, match.end()).getBytes(StandardCharsets.UTF_8).length;
	}

	private void record(RecordedRequest request) {
		this.recorded.addLast(request);
		if (this.recordedCount.incrementAndGet() > MAX_RECORDED) {
			this.recorded.pollFirst();
			this.recordedCount.decrementAndGet();
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "rime-emulator-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
