package io.rime.client;

import org.junit.jupiter.api.Test;

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

	@Test
	void onlySucceededFailingAndCancelledAreTerminal() {
		assertThat(JobStatus.values()).filteredOn(JobStatus::isTerminal).containsExactlyInAnyOrder(JobStatus.SUCCEEDED,
				JobStatus.FAILING, JobStatus.CANCELLED);
	}

}
