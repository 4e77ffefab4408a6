package io.rime.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JobListingTests {

	private final RimeEmulator emulator = TestRime.emulatorBuilder().runningDuration(Duration.ofSeconds(30)).build()
		.start();

	private final RimeClient client = TestRime.client(this.emulator);

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void listingWalksEveryPage() {
		Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		List<RimeStressTestJob> started = new ArrayList<>();
		for (int i = 0; i < 130; i++) {
			started.add(this.client.startStressTest(config));
		}
		List<RimeStressTestJob> listed = this.client.listStressTestJobs(null, this.emulator.defaultProjectId());
		assertThat(listed).containsExactlyInAnyOrderElementsOf(started);
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/jobs/project/")).hasSize(2);
	}

	@Test
	void withoutAProjectJobsOfAllProjectsAreListed() {
		RimeProject other = this.client.createProject("other", "another project");
		RimeStressTestJob inDefault = this.client.startStressTest(TestRime.titanicConfig());
		RimeStressTestJob inOther = this.client.startStressTest(TestRime.titanicConfig(), other.projectId());
		assertThat(this.client.listStressTestJobs()).containsExactlyInAnyOrder(inDefault, inOther);
		assertThat(this.client.listStressTestJobs(List.of(), null)).containsExactlyInAnyOrder(inDefault, inOther);
		assertThat(this.client.listStressTestJobs(null, other.projectId())).containsExactly(inOther);
	}

	@Test
	void listingAcrossProjectsWalksEveryPageOfProjects() {
		for (int i = 0; i < 105; i++) {
			this.client.createProject("project-" + i, "one of many");
		}
		RimeProject last = this.client.createProject("project-with-a-job", "the one that matters");
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig(), last.projectId());
		assertThat(this.client.listStressTestJobs()).containsExactly(job);
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/projects?")).hasSize(2);
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/jobs/project/")).hasSize(107);
	}

	@Test
	void statusFiltersSelectJobsInAnyOfTheStatuses() {
		RimeStressTestJob cancelled = this.client.startStressTest(TestRime.titanicConfig());
		RimeStressTestJob running = this.client.startStressTest(TestRime.titanicConfig());
		cancelled.cancel();
		cancelled.waitUntilFinish(Duration.ofMillis(20), Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5)).until(() -> running.getStatus().status() == JobStatus.RUNNING);
		assertThat(this.client.listStressTestJobs(Set.of(JobStatus.CANCELLED), null)).containsExactly(cancelled);
		assertThat(this.client.listStressTestJobs(Set.of(JobStatus.RUNNING, JobStatus.CANCELLED), null))
			.containsExactlyInAnyOrder(running, cancelled);
		assertThat(this.client.listStressTestJobs(Set.of(JobStatus.fromName("SUCCEEDED")), null)).isEmpty();
		assertThat(this.client.listStressTestJobs(Set.of(JobStatus.UNKNOWN_JOB_STATUS), null)).isEmpty();
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/jobs/project/"))
			.anyMatch((r) -> r.target().contains("firstPageQuery.selectedStatuses=JOB_STATUS_CANCELLED"));
	}

	@Test
	void registryValidationJobsAreNotListedAsStressTests() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		assertThat(this.client.listStressTestJobs()).containsExactly(job);
	}

	@Test
	void statusesOfAProjectsJobsComeFromOneListCallWithoutACallPerJob() {
		Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.client.startStressTest(config).jobId());
		}
		int jobReadsBefore = TestRime.requestsTo(this.emulator, "GET", "/v1/jobs/").size();

		List<JobMetadata> active = this.client.listStressTestJobStatuses(List.of(JobStatus.PENDING, JobStatus.RUNNING),
				this.emulator.defaultProjectId());

		assertThat(active).extracting(JobMetadata::name).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(active).extracting(JobMetadata::status).allMatch((status) -> !status.isTerminal());
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/jobs/").size() - jobReadsBefore).isEqualTo(1);
	}

	@Test
	void projectsAreListedAcrossPages() {
		for (int i = 0; i < 104; i++) {
			this.client.createProject("listed-" + i, "one of many");
		}

		List<RimeProject> projects = this.client.listProjects();

		assertThat(projects).hasSize(105);
		assertThat(projects).extracting(RimeProject::projectId).contains(this.emulator.defaultProjectId());
		assertThat(projects).extracting(RimeProject::name).contains("listed-0", "listed-103");
	}

}
