package io.rime.client.reliability;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How one operation fared under one fault.
 *
 * @param operation the row
 * @param fault the column
 * @param outcome success, a typed failure, or anything else
 * @param exception the simple name of what was thrown, or {@code null} on success
 * @param message the message of what was thrown, or {@code null} on success
 * @param attempts the HTTP requests the server saw (for refused connections: the attempts made)
 * @param elapsed the time the operation took
 * @param faultHit whether the fault fired at all; some faults cannot touch some operations
 * @param violations broken invariants: duplicates, partial files, a leaked API key
 */
record CellResult(MatrixOperation operation, FaultCase fault, Outcome outcome, @Nullable String exception,
		@Nullable String message, int attempts, Duration elapsed, boolean faultHit, List<String> violations) {

	/** The three ends a cell may come to. */
	enum Outcome {

		OK, TYPED_FAILURE, UNEXPECTED

	}

	/**
	 * Return the cell as the matrix shows it: outcome, attempts, elapsed time.
	 * @return the text
	 */
	String shown() {
		String result = switch (this.outcome) {
			case OK -> "OK";
			case TYPED_FAILURE -> abbreviated(this.exception);
			case UNEXPECTED -> "**" + this.exception + "**";
		};
		String hit = this.faultHit ? "" : "– ";
		String broken = this.violations.isEmpty() ? "" : " **!**";
		return hit + result + " · " + this.attempts + " · " + millis(this.elapsed) + broken;
	}

	private static String abbreviated(@Nullable String exception) {
		if (exception == null) {
			return "?";
		}
		return exception.replace("RimeApiException", "Api").replace("RimeConnectionException", "Conn")
			.replace("RimeException", "Rime").replace("IllegalStateException", "ISE");
	}

	static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

}
