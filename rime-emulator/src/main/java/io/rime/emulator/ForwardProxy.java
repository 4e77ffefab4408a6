package io.rime.emulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on the loopback address, for testing clients that must reach RIME through
 * a proxy: it relays plain-http requests in absolute form ({@code GET http://host:port/path}) and
 * records each one. It does not tunnel https ({@code CONNECT}), and answers each request on a
 * connection of its own.
 *
 * <pre>{@code
 * try (ForwardProxy proxy = ForwardProxy.start()) {
 *     RimeClient client = RimeClient.builder().address(emulator.baseUrl()).proxy(proxy.proxy()).build();
 * }
 * }</pre>
 */
public final class ForwardProxy implements AutoCloseable {

	private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "proxy-connection",
			"keep-alive", "upgrade", "expect", "te", "transfer-encoding");

	private final ServerSocket server;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "rime-forward-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.proxy(HttpClient.Builder.NO_PROXY)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<Relayed> relayed = new CopyOnWriteArrayList<>();

	private ForwardProxy(ServerSocket server) {
		this.server = server;
		this.executor.execute(this::accept);
	}

	/**
	 * Starts a proxy on a free loopback port.
	 * @return the started proxy
	 */
	public static ForwardProxy start() {
		try {
			return new ForwardProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start a forward proxy on the loopback address", ex);
		}
	}

	/**
	 * Returns the port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Returns the proxy, for a client's settings.
	 * @return an HTTP proxy at this one's address
	 */
	public Proxy proxy() {
		return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
	}

	/**
	 * Returns the requests relayed so far, oldest first.
	 * @return the requests
	 */
	public List<Relayed> relayed() {
		return List.copyOf(this.relayed);
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing: nothing to do
		}
		this.executor.shutdownNow();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.executor.execute(() -> relay(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void relay(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			String[] requestLine = line(in).split(" ");
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(requestLine[1]))
				.timeout(Duration.ofSeconds(30));
			int length = 0;
			boolean apiKey = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim();
				if (name.equals("content-length")) {
					length = Integer.parseInt(value);
				}
				apiKey |= name.equals("rime-api-key");
				if (!NOT_FORWARDED.contains(name)) {
					request.header(name, value);
				}
			}
			byte[] body = in.readNBytes(length);
			request.method(requestLine[0], (length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
			this.relayed.add(new Relayed(requestLine[0], URI.create(requestLine[1]), apiKey));
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			StringBuilder head = new StringBuilder("HTTP/1.1 " + response.statusCode() + " Relayed\r\n");
			response.headers().map().forEach((name, values) -> {
				if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> head.append(name).append(": ").append(value).append("\r\n"));
				}
			});
			head.append("Content-Length: ").append(response.body().length).append("\r\nConnection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(response.body());
			out.flush();
		}
		catch (IOException | RuntimeException ex) {
			// the client sees the connection closed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * A request the proxy relayed.
	 *
	 * @param method the HTTP method
	 * @param target the absolute URI the client asked for
	 * @param apiKeyPresent whether it carried a {@code rime-api-key} header
	 */
	public record Relayed(String method, URI target, boolean apiKeyPresent) {
	}

}
