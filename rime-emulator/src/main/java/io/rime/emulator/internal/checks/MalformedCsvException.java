package io.rime.emulator.internal.checks;

/**
 * A CSV file that cannot be read as a table; the message names the file, the line and the
 * problem.
 */
public final class MalformedCsvException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	MalformedCsvException(String file, long line, String problem) {
		super("data file '" + file + "', line " + line + ": " + problem);
	}

}
