package io.rime.client;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.client.results.RimeTestRun;
import io.rime.client.results.Severity;
import io.rime.client.results.SummaryCounts;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;
import io.rime.client.results.TestCaseStatus;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;
import io.rime.emulator.SeededResults;
import io.rime.emulator.SeededResults.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Results with chosen statuses, seeded into the emulator and read over HTTP through the SDK's
 * typed results.
 */
class SeededResultsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final RimeEmulator emulator = TestRime.emulatorBuilder().clock(this.clock).build().start();

	private final RimeClient rime = TestRime.client(this.emulator);

	@AfterEach
	void close() {
		this.rime.close();
		this.emulator.close();
	}

	@Test
	void aSeededJobSucceededWithTheChosenStatusesAndTheirSeverities() {
		String projectId = this.emulator.seed().project("gate");
		String jobId = this.emulator.seed()
			.stressTest(projectId,
					SeededResults.empty()
						.batch("subset_accuracy", Status.PASS, Status.FAIL, Status.PASS)
						.batch("numeric_feature_drift", Status.WARNING, Status.SKIP)
						.batch("duplicate_rows", Status.PASS));

		RimeStressTestJob job = this.rime.job(jobId);
		RimeTestRun run = job.getTestRun();

		assertThat(job.getStatus().status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(run.summaryCounts()).isEqualTo(new SummaryCounts(6, 3, 1, 1, 1));
		assertThat(run.testBatches()).extracting(TestBatch::testType, TestBatch::severity)
			.containsExactly(tuple("subset_accuracy", Severity.ALERT),
					tuple("numeric_feature_drift", Severity.WARNING),
					tuple("duplicate_rows", Severity.PASS));
		assertThat(run.severityCounts().high()).isEqualTo(1);
		assertThat(run.severityCounts().low()).isEqualTo(1);
		assertThat(run.severityCounts().none()).isEqualTo(1);
		assertThat(run.hasFailures()).isTrue();
		assertThat(run.worstSeverity()).isEqualTo(Severity.ALERT);
		try (Stream<TestCase> cases = run.testCases()) {
			assertThat(cases.toList()).extracting(TestCase::status, TestCase::severity)
				.containsExactly(tuple(TestCaseStatus.PASS, Severity.PASS),
						tuple(TestCaseStatus.FAIL, Severity.ALERT),
						tuple(TestCaseStatus.PASS, Severity.PASS),
						tuple(TestCaseStatus.WARNING, Severity.WARNING),
						tuple(TestCaseStatus.SKIP, Severity.UNSPECIFIED),
						tuple(TestCaseStatus.PASS, Severity.PASS));
		}
		try (Stream<TestCase> failures = run.failures()) {
			assertThat(failures.toList()).singleElement().satisfies((failure) -> {
				assertThat(failure.testType()).isEqualTo("subset_accuracy");
				assertThat(failure.features()).isNotEmpty();
			});
		}
	}

	@Test
	void aSeededRunWithoutFailuresHasNone() {
		String projectId = this.emulator.seed().project("gate");
		String jobId = this.emulator.seed()
			.stressTest(projectId, SeededResults.empty().batch("subset_accuracy", Status.PASS, Status.WARNING));

		RimeTestRun run = this.rime.job(jobId).getTestRun();

		assertThat(run.hasFailures()).isFalse();
		assertThat(run.worstSeverity()).isEqualTo(Severity.WARNING);
		assertThat(run.summaryCounts()).isEqualTo(new SummaryCounts(2, 1, 1, 0, 0));
	}

	@Test
	void aSeededJobFinishingLaterHasItsChosenResultsOnlyOnceItSucceeded() {
		String projectId = this.emulator.seed().project("gate");
		String jobId = this.emulator.seed()
			.stressTestFinishingAt(projectId, this.clock.instant().plus(Duration.ofMinutes(5)),
					SeededResults.empty().batch("demographic_parity", Status.FAIL, Status.FAIL));
		RimeStressTestJob job = this.rime.job(jobId);

		assertThat(job.getStatus().status()).isEqualTo(JobStatus.RUNNING);
		assertThatIllegalStateException().isThrownBy(job::getTestRun);

		this.clock.advance(Duration.ofMinutes(5));

		assertThat(job.getTestRun().testBatches()).singleElement()
			.satisfies((batch) -> assertThat(batch.summaryCounts().fail()).isEqualTo(2));
	}

	@Test
	void seededResultsAreImmutableAndRefuseWhatRimeCouldNotAnswer() {
		SeededResults one = SeededResults.empty().batch("subset_accuracy", Status.PASS);

		one.batch("duplicate_rows", Status.FAIL);

		assertThat(one).hasToString("SeededResults[SeededBatch[testType=subset_accuracy, "
				+ "statuses=[TEST_CASE_STATUS_PASS_UNSPECIFIED]]]");
		assertThatIllegalArgumentException().isThrownBy(() -> one.batch("made_up_test", Status.PASS))
			.withMessageContaining("'made_up_test'")
			.withMessageContaining("subset_accuracy");
		assertThatIllegalArgumentException().isThrownBy(() -> one.batch("subset_accuracy", Status.FAIL))
			.withMessageContaining("already");
		assertThatIllegalArgumentException().isThrownBy(() -> one.batch("duplicate_rows"))
			.withMessageContaining("at least one");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.seed().stressTest("p", (SeededResults) null))
			.withMessageContaining("SeededResults");
	}

}
