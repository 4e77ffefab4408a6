package io.rime.sample;

import org.junit.jupiter.api.Test;

import io.rime.client.RimeClient;
import io.rime.client.RimeProject;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's project: created when RIME has none of that name, reused when it has, and looked
 * up only once.
 */
class SampleProjectTests {

	@Test
	void anExistingProjectOfThatNameIsReusedAndNothingIsCreated() {
		try (RimeEmulator emulator = RimeEmulator.builder().build().start();
				RimeClient client = RimeClient.builder().address(emulator.baseUrl()).apiKey(emulator.apiKey()).build()) {
			RimeProject existing = client.createProject("titanic-sample", "made before the sample ran");
			int projects = client.listProjects().size();

			SampleProject project = new SampleProject(client, new SampleProperties());

			assertThat(project.get().projectId()).isEqualTo(existing.projectId());
			assertThat(project.get()).isSameAs(project.get());
			assertThat(client.listProjects()).hasSize(projects);
		}
	}

	@Test
	void withoutAProjectOfThatNameOneIsCreatedOnce() {
		try (RimeEmulator emulator = RimeEmulator.builder().build().start();
				RimeClient client = RimeClient.builder().address(emulator.baseUrl()).apiKey(emulator.apiKey()).build()) {
			SampleProperties properties = new SampleProperties();
			properties.setProjectName("titanic-" + System.nanoTime());
			SampleProject project = new SampleProject(client, properties);

			RimeProject created = project.get();

			assertThat(created.name()).isEqualTo(properties.getProjectName());
			assertThat(project.get()).isSameAs(created);
			assertThat(client.listProjects()).filteredOn((candidate) -> candidate.name().equals(created.name()))
				.hasSize(1);
		}
	}

}
