package io.rime.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server the JDK's HTTP server cannot imitate: it answers every request with a 200, its
 * headers and the start of a JSON body, then resets the connection (TCP RST) mid-body.
 */
final class HostileServer implements AutoCloseable {

	private static final byte[] PARTIAL_RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
			+ "Content-Length: 4096\r\n\r\n{\"projects\":[{\"project\":{\"id\":{\"uuid\":\"")
		.getBytes(StandardCharsets.US_ASCII);

	private final ServerSocket server;

	private final Thread acceptor;

	private final AtomicInteger requests = new AtomicInteger();

	HostileServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::serve, "hostile-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	URI address() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	int requests() {
		return this.requests.get();
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				readRequest(socket.getInputStream());
				this.requests.incrementAndGet();
				OutputStream out = socket.getOutputStream();
				out.write(PARTIAL_RESPONSE);
				out.flush();
				socket.setSoLinger(true, 0);
			}
			catch (IOException ex) {
				// Closed, which ends the loop, or the client went away mid-request: serve the next one.
			}
		}
	}

	// Reads the head and the Content-Length body, so the reset hits the response, not the request.
	private static void readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("the client closed the connection mid-request");
			}
			head.write(next);
			matched = (next == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).trim()));
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		try {
			this.acceptor.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
