package io.rime.client.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A response body with two bounds: its size, so that a huge answer cannot fill the heap, and the
 * call's deadline, so that a server trickling a byte at a time, which defeats the read timeout,
 * cannot hold the caller's thread past it. Reaching either closes the underlying stream before
 * failing: {@code HttpURLConnection} then drops the connection, and nothing can drain the rest of
 * the body afterwards (Spring drains a response when it closes it). It also counts the bytes
 * against {@code Content-Length}: {@code HttpURLConnection} reports a body cut short as a normal
 * end of stream, and only the count tells a cut (an I/O failure, worth another attempt) from a
 * complete but malformed answer, wherever the JSON parser happened to stop.
 */
final class BoundedBody extends FilterInputStream {

	private final long maxBytes;

	private final long deadlineNanos;

	private final long expectedBytes;

	private long count;

	/**
	 * Bound a body.
	 * @param body the body
	 * @param maxBytes the most bytes to read
	 * @param deadlineNanos the {@link System#nanoTime()} after which no read starts
	 * @param expectedBytes the body's {@code Content-Length}, or -1 if it has none
	 */
	BoundedBody(InputStream body, long maxBytes, long deadlineNanos, long expectedBytes) {
		super(body);
		this.maxBytes = maxBytes;
		this.deadlineNanos = deadlineNanos;
		this.expectedBytes = expectedBytes;
	}

	@Override
	public int read() throws IOException {
		checkDeadline();
		int value = super.read();
		if (value >= 0) {
			counted(1);
		}
		else {
			checkComplete();
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
		else if (read < 0) {
			checkComplete();
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
		if (Thread.currentThread().isInterrupted()) {
			close();
			throw new InterruptedIOException("interrupted while reading the response body");
		}
	}

	private void checkComplete() throws IOException {
		if (this.expectedBytes >= 0 && this.count < this.expectedBytes) {
			close();
			throw new CutShort(this.count, this.expectedBytes);
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

	/** The body ended before the length its headers announced: the connection broke. */
	static final class CutShort extends EOFException {

		private static final long serialVersionUID = 1L;

		CutShort(long received, long expected) {
			super("the response body ended after " + received + " of its " + expected + " bytes");
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
