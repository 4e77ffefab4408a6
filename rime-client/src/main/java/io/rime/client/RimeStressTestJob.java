package io.rime.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.rime.client.internal.Checks;
import io.rime.client.internal.Sdk;
import io.rime.client.results.RimeTestRun;

/**
 * A handle to a stress test job on the server; two handles are equal when their job ids are.
 * It holds no state: every method asks the server.
 */
public final class RimeStressTestJob {

	/** The seed SDK's poll rate. */
	public static final Duration DEFAULT_POLL_RATE = Duration.ofSeconds(5);

	private final String jobId;

	private final Sdk sdk;

	RimeStressTestJob(String jobId, Sdk sdk) {
		this.jobId = jobId;
		this.sdk = sdk;
	}

	/**
	 * Return the job id.
	 * @return the id
	 */
	public String jobId() {
		return this.jobId;
	}

	/**
	 * Read the job's status.
	 * @return the status
	 */
	public JobMetadata getStatus() {
		return this.sdk.status(this.jobId);
	}

	/**
	 * Read the job's status as the seed SDK's {@code get_status} did, polling every 5 s.
	 * @param verbose whether to print status lines, and the error and logs of a failed job
	 * @param waitUntilFinish whether to wait, without limit, until the job ends
	 * @return the last status read
	 */
	public JobMetadata getStatus(boolean verbose, boolean waitUntilFinish) {
		return getStatus(verbose, waitUntilFinish, DEFAULT_POLL_RATE);
	}

	/**
	 * Read the job's status as the seed SDK's {@code get_status} did. Prefer
	 * {@link #waitUntilFinish(Duration, Duration)}, which is bounded, for waiting.
	 * @param verbose whether to print status lines, and the error and logs of a failed job
	 * @param waitUntilFinish whether to wait, without limit, until the job ends
	 * @param pollRate how often to poll while waiting: more than zero, at most one hour
	 * @return the last status read
	 */
	public JobMetadata getStatus(boolean verbose, boolean waitUntilFinish, Duration pollRate) {
		Checks.pollRate(pollRate);
		return this.sdk.status(this.jobId, verbose, waitUntilFinish, pollRate);
	}

	/**
	 * Wait until the job ends (SUCCEEDED, FAILING or CANCELLED), at most for the timeout.
	 * @param pollRate how often to poll: more than zero, at most one hour
	 * @param timeout how long to wait; zero checks once
	 * @return the final status
	 * @throws RimeException if the job has not ended in time, or the waiting thread is interrupted
	 */
	public JobMetadata waitUntilFinish(Duration pollRate, Duration timeout) {
		Checks.pollRate(pollRate);
		Checks.timeout(timeout);
		return this.sdk.waitUntilFinish(this.jobId, pollRate, timeout);
	}

	/**
	 * Return a future that completes when the job ends. Polling runs on the client's shared
	 * scheduler, so no thread waits per job; cancel the future to stop it.
	 * @param pollRate how often to poll: more than zero, at most one hour
	 * @return the final status
	 */
	public CompletableFuture<JobMetadata> whenFinished(Duration pollRate) {
		Checks.pollRate(pollRate);
		return this.sdk.whenFinished(this.jobId, pollRate);
	}

	/**
	 * Write the results as a CSV in the newest format, replacing the file atomically.
	 * @param file the file to write; existing content is overwritten
	 * @throws IllegalStateException if the job has not succeeded
	 */
	public void getResultCsv(Path file) {
		getResultCsv(file, null);
	}

	/**
	 * Write the results as a CSV, replacing the file atomically: if anything fails, the old file is
	 * untouched and no temporary file remains.
	 * @param file the file to write; existing content is overwritten
	 * @param version the CSV format to pin: a RIME version such as {@code 0.12.0} or {@code 2.10.16} gives
	 * the newest format that existed at that version ({@code 1.0.0} from 1.0.0 on, {@code 0.12.0} before);
	 * {@code null} for the newest
	 * @throws IllegalArgumentException if the version is not a semantic version or is older than 0.12.0
	 * @throws IllegalStateException if the job has not succeeded
	 */
	public void getResultCsv(Path file, @Nullable String version) {
		Checks.outputFile(file);
		this.sdk.downloadResults(this.jobId, file, version);
	}

	/**
	 * Read the results of the job, typed: summary counts, test batches and, streamed page by page, the
	 * test cases with their metrics; the gating helpers answer "did anything fail, what, how badly".
	 * @return the test run; its test cases are read when streamed
	 * @throws IllegalStateException if the job has not succeeded
	 */
	public RimeTestRun getTestRun() {
		return this.sdk.testRun(this.jobId);
	}

	/**
	 * Ask RIME to cancel the job; it becomes CANCELLED shortly after.
	 */
	public void cancel() {
		this.sdk.cancel(this.jobId);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof RimeStressTestJob job && this.jobId.equals(job.jobId));
	}

	@Override
	public int hashCode() {
		return this.jobId.hashCode();
	}

	@Override
	public String toString() {
		return "RimeStressTestJob[jobId=" + this.jobId + "]";
	}

}
