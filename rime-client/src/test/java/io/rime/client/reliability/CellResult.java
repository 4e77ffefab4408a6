package io.rime.client.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How one operation fared under one fault, next to what {@link ExpectedOutcomes} says it must.
 *
 * @param operation the row
 * @param fault the column
 * @param expected the hand-written expectation
 * @param actual the outcome as a token of the expected table: {@code OK}, {@code Conn},
 * {@code ApiNNN}, {@code Rime}, or the simple name of anything else thrown, or {@code hang}
 * @param exception the simple name of what was thrown, or {@code null} on success
 * @param message the message of what was thrown, or {@code null} on success
 * @param actionable whether a failure's message says what happened in words (always on success)
 * @param attempts the HTTP requests the server saw (for refused connections: the attempts made)
 * @param elapsed the time the operation took
 * @param faultHit whether the fault fired at all
 * @param violations broken invariants: duplicates, partial files, a leaked API key
 */
record CellResult(MatrixOperation operation, FaultCase fault, ExpectedOutcomes.Expected expected, String actual,
		@Nullable String exception, @Nullable String message, boolean actionable, int attempts, Duration elapsed,
		boolean faultHit, List<String> violations) {

	/**
	 * Return how the cell differs from its expectation, empty if it does not.
	 * @return the deviations, in words
	 */
	List<String> deviations() {
		List<String> deviations = new ArrayList<>();
		if (!this.actual.equals(this.expected.outcome())) {
			deviations.add("expected " + this.expected.outcome() + ", got " + this.actual);
		}
		if (this.fault.target() == FaultCase.Target.EMULATOR && !this.fault.faults().isEmpty()
				&& this.faultHit != this.expected.faultFires()) {
			deviations.add(this.expected.faultFires() ? "the fault never fired" : "the fault fired, though it cannot reach the operation");
		}
		if (!this.actionable) {
			deviations.add("the message does not say what happened in words");
		}
		Duration bound = this.operation.deadline().plus(MatrixFixture.MARGIN);
		if (this.elapsed.compareTo(bound) > 0) {
			deviations.add("took " + millis(this.elapsed) + ", past its deadline and margin of " + millis(bound));
		}
		return deviations;
	}

	/**
	 * Return the cell as the matrix shows it: expected and actual outcome, attempts, elapsed time.
	 * @return the text
	 */
	String shown() {
		boolean asExpected = deviations().isEmpty();
		String outcome = asExpected ? "✓ " + (this.expected.faultFires() ? this.actual : "– " + this.actual)
				: "✗ expected " + this.expected + ", got **" + this.actual + (this.faultHit ? "" : " (not hit)") + "**";
		String broken = this.violations.isEmpty() ? "" : " **!**";
		return outcome + " · " + this.attempts + " · " + millis(this.elapsed) + broken;
	}

	static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

}
