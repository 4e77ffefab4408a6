package io.rime.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.rime.client.RimeClient;
import io.rime.client.RimeProject;

/**
 * The project the sample files its stress tests under: the first project named
 * {@code rime.sample.project-name}, created when there is none. Looked up once, then remembered.
 */
@Component
public class SampleProject {

	private static final Log logger = LogFactory.getLog(SampleProject.class);

	private final RimeClient client;

	private final SampleProperties properties;

	private @Nullable RimeProject project;

	SampleProject(RimeClient client, SampleProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/**
	 * Return the project, creating it on first use if RIME has no project of that name.
	 * @return the project
	 */
	public synchronized RimeProject get() {
		if (this.project == null) {
			String name = this.properties.getProjectName();
			RimeProject existing = this.client.listProjects()
				.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElse(null);
			if (existing != null) {
				logger.info("Reusing RIME project '" + name + "' (" + existing.projectId() + ")");
				this.project = existing;
			}
			else {
				this.project = this.client.createProject(name, "Titanic stress tests of the RIME Spring Boot sample");
				logger.info("Created RIME project '" + name + "' (" + this.project.projectId() + ")");
			}
		}
		return this.project;
	}

}
