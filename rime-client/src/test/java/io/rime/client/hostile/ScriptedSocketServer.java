package io.rime.client.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket server that answers the n-th connection with the n-th scripted bytes (the last
 * one again after the script ends) and then closes it: what no HTTP library would send, such as
 * a chunked body without its last chunk or a banner that is not HTTP at all.
 */
final class ScriptedSocketServer implements AutoCloseable {

	private final ServerSocket socket;

	private final List<byte[]> script;

	private final AtomicInteger connections = new AtomicInteger();

	ScriptedSocketServer(String... responses) {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.script = java.util.Arrays.stream(responses).map((r) -> r.getBytes(StandardCharsets.UTF_8)).toList();
		Thread thread = new Thread(this::serve, "scripted-socket-server");
		thread.setDaemon(true);
		thread.start();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort());
	}

	/** Connections accepted so far. */
	int connections() {
		return this.connections.get();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket connection = this.socket.accept()) {
				int index = this.connections.getAndIncrement();
				readRequestHead(connection.getInputStream());
				connection.getOutputStream().write(this.script.get(Math.min(index, this.script.size() - 1)));
				connection.getOutputStream().flush();
			}
			catch (IOException ex) {
				// The client hung up, or the server closed.
			}
		}
	}

	// Answering before the request is read would make the client see a reset instead of the answer.
	private static void readRequestHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		for (int b = in.read(); b >= 0; b = in.read()) {
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == end.length) {
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
