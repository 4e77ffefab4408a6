package io.rime.client.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The fault matrix as Markdown (one row per operation, one column per fault) with the failure
 * messages a user would read, the invariants and a summary.
 *
 * @param cells every cell, row by row
 * @param total the time the whole matrix took
 * @param threadsBefore live threads before the matrix, the emulator's not counted
 * @param threadsAfter live threads after it, the emulator's not counted
 * @param leakedThreads threads started during the matrix that outlived it
 * @param connectionsBefore client connections to the emulator before the matrix, -1 if not counted
 * @param connectionsAfter client connections to the emulator after it, -1 if not counted
 */
record FaultMatrixReport(List<CellResult> cells, Duration total, long threadsBefore, long threadsAfter,
		Set<String> leakedThreads, int connectionsBefore, int connectionsAfter) {

	List<CellResult> deviating() {
		return select((cell) -> !cell.deviations().isEmpty());
	}

	List<CellResult> violating() {
		return select((cell) -> !cell.violations().isEmpty());
	}

	Duration maxElapsed() {
		return this.cells.stream().map(CellResult::elapsed).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
	}

	String summary() {
		long asExpected = count((cell) -> cell.deviations().isEmpty());
		long retried = count((cell) -> cell.actual().equals("OK") && cell.faultHit() && cell.fault() != FaultCase.NONE);
		long typed = count((cell) -> !cell.actual().equals("OK"));
		long notHit = count((cell) -> !cell.faultHit());
		long late = count((cell) -> cell.deviations().stream().anyMatch((deviation) -> deviation.startsWith("took")));
		long duplicates = count((cell) -> cell.violations().stream().anyMatch((v) -> v.startsWith("duplicate")));
		long partialFiles = count((cell) -> cell.violations().stream().anyMatch((v) -> v.contains("file")));
		long keyLeaks = count((cell) -> cell.violations().stream().anyMatch((v) -> v.contains("API key")));
		return String.format("""
				Fault matrix: %d operations x %d faults = %d cells in %.1f s
				| cells | as expected | differing | OK after the fault fired | typed failures | fault not hit | past deadline + margin | max elapsed |
				|---|---|---|---|---|---|---|---|
				| %d | %d | %d | %d | %d | %d | %d | %s |
				| duplicate jobs or projects | partial or temporary files | API key shown | threads before / after | threads leaked | connections before / after |
				|---|---|---|---|---|---|
				| %d | %d | %d | %d / %d | %d %s | %s |
				""", MatrixOperation.values().length, FaultCase.values().length, this.cells.size(),
				this.total.toMillis() / 1000.0, this.cells.size(), asExpected, this.cells.size() - asExpected, retried,
				typed, notHit, late, CellResult.millis(maxElapsed()), duplicates, partialFiles, keyLeaks,
				this.threadsBefore, this.threadsAfter, this.leakedThreads.size(),
				this.leakedThreads.isEmpty() ? "" : this.leakedThreads.toString(),
				(this.connectionsBefore < 0) ? "not counted (no /proc/net/tcp)"
						: this.connectionsBefore + " / " + this.connectionsAfter);
	}

	String markdown() {
		StringBuilder md = new StringBuilder("# RIME client fault matrix\n\n");
		md.append("Each cell: ✓ and the outcome when it is what the hand-written table of expected outcomes ")
			.append("(`ExpectedOutcomes`, from the documented retry rules) says, else ✗ with expected and actual; ")
			.append("then the HTTP requests the server saw (for refused connections: attempts) and the time taken. ")
			.append("OK is success, after retries where requests > 1; ApiNNN a RimeApiException with that HTTP ")
			.append("status, Conn a RimeConnectionException, Rime a RimeException; – marks a fault that cannot ")
			.append("reach the operation and must not fire; **!** a broken invariant. A cell also differs when ")
			.append("the fault did not fire where it must, or the call ran past its deadline plus the margin.\n\n")
			.append("Client: read and connect timeouts ").append(CellResult.millis(MatrixFixture.READ_TIMEOUT))
			.append(", 3 retries backing off 20 to 100 ms, a call and its retries end by ")
			.append(CellResult.millis(MatrixFixture.RETRY_TIMEOUT)).append(", a call that reads pages by ")
			.append(CellResult.millis(MatrixFixture.LISTING_TIMEOUT)).append(" (plus a page in flight), seed-form ")
			.append("validation waits ").append(CellResult.millis(MatrixFixture.VALIDATION_TIMEOUT))
			.append(", Retry-After honoured up to 100 ms; margin per cell ")
			.append(CellResult.millis(MatrixFixture.MARGIN)).append(".\n\n| operation | deadline |");
		for (FaultCase fault : FaultCase.values()) {
			md.append(' ').append(fault.label()).append(" |");
		}
		md.append("\n|---|---|").append("---|".repeat(FaultCase.values().length)).append('\n');
		for (MatrixOperation operation : MatrixOperation.values()) {
			md.append("| ").append(operation.label()).append(" | ").append(CellResult.millis(operation.deadline()))
				.append(" |");
			for (FaultCase fault : FaultCase.values()) {
				md.append(' ').append(cell(operation, fault).shown()).append(" |");
			}
			md.append('\n');
		}
		md.append("\n## Expected outcomes\n\nThe hand-written table every cell above is checked against (")
			.append("`ExpectedOutcomes`); – is success where the fault cannot reach the operation.\n\n| operation |");
		for (FaultCase fault : FaultCase.values()) {
			md.append(' ').append(fault.label()).append(" |");
		}
		md.append("\n|---|").append("---|".repeat(FaultCase.values().length)).append('\n');
		for (MatrixOperation operation : MatrixOperation.values()) {
			md.append("| ").append(operation.label()).append(" |");
			for (FaultCase fault : FaultCase.values()) {
				ExpectedOutcomes.Expected expected = ExpectedOutcomes.of(operation, fault);
				md.append(' ').append(expected.faultFires() ? expected.outcome() : "–").append(" |");
			}
			md.append('\n');
		}
		md.append("\n## Faults\n\n| column | fault |\n|---|---|\n");
		for (FaultCase fault : FaultCase.values()) {
			md.append("| ").append(fault.label()).append(" | ").append(fault.description()).append(" |\n");
		}
		md.append("\n## What a user reads\n\nThe distinct failure messages per fault, ids shortened.\n\n");
		messages().forEach((fault, messages) -> {
			md.append("### ").append(fault.label()).append("\n\n");
			messages.forEach((message) -> md.append("- ").append(message).append('\n'));
			md.append('\n');
		});
		md.append("## Cells that differ from the expected table\n\n");
		deviating().forEach((cell) -> md.append("- ").append(cell.operation().label()).append(" / ")
			.append(cell.fault().label()).append(": ").append(String.join("; ", cell.deviations()))
			.append((cell.message() != null) ? " (" + cell.message() + ")" : "").append('\n'));
		md.append(deviating().isEmpty() ? "None.\n\n" : "\n");
		md.append("## Invariants and summary\n\n").append(summary());
		violating().forEach((cell) -> md.append("\n- ").append(cell.operation().label()).append(" / ")
			.append(cell.fault().label()).append(": ").append(cell.violations()));
		return md.append('\n').toString();
	}

	void write(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, markdown());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Map<FaultCase, Set<String>> messages() {
		Map<FaultCase, Set<String>> messages = new LinkedHashMap<>();
		for (CellResult cell : this.cells) {
			if (cell.message() != null) {
				messages.computeIfAbsent(cell.fault(), (fault) -> new TreeSet<>())
					.add(cell.exception() + ": " + cell.message()
						.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
						.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>"));
			}
		}
		return messages;
	}

	private CellResult cell(MatrixOperation operation, FaultCase fault) {
		return this.cells.stream()
			.filter((cell) -> cell.operation() == operation && cell.fault() == fault)
			.findFirst()
			.orElseThrow();
	}

	private List<CellResult> select(Predicate<CellResult> condition) {
		return this.cells.stream().filter(condition).toList();
	}

	private long count(Predicate<CellResult> condition) {
		return this.cells.stream().filter(condition).count();
	}

}
