package io.rime.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP front that forwards a loopback port to a server and can be taken down and brought back on
 * the same port: while it is down, connections are refused and the open ones are cut, as when a
 * backend's process is gone; the server behind it keeps its state. The emulator cannot refuse
 * connections itself and come back with the same jobs.
 */
public final class SwitchableFront implements AutoCloseable {

	private final InetAddress loopback = InetAddress.getLoopbackAddress();

	private final int targetPort;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "switchable-front");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();

	private ServerSocket server;

	private volatile long latencyMillis;

	public SwitchableFront(URI target) {
		this.targetPort = target.getPort();
		this.server = listen(0);
	}

	public URI address() {
		return URI.create("http://" + this.loopback.getHostAddress() + ":" + this.server.getLocalPort());
	}

	/** Refuses new connections and cuts the open ones. */
	public synchronized void down() {
		closeQuietly(this.server);
		this.openSockets.forEach(SwitchableFront::closeQuietly);
		this.openSockets.clear();
	}

	/** Accepts connections again, on the same port. */
	public synchronized void up() {
		if (this.server.isClosed()) {
			this.server = listen(this.server.getLocalPort());
		}
	}

	/** Delays each chunk of bytes in both directions, as a slow network does; zero for none. */
	public void latency(java.time.Duration latency) {
		this.latencyMillis = latency.toMillis();
	}

	@Override
	public void close() {
		down();
		this.threads.shutdownNow();
	}

	private ServerSocket listen(int port) {
		try {
			ServerSocket listening = new ServerSocket();
			listening.setReuseAddress(true);
			listening.bind(new InetSocketAddress(this.loopback, port));
			this.threads.execute(() -> accept(listening));
			return listening;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on port " + port, ex);
		}
	}

	private void accept(ServerSocket listening) {
		try {
			while (true) {
				Socket client = listening.accept();
				Socket backend = new Socket(this.loopback, this.targetPort);
				synchronized (this) {
					if (listening.isClosed()) {
						// Accepted just as down() ran: refuse it too.
						closeQuietly(client);
						closeQuietly(backend);
						return;
					}
					this.openSockets.add(client);
					this.openSockets.add(backend);
				}
				this.threads.execute(() -> pump(client, backend));
				this.threads.execute(() -> pump(backend, client));
			}
		}
		catch (IOException ex) {
			// Closed by down(): stop accepting.
		}
	}

	private void pump(Socket from, Socket to) {
		try {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = from.getInputStream().read(buffer)) != -1) {
				long latency = this.latencyMillis;
				if (latency > 0) {
					Thread.sleep(latency);
				}
				to.getOutputStream().write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// One side went away; the finally block ends the other.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.openSockets.remove(from);
			this.openSockets.remove(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing is all that is wanted.
		}
	}

}
