package io.rime.client.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.rime.client.results.TestCase;

/**
 * Writes test cases as a results CSV (RFC 4180: CRLF, fields quoted only when needed). The file
 * appears complete or not at all: rows go to a temporary file beside the target, which is moved
 * into place at the end and deleted on any failure.
 */
final class ResultCsvWriter {

	private ResultCsvWriter() {
	}

	/**
	 * Write the CSV.
	 * @param file the target; an existing file is replaced
	 * @param format the format
	 * @param testCases the test cases, read as they are written; may throw
	 * @throws UncheckedIOException if the file cannot be written
	 */
	public static void write(Path file, CsvFormat format, Stream<TestCase> testCases) {
		Path target = file.toAbsolutePath();
		Path temporary = null;
		try {
			// Not Files.createTempFile: its file is rw------- whatever the umask, and the moved result would keep
			// that, so a shared results folder could not read it. CREATE_NEW still never reuses a file.
			temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				writeRow(writer, format.header());
				Iterator<TestCase> cases = testCases.iterator();
				while (cases.hasNext()) {
					writeRow(writer, row(format, cases.next()));
				}
			}
			move(temporary, target);
			temporary = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the results CSV " + target + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	private static List<String> row(CsvFormat format, TestCase testCase) {
		List<String> row = new ArrayList<>(format.header().size());
		row.add(testCase.testName());
		row.add(String.join(",", testCase.features()));
		row.add(testCase.status().wireName());
		if (format == CsvFormat.V1_0_0) {
			row.add(testCase.testType());
			row.add(testCase.severity().wireName());
			row.add(Double.toString(testCase.importanceScore()));
			row.add(testCase.category().wireName());
		}
		return row;
	}

	private static void writeRow(Writer writer, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(quote(fields.get(i)));
		}
		writer.write("\r\n");
	}

	static String quote(String field) {
		boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
				|| field.indexOf('\r') >= 0;
		return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
	}

	private static void move(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(@Nullable Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				// The original failure matters more than a leftover temporary file.
			}
		}
	}

}
