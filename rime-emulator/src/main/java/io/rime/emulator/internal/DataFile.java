package io.rime.emulator.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads what the emulator needs of a dataset or model path. Local files (a plain path or a
 * {@code file:} URI) are read; remote ones ({@code s3://…} and the like) are taken as given.
 */
final class DataFile {

	/** The features of a remote dataset, which the emulator cannot read. */
	static final List<String> REMOTE_FEATURES = List.of("Pclass", "Sex", "Age", "SibSp", "Parch", "Fare",
			"Embarked");

	private static final int MAX_HEADER_LENGTH = 64 * 1024;

	private DataFile() {
	}

	static Inspection inspect(String path, @Nullable String labelCol) {
		Path file = localFile(path);
		if (file == null) {
			List<String> features = new ArrayList<>(REMOTE_FEATURES);
			features.remove(labelCol);
			return new Inspection(features, null);
		}
		if (!Files.isRegularFile(file)) {
			return new Inspection(List.of(), "data file '" + path + "' does not exist or is not a file");
		}
		List<String> columns;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			char[] buffer = new char[MAX_HEADER_LENGTH];
			int length = reader.read(buffer);
			String text = (length > 0) ? new String(buffer, 0, length) : "";
			int newline = text.indexOf('\n');
			columns = parseHeader((newline < 0) ? text : text.substring(0, newline));
		}
		catch (IOException ex) {
			return new Inspection(List.of(), "data file '" + path + "' cannot be read: " + ex.getMessage());
		}
		if (columns.isEmpty()) {
			return new Inspection(List.of(), "data file '" + path + "' has no CSV header");
		}
		if (labelCol != null && !columns.contains(labelCol)) {
			return new Inspection(List.of(), "label column '" + labelCol + "' is not in data file '" + path
					+ "'; its columns are " + String.join(", ", columns));
		}
		List<String> features = new ArrayList<>(columns);
		features.remove(labelCol);
		return new Inspection(features, null);
	}

	static @Nullable String missingLocalFile(String path, String what) {
		Path file = localFile(path);
		return (file != null && !Files.isRegularFile(file)) ? what + " '" + path + "' does not exist" : null;
	}

	/**
	 * Returns the local file a path names: a plain path or a {@code file:} URI.
	 * @param path the path
	 * @return the file, or {@code null} for a remote path
	 */
	static @Nullable Path localFile(String path) {
		try {
			if (path.startsWith("file:")) {
				return Path.of(URI.create(path));
			}
			return path.contains("://") ? null : Path.of(path);
		}
		catch (IllegalArgumentException | FileSystemNotFoundException ex) {
			// not a usable local path: validation reports it as a missing file
			return Path.of("");
		}
	}

	static List<String> parseHeader(String line) {
		List<String> columns = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				columns.add(current.toString().trim());
				current.setLength(0);
			}
			else if (c != '\r' && c != '\uFEFF') {
				current.append(c);
			}
		}
		if (!current.isEmpty() || !columns.isEmpty()) {
			columns.add(current.toString().trim());
		}
		columns.removeIf(String::isEmpty);
		return columns;
	}

	/**
	 * What a dataset gives a stress test.
	 *
	 * @param features the feature columns (all columns but the label)
	 * @param problem why validation fails, or {@code null} when it succeeds
	 */
	record Inspection(List<String> features, @Nullable String problem) {
	}

}
