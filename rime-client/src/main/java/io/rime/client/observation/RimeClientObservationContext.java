package io.rime.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of an SDK operation knows: the operation and the ids it works on.
 */
public class RimeClientObservationContext extends Observation.Context {

	private final String operation;

	private @Nullable String projectId;

	private @Nullable String jobId;

	/**
	 * Create a context.
	 * @param operation the operation name, for example {@code get_job}
	 */
	public RimeClientObservationContext(String operation) {
		this.operation = operation;
	}

	/**
	 * Return the operation name, for example {@code get_job}.
	 * @return the operation name
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the project the operation works on.
	 * @return the project id, or {@code null}
	 */
	public @Nullable String getProjectId() {
		return this.projectId;
	}

	/**
	 * Set the project the operation works on.
	 * @param projectId the project id
	 */
	public void setProjectId(@Nullable String projectId) {
		this.projectId = projectId;
	}

	/**
	 * Return the job the operation works on.
	 * @return the job id, or {@code null}
	 */
	public @Nullable String getJobId() {
		return this.jobId;
	}

	/**
	 * Set the job the operation works on; a stress test start learns it from the response.
	 * @param jobId the job id
	 */
	public void setJobId(@Nullable String jobId) {
		this.jobId = jobId;
	}

}
