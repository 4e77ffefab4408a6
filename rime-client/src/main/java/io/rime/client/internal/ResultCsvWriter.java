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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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
	 * @param batches test type to batch result, for display names and categories
	 * @param pages the test cases, one page per call, an empty list at the end; may throw
	 * @throws UncheckedIOException if the file cannot be written
	 */
	public static void write(Path file, CsvFormat format, Map<String, Wire.BatchResult> batches, PageSource pages) {
		Path target = file.toAbsolutePath();
		Path temporary = null;
		try {
			// Not Files.createTempFile: its file is rw------- whatever the umask, and the moved result would keep
			// that, so a shared results folder could not read it. CREATE_NEW still never reuses a file.
			temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				writeRow(writer, format.header());
				for (List<Wire.TestCase> page = pages.next(); !page.isEmpty(); page = pages.next()) {
					for (Wire.TestCase testCase : page) {
						writeRow(writer, row(format, testCase, batches.get(testCase.testBatchType())));
					}
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

	private static List<String> row(CsvFormat format, Wire.TestCase testCase, Wire.@Nullable BatchResult batch) {
		String testType = orDefault(testCase.testBatchType(), "");
		List<String> row = new ArrayList<>(format.header().size());
		row.add((batch != null && batch.testName() != null) ? batch.testName() : testType);
		row.add((testCase.features() != null) ? String.join(",", testCase.features()) : "");
		row.add(status(testCase.status()));
		if (format == CsvFormat.V1_0_0) {
			row.add(testType);
			row.add(orDefault(testCase.severity(), "SEVERITY_UNSPECIFIED"));
			row.add(Double.toString((testCase.importanceScore() != null) ? testCase.importanceScore() : 0.0));
			String category = (testCase.testCategory() != null) ? testCase.testCategory()
					: (batch != null) ? batch.testCategory() : null;
			row.add(orDefault(category, "TEST_CATEGORY_TYPE_UNSPECIFIED"));
		}
		return row;
	}

	// Servers leave out the zero value (PASS_UNSPECIFIED); the CSV formats name it PASS.
	private static String status(@Nullable String status) {
		return (status == null || status.isEmpty() || status.equals("TEST_CASE_STATUS_PASS_UNSPECIFIED"))
				? "TEST_CASE_STATUS_PASS" : status;
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

	private static String orDefault(@Nullable String value, String fallback) {
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

	/**
	 * Supplies test cases page by page, so only one page is in memory.
	 */
	@FunctionalInterface
	public interface PageSource {

		/**
		 * Return the next page.
		 * @return the test cases, empty when there are no more
		 */
		List<Wire.TestCase> next();

	}

}
