package io.rime.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rime.client.ClosedPort;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeConnectionException;
import io.rime.client.RimeException;
import io.rime.emulator.Faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every public operation under every fault RIME or the network can throw at it: each must end in
 * success or in one typed exception that says what went wrong, within its deadline, without
 * duplicate jobs, partial result files, leaked threads or connections, or a shown API key. Writes
 * the matrix to {@code target/reliability/fault-matrix.md} and prints a summary.
 */
@Tag("slow")
class FaultMatrixTest {

	private static final Path OUTPUT = Path.of("target", "reliability");

	/**
	 * Past this, a cell is abandoned as hung: well past every operation's deadline, so that a cell
	 * that is merely late is reported with its time rather than cut off.
	 */
	private static final Duration HANG_BOUND = Duration.ofSeconds(60);

	private static final Duration SETTLE_TIME = Duration.ofSeconds(30);

	private static final String PREVIOUS_RESULTS = "results of an earlier download\r\n";

	/** The emulator's threads are its own business: a stalled request holds one until it stops. */
	private static final List<String> NOT_OURS = List.of("rime-emulator-");

	@Test
	void everyOperationUnderEveryFaultEndsAsTheRetryRulesSayWithinItsDeadlineAndLeavesNothingBehind() throws Exception {
		deleteRecursively(OUTPUT.resolve("files"));
		try (MatrixFixture fixture = new MatrixFixture(); HostileServer resetting = new HostileServer();
				ClosedPort refusing = ClosedPort.reserve()) {
			ExecutorService runner = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "fault-matrix-cell");
				thread.setDaemon(true);
				return thread;
			});
			Map<Long, String> threadsBefore = Resources.threads();
			int connectionsBefore = Resources.openConnectionsTo(fixture.emulator().port());
			Cells cells = new Cells(fixture, resetting, refusing.uri(), runner);
			long start = System.nanoTime();
			List<CellResult> results = new ArrayList<>();
			for (MatrixOperation operation : MatrixOperation.values()) {
				for (FaultCase fault : FaultCase.values()) {
					results.add(cells.run(operation, fault));
				}
			}
			Duration total = Duration.ofNanos(System.nanoTime() - start);
			runner.shutdown();
			assertThat(runner.awaitTermination(HANG_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
			Set<String> leakedThreads = settled(() -> Resources.newThreads(threadsBefore, NOT_OURS), Set::isEmpty);
			int connectionsAfter = settled(() -> Resources.openConnectionsTo(fixture.emulator().port()),
					(open) -> open <= connectionsBefore);
			FaultMatrixReport report = new FaultMatrixReport(results, total, Resources.count(threadsBefore, NOT_OURS),
					Resources.count(Resources.threads(), NOT_OURS), leakedThreads, connectionsBefore, connectionsAfter);
			report.write(OUTPUT.resolve("fault-matrix.md"));
			System.out.println(report.summary());

			assertThat(results).hasSize(MatrixOperation.values().length * FaultCase.values().length);
			assertThat(report.deviating()).as("cells that differ from the expected table (see " + OUTPUT
					.resolve("fault-matrix.md") + ")")
				.extracting((cell) -> cell.operation() + " / " + cell.fault().label() + ": " + cell.deviations())
				.isEmpty();
			assertThat(report.violating()).as("cells that broke an invariant").isEmpty();
			assertThat(leakedThreads).as("threads started during the matrix and still alive").isEmpty();
			assertThat(connectionsAfter).as("client connections to the emulator after the matrix")
				.isLessThanOrEqualTo(connectionsBefore);
		}
	}

	// Idle keep-alive connections go after a few seconds, not at once. Polled on this thread, since
	// Awaitility's own thread would count as a new one.
	private static <T> T settled(Supplier<T> value, Predicate<T> done) {
		try {
			await().pollInSameThread().atMost(SETTLE_TIME).until(value::get, done::test);
		}
		catch (ConditionTimeoutException ex) {
			// reported and asserted by the caller
		}
		return value.get();
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	/** Runs cells: arms the fault, runs the operation on a bounded worker, checks the invariants. */
	private record Cells(MatrixFixture fixture, HostileServer resetting, URI nothingListens, ExecutorService runner) {

		CellResult run(MatrixOperation operation, FaultCase fault) throws Exception {
			Path directory = Files.createDirectories(OUTPUT.resolve("files").resolve(operation + "-" + fault));
			Path resultFile = directory.resolve("results.csv");
			if (operation.writesResults()) {
				Files.writeString(resultFile, PREVIOUS_RESULTS);
			}
			MatrixOperation.Call call = operation.prepare(this.fixture, resultFile);
			long createdBefore = created(operation.creates());
			AtomicInteger retries = new AtomicInteger();
			ByteArrayOutputStream verbose = new ByteArrayOutputStream();
			Faults faults = this.fixture.emulator().faults();
			long injectedBefore = faults.injected();
			int requestsBefore = this.fixture.emulator().requests().size();
			int resetsBefore = this.resetting.requests();
			fault.faults().forEach(faults::add);
			Throwable failure = null;
			boolean hung = false;
			long start = System.nanoTime();
			try (RimeClient client = this.fixture.client(address(fault), retries,
					new PrintStream(verbose, true, StandardCharsets.UTF_8))) {
				Future<Object> result = this.runner.submit(() -> call.run(client));
				try {
					result.get(HANG_BOUND.toNanos(), TimeUnit.NANOSECONDS);
				}
				catch (ExecutionException ex) {
					failure = unwrapped(ex.getCause());
				}
				catch (TimeoutException ex) {
					hung = true;
					result.cancel(true);
				}
			}
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			faults.clear();
			int attempts = switch (fault.target()) {
				case EMULATOR -> this.fixture.emulator().requests().size() - requestsBefore;
				case RESETTING_SERVER -> this.resetting.requests() - resetsBefore;
				case NOTHING_LISTENS -> retries.get() + 1;
			};
			boolean faultHit = fault.target() != FaultCase.Target.EMULATOR || fault.faults().isEmpty()
					|| faults.injected() > injectedBefore;
			List<String> violations = new ArrayList<>();
			checkCreated(operation.creates(), createdBefore, violations);
			if (operation.writesResults()) {
				checkResultFile(directory, resultFile, failure == null && !hung, violations);
			}
			checkApiKeyHidden(failure, verbose.toString(StandardCharsets.UTF_8), violations);
			return classify(operation, fault, failure, hung, attempts, elapsed, faultHit, violations);
		}

		private URI address(FaultCase fault) {
			return switch (fault.target()) {
				case EMULATOR -> this.fixture.emulator().baseUrl();
				case RESETTING_SERVER -> this.resetting.address();
				case NOTHING_LISTENS -> this.nothingListens;
			};
		}

		private long created(MatrixOperation.Creates creates) {
			return switch (creates) {
				case NOTHING -> 0;
				case PROJECT -> this.fixture.projectCount();
				case JOB -> this.fixture.jobCount();
				case DATASET -> this.fixture.datasetCount();
				case MODEL -> this.fixture.modelCount();
			};
		}

		private void checkCreated(MatrixOperation.Creates creates, long before, List<String> violations) {
			long created = created(creates) - before;
			if (created > 1) {
				violations.add("duplicate: one call created " + created + " " + creates.name().toLowerCase() + "s");
			}
		}

		private static void checkResultFile(Path directory, Path resultFile, boolean succeeded, List<String> violations)
				throws IOException {
			try (Stream<Path> files = Files.list(directory)) {
				files.filter((file) -> !file.equals(resultFile))
					.forEach((file) -> violations.add("temporary file left: " + file.getFileName()));
			}
			List<String> lines = Files.readAllLines(resultFile);
			if (succeeded && lines.size() != MatrixFixture.TEST_CASES_PER_RUN + 1) {
				violations.add("partial file: " + lines.size() + " lines, expected a header and "
						+ MatrixFixture.TEST_CASES_PER_RUN + " test cases");
			}
			if (!succeeded && !Files.readString(resultFile).equals(PREVIOUS_RESULTS)) {
				violations.add("the earlier result file was changed by a failed download");
			}
		}

		private static void checkApiKeyHidden(@Nullable Throwable failure, String verboseOutput,
				List<String> violations) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (String.valueOf(cause.getMessage()).contains(MatrixFixture.API_KEY)) {
					violations.add("API key shown in the message of " + cause.getClass().getSimpleName());
				}
			}
			if (verboseOutput.contains(MatrixFixture.API_KEY)) {
				violations.add("API key shown in the verbose output");
			}
		}

		private static CellResult classify(MatrixOperation operation, FaultCase fault, @Nullable Throwable failure,
				boolean hung, int attempts, Duration elapsed, boolean faultHit, List<String> violations) {
			ExpectedOutcomes.Expected expected = ExpectedOutcomes.of(operation, fault);
			if (hung) {
				return new CellResult(operation, fault, expected, "hang", null, "no outcome within " + HANG_BOUND, true,
						attempts, elapsed, faultHit, violations);
			}
			if (failure == null) {
				return new CellResult(operation, fault, expected, "OK", null, null, true, attempts, elapsed, faultHit,
						violations);
			}
			String exception = (failure instanceof RimeApiException api)
					? failure.getClass().getSimpleName() + " " + api.getHttpStatus() : failure.getClass().getSimpleName();
			return new CellResult(operation, fault, expected, token(failure), exception, failure.getMessage(),
					actionable(failure.getMessage()), attempts, elapsed, faultHit, violations);
		}

		// The outcome as the expected table writes it; exact classes, so a subclass cannot pass for another.
		private static String token(Throwable failure) {
			if (failure instanceof RimeApiException api) {
				return "Api" + api.getHttpStatus();
			}
			if (failure.getClass() == RimeConnectionException.class) {
				return "Conn";
			}
			return (failure.getClass() == RimeException.class) ? "Rime" : failure.getClass().getSimpleName();
		}

		// A message a user can act on says that RIME (or a job of it) is concerned and what happened,
		// in words: not raw markup, nor a JSON parser's complaint about it.
		private static boolean actionable(@Nullable String message) {
			if (message == null || message.length() < 20 || !(message.contains("RIME") || message.contains("Job"))) {
				return false;
			}
			String lower = message.toLowerCase(Locale.ROOT);
			return !lower.contains("<html") && !lower.contains("<!doctype") && !message.contains("'<'");
		}

		private static Throwable unwrapped(Throwable failure) {
			return (failure instanceof CompletionException || failure instanceof ExecutionException)
					&& failure.getCause() != null ? failure.getCause() : failure;
		}

	}

}
