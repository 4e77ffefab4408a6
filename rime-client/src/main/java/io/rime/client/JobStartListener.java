package io.rime.client;

/**
 * Hears of every stress test a {@link RimeClient} starts; added with
 * {@link RimeClientBuilder#addJobStartListener(JobStartListener)}.
 */
@FunctionalInterface
public interface JobStartListener {

	/**
	 * Called on the thread that started the job, after the start succeeded. What it throws is
	 * logged and does not fail the start, nor stop the other listeners.
	 * @param job the started job
	 * @param projectId the project the job runs in
	 */
	void jobStarted(RimeStressTestJob job, String projectId);

}
