package io.rime.client.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body with two bounds: its size, so that a huge answer cannot fill the heap, and the
 * call's deadline, so that a server trickling a byte at a time, which defeats the read timeout,
 * cannot hold the caller's thread past it. Reaching either closes the underlying stream before
 * failing: {@code HttpURLConnection} then drops the connection, and nothing can drain the rest of
 * the body afterwards (Spring drains a response when it closes it).
 */
final class BoundedBody extends FilterInputStream {

	private final long maxBytes;

	private final long deadlineNanos;

	private long count;

	/**
	 * Bound a body.
	 * @param body the body
	 * @param maxBytes the most bytes to read
	 * @param deadlineNanos the {@link System#nanoTime()} after which no read starts
	 */
	BoundedBody(InputStream body, long maxBytes, long deadlineNanos) {
		super(body);
		this.maxBytes = maxBytes;
		this.deadlineNanos = deadlineNanos;
	}

	@Override
	public int read() throws IOException {
		checkDeadline();
		int value = super.read();
		if (value >= 0) {
			counted(1);
		}
		return value;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		checkDeadline();
		// One byte past the limit is enough to know that it was passed.
		int read = super.read(buffer, offset, (int) Math.min(length, this.maxBytes - this.count + 1));
		if (read > 0) {
			counted(read);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		// Skipped bytes count too, and a skip may wait for the server like a read.
		return (n > 0) ? Math.max(read(new byte[(int) Math.min(n, 8192)]), 0) : 0;
	}

	@Override
	public void close() {
		try {
			super.close();
		}
		catch (IOException ex) {
			// The connection is dropped either way, and the body was read or is not wanted.
		}
	}

	private void checkDeadline() throws IOException {
		if (System.nanoTime() - this.deadlineNanos > 0) {
			close();
			throw new DeadlinePassed();
		}
	}

	private void counted(int read) throws IOException {
		this.count += read;
		if (this.count > this.maxBytes) {
			close();
			throw new TooLarge(this.maxBytes);
		}
	}

	/** The body is larger than the SDK reads. */
	static final class TooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		TooLarge(long maxBytes) {
			super("the response body is larger than " + (maxBytes / (1024 * 1024)) + " MiB, the most the SDK reads");
		}

	}

	/** The call's deadline passed while the body was still coming. */
	static final class DeadlinePassed extends IOException {

		private static final long serialVersionUID = 1L;

		DeadlinePassed() {
			super("the response body was still incomplete when the call's timeout passed");
		}

	}

}
