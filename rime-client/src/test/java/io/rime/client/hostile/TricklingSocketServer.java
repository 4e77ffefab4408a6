package io.rime.client.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw socket server that sends a whole response, status line and headers included, one byte
 * per interval: what no HTTP server library does, and what defeats a per-read timeout before the
 * body has even started.
 */
final class TricklingSocketServer implements AutoCloseable {

	private final ServerSocket socket;

	private final CountDownLatch closed = new CountDownLatch(1);

	private final Thread thread;

	TricklingSocketServer(String response, long intervalMillis) {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
		this.thread = new Thread(() -> serve(bytes, intervalMillis), "trickling-server");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort());
	}

	private void serve(byte[] response, long intervalMillis) {
		while (this.closed.getCount() > 0) {
			try (Socket connection = this.socket.accept()) {
				OutputStream out = connection.getOutputStream();
				for (int i = 0; i < response.length && !this.closed.await(intervalMillis, TimeUnit.MILLISECONDS); i++) {
					out.write(response[i]);
					out.flush();
				}
			}
			catch (IOException ex) {
				// The client hung up, or the server closed.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.closed.countDown();
		this.socket.close();
	}

}
