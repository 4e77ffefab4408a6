package io.rime.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A listing whose later page fails must fail, not return the pages it got as if they were all:
 * callers would act on a list with jobs silently missing.
 */
class LaterPageFaultTests {

	private static MatrixFixture fixture;

	private final RimeClient client = fixture.client(fixture.emulator().baseUrl(), new AtomicInteger(),
			new PrintStream(new ByteArrayOutputStream(), true));

	@BeforeAll
	static void startFixture() {
		fixture = new MatrixFixture();
	}

	@AfterAll
	static void stopFixture() {
		fixture.close();
	}

	@AfterEach
	void clearFaults() {
		this.client.close();
		fixture.emulator().faults().clear();
	}

	@Test
	void whenALaterPageOfAProjectsJobsIsGoneTheWorkspaceListingFailsInsteadOfDroppingJobs() {
		int jobs = this.client.listStressTestJobs().size();
		fixture.emulator().faults().add(Fault.on("GET", "/v1/jobs/project/*?pageToken").status(404));

		assertThat(jobs).isGreaterThan(100);
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(this.client::listStressTestJobs)
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(404))
			.withMessageContaining("list_jobs");
	}

	@Test
	void whenAProjectIsGoneBeforeItsJobsAreListedTheWorkspaceListingSkipsIt() {
		int jobs = this.client.listStressTestJobs().size();
		fixture.emulator().faults().add(Fault.on("GET", "/v1/jobs/project/*").status(404));

		assertThat(jobs).isGreaterThan(100);
		assertThat(this.client.listStressTestJobs()).isEmpty();
	}

}
