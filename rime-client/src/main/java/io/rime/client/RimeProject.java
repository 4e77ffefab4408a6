package io.rime.client;

/**
 * A RIME project, under which stress test runs are filed.
 *
 * @param projectId the id to pass to {@link RimeClient#startStressTest(java.util.Map, String)}
 * and {@link RimeClient#listStressTestJobs(java.util.Collection, String)}
 * @param name the project name
 * @param description the project description, empty when it has none
 * @param modelTask what the project's model does; {@link ModelTask#UNSPECIFIED} when RIME did not say
 */
public record RimeProject(String projectId, String name, String description, ModelTask modelTask) {

	/**
	 * Create a project value without a model task, as the seed SDK's {@code RIMEProject} has none.
	 * @param projectId the project id
	 * @param name the project name
	 * @param description the project description
	 */
	public RimeProject(String projectId, String name, String description) {
		this(projectId, name, description, ModelTask.UNSPECIFIED);
	}

}
