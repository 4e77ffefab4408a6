package io.rime.client.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.api.Test;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.JobType;

import static org.assertj.core.api.Assertions.assertThat;

class WireMapperTests {

	@ParameterizedTest
	@CsvSource({ "JOB_STATUS_REQUESTED, PENDING", "JOB_STATUS_PENDING, PENDING", "JOB_STATUS_RUNNING, RUNNING",
			"JOB_STATUS_FAILED, FAILING", "JOB_STATUS_SUCCEEDED, SUCCEEDED", "JOB_STATUS_CANCELLED, CANCELLED",
			"JOB_STATUS_UNSPECIFIED, UNKNOWN_JOB_STATUS", "JOB_STATUS_ON_FIRE, UNKNOWN_JOB_STATUS",
			"'', UNKNOWN_JOB_STATUS" })
	void wireStatusesMapToTheSeedsStatuses(String wire, JobStatus expected) {
		assertThat(WireMapper.status(wire)).isEqualTo(expected);
	}

	@ParameterizedTest
	@NullSource
	void aMissingStatusIsUnknown(String wire) {
		assertThat(WireMapper.status(wire)).isEqualTo(JobStatus.UNKNOWN_JOB_STATUS);
	}

	@Test
	void aPendingFilterAsksForRequestedAndPendingJobs() {
		assertThat(WireMapper.wireStatuses(JobStatus.PENDING)).containsExactly("JOB_STATUS_REQUESTED",
				"JOB_STATUS_PENDING");
		assertThat(WireMapper.wireStatuses(JobStatus.FAILING)).containsExactly("JOB_STATUS_FAILED");
	}

	@ParameterizedTest
	@CsvSource({ "2024-05-01T12:00:40Z", "2024-05-01T12:00:40.5Z", "2024-05-01T12:00:40.123Z",
			"2024-05-01T12:00:40.123456789Z", "2024-02-29T23:59:59.999999Z", "2024-05-01t12:00:40z",
			"2024-05-01T14:00:40+02:00", "2024-05-01T12:00:40.1234-00:30", "2024-05-01T12:00:40.Z" })
	void timestampsReadAsRfc3339InAnyOffsetAndPrecision(String text) {
		assertThat(WireMapper.instant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
	}

	@ParameterizedTest
	@CsvSource({ "2023-02-29T12:00:00Z", "2024-13-01T12:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:00:60Z",
			"2024-05-01T12:00:40.1234567890Z", "2024-05-01 12:00:40Z", "yesterday" })
	void unreadableTimestampsAreAbsent(String text) {
		assertThat(WireMapper.instant(text)).isNull();
	}

	@Test
	void progressCountsCompletedTestBatches() {
		Wire.Job job = new Wire.Job("j", "JOB_TYPE_MODEL_STRESS_TEST", "JOB_STATUS_RUNNING", "2024-05-01T12:00:40Z",
				95.2, new Wire.JobData(new Wire.StressTest(null, "tr", new Wire.StressProgress(new Wire.TestRunProgress(
						List.of(new Wire.TestBatchProgress("a", "TEST_TASK_STATUS_COMPLETED"),
								new Wire.TestBatchProgress("b", "TEST_TASK_STATUS_RUNNING"),
								new Wire.TestBatchProgress("c", null)))))),
				false, null, "");
		assertThat(WireMapper.job(job, "j")).isEqualTo(new JobMetadata("j", JobType.MODEL_STRESS_TEST,
				JobStatus.RUNNING, 1714564840, 95.2, 1, 3, null, false));
	}

}
