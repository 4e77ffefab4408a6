package io.rime.client.internal;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeException;

/**
 * What a job handle does: read the status, wait for the end (bounded, unbounded or
 * asynchronously, always on the shared {@link Poller}), cancel, and print the seed's verbose texts.
 */
final class JobService {

	private final RimeApi api;

	private final Observations observations;

	private final Poller poller;

	private final PrintStream verboseOutput;

	private final Clock clock;

	private final ErrorMapper errorMapper;

	/**
	 * Create the service.
	 * @param api the API
	 * @param observations observes each operation
	 * @param poller runs the waits
	 * @param verboseOutput where verbose texts go
	 * @param clock the clock for printed times
	 * @param errorMapper removes the API key from printed logs
	 */
	public JobService(RimeApi api, Observations observations, Poller poller, PrintStream verboseOutput, Clock clock,
			ErrorMapper errorMapper) {
		this.api = api;
		this.observations = observations;
		this.poller = poller;
		this.verboseOutput = verboseOutput;
		this.clock = clock;
		this.errorMapper = errorMapper;
	}

	/**
	 * Read a job's status once.
	 * @param jobId the job id
	 * @return the status
	 */
	public JobMetadata status(String jobId) {
		return fetch(jobId).metadata();
	}

	/**
	 * Read a job's status, printing and waiting as the seed SDK's {@code get_status} did.
	 * @param jobId the job id
	 * @param verbose whether to print the status (and the logs of a failed job)
	 * @param waitUntilFinish whether to wait, without limit, until the job ends
	 * @param pollRate how often to poll while waiting
	 * @return the last status read
	 */
	public JobMetadata status(String jobId, boolean verbose, boolean waitUntilFinish, Duration pollRate) {
		if (waitUntilFinish) {
			return await(jobId, whenFinished(jobId, pollRate, verbose), null, new AtomicReference<>());
		}
		Snapshot snapshot = fetch(jobId);
		if (verbose) {
			report(new VerbosePrinter(this.verboseOutput, this.clock), snapshot);
		}
		return snapshot.metadata();
	}

	/**
	 * Wait until a job ends, at most for the timeout.
	 * @param jobId the job id
	 * @param pollRate how often to poll
	 * @param timeout how long to wait; zero checks once
	 * @return the final status
	 * @throws RimeException if the job has not ended in time
	 */
	public JobMetadata waitUntilFinish(String jobId, Duration pollRate, Duration timeout) {
		AtomicReference<@Nullable JobMetadata> last = new AtomicReference<>();
		if (timeout.isZero()) {
			JobMetadata metadata = status(jobId);
			last.set(metadata);
			if (metadata.status().isTerminal()) {
				return metadata;
			}
			throw timedOut(jobId, timeout, metadata);
		}
		CompletableFuture<JobMetadata> finished = this.poller.poll(() -> {
			JobMetadata metadata = fetch(jobId).metadata();
			last.set(metadata);
			return metadata;
		}, (metadata) -> metadata.status().isTerminal(), pollRate, pollRate);
		return await(jobId, finished, timeout, last);
	}

	/**
	 * Poll a job on the shared scheduler until it ends.
	 * @param jobId the job id
	 * @param pollRate how often to poll
	 * @param verbose whether to print each status
	 * @return a future of the final status; cancelling it stops the polling
	 */
	public CompletableFuture<JobMetadata> whenFinished(String jobId, Duration pollRate, boolean verbose) {
		VerbosePrinter printer = verbose ? new VerbosePrinter(this.verboseOutput, this.clock) : null;
		return this.poller.poll(() -> {
			Snapshot snapshot = fetch(jobId);
			if (printer != null) {
				report(printer, snapshot);
			}
			return snapshot.metadata();
		}, (metadata) -> metadata.status().isTerminal(), pollRate, pollRate);
	}

	/**
	 * Ask RIME to cancel a job; it ends as CANCELLED a little later.
	 * @param jobId the job id
	 */
	public void cancel(String jobId) {
		this.observations.observe("cancel_job", null, jobId, (context) -> {
			this.api.cancelJob(jobId);
			return jobId;
		});
	}

	private Snapshot fetch(String jobId) {
		return this.observations.observe("get_job", null, jobId, (context) -> {
			Wire.Job job = this.api.getJob("get_job", jobId, true);
			if (job == null) {
				throw new RimeException("RIME answered get_job for job '" + jobId + "' without a job");
			}
			Wire.StressTest stress = (job.jobData() != null) ? job.jobData().stress() : null;
			if (stress != null && stress.projectId() != null) {
				context.setProjectId(stress.projectId().uuid());
			}
			Wire.ArchivedJobLogs logs = job.archivedJobLogs();
			String logsUrl = (logs != null && logs.url() != null) ? logs.url().url() : null;
			return new Snapshot(WireMapper.job(job, jobId), logsUrl);
		});
	}

	private void report(VerbosePrinter printer, Snapshot snapshot) {
		printer.print(snapshot.metadata());
		if (snapshot.metadata().status() == JobStatus.FAILING) {
			printer.printFailure(snapshot.metadata(), archivedLogs(snapshot.logsUrl()));
		}
	}

	private String archivedLogs(@Nullable String url) {
		if (url == null || url.isEmpty()) {
			return "";
		}
		try {
			return this.errorMapper.redact(this.api.archivedLogs(URI.create(url)));
		}
		catch (RimeException | IllegalArgumentException ex) {
			return "(the archived logs could not be fetched: " + ex.getMessage() + ")";
		}
	}

	private JobMetadata await(String jobId, CompletableFuture<JobMetadata> finished, @Nullable Duration timeout,
			AtomicReference<@Nullable JobMetadata> last) {
		try {
			// A timeout too long to count in nanoseconds (292 years) is no limit.
			return (timeout != null && !Durations.unbounded(timeout))
					? finished.get(timeout.toNanos(), TimeUnit.NANOSECONDS) : finished.get();
		}
		catch (InterruptedException ex) {
			finished.cancel(false);
			Thread.currentThread().interrupt();
			throw new RimeException("Interrupted while waiting for job '" + jobId + "'", ex);
		}
		catch (TimeoutException ex) {
			finished.cancel(false);
			throw timedOut(jobId, timeout, last.get());
		}
		catch (CancellationException ex) {
			throw new RimeException("Stopped waiting for job '" + jobId + "': the RimeClient was closed", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new RimeException("Waiting for job '" + jobId + "' failed: " + ex.getCause(), ex.getCause());
		}
	}

	private static RimeException timedOut(String jobId, @Nullable Duration timeout, @Nullable JobMetadata last) {
		return new RimeException("Job '" + jobId + "' did not finish within " + timeout + "; its last status was "
				+ ((last != null) ? last.status() : "not read yet"));
	}

	private record Snapshot(JobMetadata metadata, @Nullable String logsUrl) {
	}

}
