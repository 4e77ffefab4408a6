package io.rime.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a results CSV says, in brief: how many test cases ended in each status, and which tests
 * failed on which features.
 *
 * @param testCases the number of test cases (rows)
 * @param countsByStatus test cases per status, without the {@code TEST_CASE_STATUS_} prefix,
 * in the order PASS, WARNING, FAIL, SKIP, then any other status in order of appearance
 * @param failingTests the features each failing test failed on, by test name in order of
 * appearance
 */
public record ResultsSummary(int testCases, Map<String, Integer> countsByStatus,
		Map<String, Set<String>> failingTests) {

	static final String STATUS_PREFIX = "TEST_CASE_STATUS_";

	private static final List<String> STATUS_ORDER = List.of("PASS", "WARNING", "FAIL", "SKIP");

	/**
	 * Read a results CSV as {@code RimeStressTestJob.getResultCsv} writes it: a header with at
	 * least {@code test_name}, {@code feature(s)} and {@code status}, then one row per test case.
	 * @param file the CSV
	 * @return the summary
	 * @throws IOException if the file cannot be read or lacks those columns
	 */
	public static ResultsSummary read(Path file) throws IOException {
		// Row by row: memory depends on the distinct failing tests, not on the size of the file.
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<String> header = Csv.nextRow(reader);
			if (header == null) {
				throw new IOException(file + " is empty; expected a header row");
			}
			int name = column(header, "test_name", file);
			int features = column(header, "feature(s)", file);
			int status = column(header, "status", file);
			Map<String, Integer> counts = new LinkedHashMap<>();
			STATUS_ORDER.forEach((known) -> counts.put(known, 0));
			Map<String, Set<String>> failing = new LinkedHashMap<>();
			int testCases = 0;
			for (List<String> row = Csv.nextRow(reader); row != null; row = Csv.nextRow(reader)) {
				if (row.size() != header.size()) {
					throw new IOException(file + " has a row of " + row.size() + " fields; expected " + header.size());
				}
				testCases++;
				String shortStatus = row.get(status).startsWith(STATUS_PREFIX)
						? row.get(status).substring(STATUS_PREFIX.length()) : row.get(status);
				counts.merge(shortStatus, 1, Integer::sum);
				if (shortStatus.equals("FAIL")) {
					Set<String> failedOn = failing.computeIfAbsent(row.get(name), (key) -> new LinkedHashSet<>());
					if (!row.get(features).isEmpty()) {
						failedOn.add(row.get(features));
					}
				}
			}
			return new ResultsSummary(testCases, Collections.unmodifiableMap(counts),
					Collections.unmodifiableMap(failing));
		}
	}

	/**
	 * Return the number of failing test cases.
	 * @return the count of {@code FAIL} rows
	 */
	public int failures() {
		return this.countsByStatus.getOrDefault("FAIL", 0);
	}

	/**
	 * Return the counts as one line, such as {@code PASS 78, WARNING 16, FAIL 11, SKIP 5}.
	 * @return the counts
	 */
	public String countsLine() {
		return this.countsByStatus.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	private static int column(List<String> header, String name, Path file) throws IOException {
		int index = header.indexOf(name);
		if (index < 0) {
			throw new IOException(file + " has no '" + name + "' column; its columns are " + header);
		}
		return index;
	}

	/**
	 * A reader of RFC 4180 CSV: fields separated by commas, optionally quoted, quotes doubled.
	 */
	static final class Csv {

		private Csv() {
		}

		/**
		 * Read the next row.
		 * @param reader the CSV, positioned at the start of a row
		 * @return the row's fields, or {@code null} at the end of the file
		 * @throws IOException if the file cannot be read
		 */
		static @Nullable List<String> nextRow(BufferedReader reader) throws IOException {
			List<String> row = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean any = false;
			int c;
			while ((c = reader.read()) != -1) {
				any = true;
				if (quoted) {
					if (c == '"') {
						reader.mark(1);
						int next = reader.read();
						if (next == '"') {
							field.append('"');
						}
						else {
							quoted = false;
							if (next != -1) {
								reader.reset();
							}
						}
					}
					else {
						field.append((char) c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					row.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n') {
					row.add(field.toString());
					return row;
				}
				else if (c != '\r') {
					field.append((char) c);
				}
			}
			if (!any) {
				return null;
			}
			row.add(field.toString());
			return row;
		}

	}

}
