package io.rime.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientListenerTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final List<String> retried = new ArrayList<>();

	private final List<String> started = new ArrayList<>();

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void theRetryListenerHearsOfEveryRetryWithTheOperationName() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).times(2));
		try (RimeClient client = TestRime.clientBuilder(this.emulator).addRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				ClientListenerTests.this.retried.add(retryable.getName());
			}
		}).build()) {
			client.getRimeInfo();
		}

		assertThat(this.retried).containsExactly("get_rime_info", "get_rime_info");
	}

	@Test
	void theJobStartListenerHearsOfEveryStartedJobWithItsProject() {
		try (RimeClient client = TestRime.clientBuilder(this.emulator)
			.addJobStartListener((job, projectId) -> this.started.add(job.jobId() + "@" + projectId))
			.addJobStartListener((job, projectId) -> this.started.add("second"))
			.build()) {
			RimeStressTestJob job = client.startStressTest(this.emulator.seed().testRunConfig(this.emulator.defaultProjectId()));

			assertThat(this.started).containsExactly(job.jobId() + "@" + this.emulator.defaultProjectId(), "second");
		}
	}

	@Test
	void aFailingJobStartListenerDoesNotFailTheStart() {
		try (RimeClient client = TestRime.clientBuilder(this.emulator).addJobStartListener((job, projectId) -> {
			throw new IllegalStateException("listener bug");
		}).addJobStartListener((job, projectId) -> this.started.add(job.jobId())).build()) {
			Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());

			RimeStressTestJob job = client.startStressTest(config);

			assertThat(client.listStressTestJobs(null, this.emulator.defaultProjectId())).containsExactly(job);
			assertThat(this.started).containsExactly(job.jobId());
		}
	}

	@Test
	void aHandleByIdCostsNoCallUntilItIsUsed() {
		try (RimeClient client = TestRime.client(this.emulator)) {
			RimeStressTestJob started = client.startStressTest(this.emulator.seed().testRunConfig(this.emulator.defaultProjectId()));
			int before = this.emulator.requests().size();

			RimeStressTestJob handle = client.job(started.jobId());
			int afterHandle = this.emulator.requests().size();
			JobMetadata status = handle.getStatus();

			assertThat(handle).isEqualTo(started);
			assertThat(afterHandle).isEqualTo(before);
			assertThat(status.name()).isEqualTo(started.jobId());
			assertThat(this.emulator.requests()).hasSize(before + 1);
		}
	}

	@Test
	void nullListenersAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().addRetryListener(null))
			.withMessageContaining("retryListener is null");
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().addJobStartListener(null))
			.withMessageContaining("jobStartListener is null");
	}

}
