package io.rime.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JobStatusTests {

	@Test
	void theSeedsStatusNamesAreAccepted() {
		assertThat(JobStatus.fromName("UNKNOWN_JOB_STATUS")).isEqualTo(JobStatus.UNKNOWN_JOB_STATUS);
		assertThat(JobStatus.fromName("PENDING")).isEqualTo(JobStatus.PENDING);
		assertThat(JobStatus.fromName("RUNNING")).isEqualTo(JobStatus.RUNNING);
		assertThat(JobStatus.fromName("FAILING")).isEqualTo(JobStatus.FAILING);
		assertThat(JobStatus.fromName("SUCCEEDED")).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(JobStatus.fromName("CANCELLED")).isEqualTo(JobStatus.CANCELLED);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			JOB_STATUS_FAILED,      FAILING
			JOB_STATUS_REQUESTED,   PENDING
			JOB_STATUS_PENDING,     PENDING
			JOB_STATUS_RUNNING,     RUNNING
			JOB_STATUS_SUCCEEDED,   SUCCEEDED
			JOB_STATUS_CANCELLED,   CANCELLED
			JOB_STATUS_UNSPECIFIED, UNKNOWN_JOB_STATUS
			failed,                 FAILING
			Failing,                FAILING
			canceled,               CANCELLED
			succeeded,              SUCCEEDED
			' running ',            RUNNING
			job_status_failed,      FAILING
			unknown,                UNKNOWN_JOB_STATUS
			""")
	void theRestNamesAndCommonSpellingsAreAccepted(String name, JobStatus expected) {
		assertThat(JobStatus.fromName(name)).isEqualTo(expected);
	}

	@Test
	void onlySucceededFailingAndCancelledAreTerminal() {
		assertThat(JobStatus.values()).filteredOn(JobStatus::isTerminal).containsExactlyInAnyOrder(JobStatus.SUCCEEDED,
				JobStatus.FAILING, JobStatus.CANCELLED);
	}

}
