package io.rime.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * An address where nothing listens, so that connecting is refused, held for as long as a test
 * needs it: the port is bound by a socket that never listens, so no other process can start a
 * server there meanwhile (as it could on a port found free and released).
 */
public final class ClosedPort implements AutoCloseable {

	private final Socket socket;

	private ClosedPort(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Bind a loopback port that refuses connections.
	 * @return the port, to close when done
	 */
	public static ClosedPort reserve() {
		Socket socket = new Socket();
		try {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return new ClosedPort(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the address, {@code http://127.0.0.1:<port>}.
	 * @return the address
	 */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort());
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
