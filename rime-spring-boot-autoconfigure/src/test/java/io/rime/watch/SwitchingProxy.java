package io.rime.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on a loopback port it binds itself, forwarding to a server that the test can
 * replace: the address stays the same and stays taken, where stopping a server and starting
 * another on its port would race other processes for the port.
 */
final class SwitchingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "switching-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private volatile URI target;

	SwitchingProxy(URI target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/**
	 * Forward new connections to another server; connections already open stay with the old one.
	 * @param target the server's base URL
	 */
	void target(URI target) {
		this.target = target;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.threads.execute(() -> forward(client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void forward(Socket client) {
		URI to = this.target;
		try (client; Socket upstream = new Socket(to.getHost(), to.getPort())) {
			this.threads.execute(() -> copy(client, upstream));
			copy(upstream, client);
		}
		catch (IOException ex) {
			// the server is gone: the client sees its connection closed
		}
	}

	private static void copy(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			try {
				from.close();
				to.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.threads.shutdownNow();
	}

}
