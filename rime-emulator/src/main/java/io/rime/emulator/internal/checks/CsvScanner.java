package io.rime.emulator.internal.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an RFC 4180 CSV file record by record without a String per field: quoted fields with
 * doubled quotes, commas and line breaks inside quotes, CRLF or LF line ends, a UTF-8 byte order
 * mark, and blank lines skipped (as pandas reads a CSV). A record's unquoted field bytes are
 * copied into one reused array.
 */
final class CsvScanner implements AutoCloseable {

	private static final int BUFFER = 1 << 16;

	private final String name;

	private final InputStream in;

	private final byte[] buffer = new byte[BUFFER];

	private int position;

	private int limit;

	private long bytesRead;

	private long line = 1;

	private long recordLine;

	private byte[] fields = new byte[1024];

	private int[] ends = new int[64];

	private int fieldCount;

	private int columns = -1;

	CsvScanner(Path file, String name) {
		this.name = name;
		try {
			this.in = Files.newInputStream(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("data file '" + name + "' cannot be read: " + ex.getMessage(), ex);
		}
		if (peek() == 0xEF && this.limit - this.position >= 3 && (this.buffer[this.position + 1] & 0xFF) == 0xBB
				&& (this.buffer[this.position + 2] & 0xFF) == 0xBF) {
			this.position += 3;
		}
	}

	/**
	 * Reads the header.
	 * @return the column names
	 * @throws MalformedCsvException when the file is empty or a name repeats
	 */
	List<String> header() {
		if (!next()) {
			throw new MalformedCsvException(this.name, 1, "the file is empty; expected a header row");
		}
		List<String> header = new ArrayList<>(this.fieldCount);
		for (int i = 0; i < this.fieldCount; i++) {
			String column = text(i).trim();
			if (header.contains(column)) {
				throw new MalformedCsvException(this.name, this.recordLine, "column '" + column + "' appears twice");
			}
			header.add(column);
		}
		this.columns = this.fieldCount;
		return header;
	}

	/**
	 * Reads the next record.
	 * @return false at the end of the file
	 * @throws MalformedCsvException on bad quoting, or a record whose field count differs from the
	 * header's
	 */
	boolean next() {
		int c;
		do {
			c = peek();
			if (c == '\r' || c == '\n') {
				read();
				if (c == '\n') {
					this.line++;
				}
			}
		}
		while (c == '\r' || c == '\n');
		if (c < 0) {
			return false;
		}
		this.recordLine = this.line;
		this.fieldCount = 0;
		int length = 0;
		while (true) {
			c = read();
			if (c == '"') {
				length = quoted(length);
				c = read();
				if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
					throw new MalformedCsvException(this.name, this.line,
							"a quoted field is followed by '" + (char) c + "' instead of a comma or the line end");
				}
			}
			else {
				while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
					if (c == '"') {
						throw new MalformedCsvException(this.name, this.line,
								"a quote inside an unquoted field; quote the whole field and double its quotes");
					}
					length = put(length, c);
					c = read();
				}
			}
			if (c == '\r') {
				if (peek() != '\n') {
					throw new MalformedCsvException(this.name, this.line, "a carriage return without a line feed");
				}
				c = read();
			}
			endField(length);
			if (c != ',') {
				if (c == '\n') {
					this.line++;
				}
				break;
			}
		}
		if (this.columns >= 0 && this.fieldCount != this.columns) {
			throw new MalformedCsvException(this.name, this.recordLine,
					this.fieldCount + " fields, but the header has " + this.columns);
		}
		return true;
	}

	private int quoted(int start) {
		int length = start;
		long opened = this.line;
		while (true) {
			int c = read();
			if (c < 0) {
				throw new MalformedCsvException(this.name, opened, "a quoted field is not closed before the end of the file");
			}
			if (c == '"') {
				if (peek() != '"') {
					return length;
				}
				read();
			}
			else if (c == '\n') {
				this.line++;
			}
			length = put(length, c);
		}
	}

	private int put(int length, int c) {
		if (length == this.fields.length) {
			this.fields = Arrays.copyOf(this.fields, length * 2);
		}
		this.fields[length] = (byte) c;
		return length + 1;
	}

	private void endField(int length) {
		if (this.fieldCount == this.ends.length) {
			this.ends = Arrays.copyOf(this.ends, this.fieldCount * 2);
		}
		this.ends[this.fieldCount++] = length;
	}

	private int peek() {
		if (this.position == this.limit && !fill()) {
			return -1;
		}
		return this.buffer[this.position] & 0xFF;
	}

	private int read() {
		if (this.position == this.limit && !fill()) {
			return -1;
		}
		return this.buffer[this.position++] & 0xFF;
	}

	private boolean fill() {
		try {
			int n = this.in.read(this.buffer, 0, BUFFER);
			if (n <= 0) {
				return false;
			}
			this.position = 0;
			this.limit = n;
			this.bytesRead += n;
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("data file '" + this.name + "' cannot be read: " + ex.getMessage(), ex);
		}
	}

	int fieldCount() {
		return this.fieldCount;
	}

	/** The bytes of the current record's fields, unquoted, one after the other. */
	byte[] bytes() {
		return this.fields;
	}

	int start(int field) {
		return (field == 0) ? 0 : this.ends[field - 1];
	}

	int end(int field) {
		return this.ends[field];
	}

	String text(int field) {
		return new String(this.fields, start(field), end(field) - start(field), StandardCharsets.UTF_8);
	}

	/** The line on which the current record starts. */
	long line() {
		return this.recordLine;
	}

	long bytesRead() {
		return this.bytesRead;
	}

	String name() {
		return this.name;
	}

	@Override
	public void close() {
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// nothing was written, so a failed close loses nothing
		}
	}

}
