package io.rime.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import io.rime.client.JobMetadata;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.watch.FinishedJob;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherClusterState;
import io.rime.watch.RimeWatcherState;
import io.rime.watch.WatchedJob;

/**
 * The {@code rime} actuator endpoint: where RIME is (never the API key), the job watcher's state,
 * the watched and the last finished jobs; one job read live; and, only when the application grants
 * the endpoint unrestricted access ({@code management.endpoint.rime.access=unrestricted}),
 * cancelling a job.
 */
@Endpoint(id = "rime", defaultAccess = Access.READ_ONLY)
public class RimeEndpoint {

	/** gRPC's FAILED_PRECONDITION, RIME's code for an operation the job's state does not allow. */
	private static final int FAILED_PRECONDITION = 9;

	private final RimeClient client;

	private final @Nullable String address;

	private final boolean embeddedEmulator;

	private final @Nullable RimeJobWatcher watcher;

	/**
	 * Create the endpoint.
	 * @param client the client to read and cancel jobs with
	 * @param address the RIME address, or {@code null} if not known; user info, query and fragment
	 * are never shown
	 * @param embeddedEmulator whether the address is the embedded emulator's
	 * @param watcher the job watcher, or {@code null} when it is off
	 */
	public RimeEndpoint(RimeClient client, @Nullable URI address, boolean embeddedEmulator, @Nullable RimeJobWatcher watcher) {
		this.client = client;
		this.address = (address != null) ? displayAddress(address) : null;
		this.embeddedEmulator = embeddedEmulator;
		this.watcher = watcher;
	}

	/**
	 * Describe RIME and the watched jobs; makes no call to RIME.
	 * @return the description
	 */
	@ReadOperation
	public RimeDescriptor rime() {
		RimeJobWatcher jobWatcher = this.watcher;
		if (jobWatcher == null) {
			return new RimeDescriptor(this.address, this.embeddedEmulator,
					new WatcherDescriptor(false, false, null, null, null, 0, 0, null, null), List.of(), List.of());
		}
		RimeWatcherState state = jobWatcher.state();
		WatcherDescriptor watcherDescriptor = new WatcherDescriptor(true, state.running(),
				state.pollInterval().toString(), text(state.lastPoll()), text(state.lastSuccessfulPoll()),
				state.consecutiveFailures(), state.totalFailures(), state.lastError(),
				(state.cluster() != null) ? ClusterDescriptor.of(state.cluster()) : null);
		List<WatchedJobDescriptor> watched = jobWatcher.watchedJobs().stream().map(WatchedJobDescriptor::of).toList();
		List<FinishedJobDescriptor> finished = jobWatcher.finishedJobs()
			.stream()
			.map(FinishedJobDescriptor::of)
			.toList();
		return new RimeDescriptor(this.address, this.embeddedEmulator, watcherDescriptor, watched, finished);
	}

	/**
	 * Read one job live from RIME.
	 * @param jobId the job id
	 * @return the job, or {@code null} (404) if RIME does not know it
	 */
	@ReadOperation
	public @Nullable JobDescriptor job(@Selector String jobId) {
		RimeStressTestJob job = find(jobId);
		return (job != null) ? read(job) : null;
	}

	/**
	 * Ask RIME to cancel a job; allowed only with unrestricted access to the endpoint. Over HTTP,
	 * {@link RimeEndpointWebExtension} answers 404 and 409 instead of these exceptions.
	 * @param jobId the job id
	 * @return the job as RIME reports it after the request
	 * @throws InvalidEndpointRequestException (400) if RIME does not know the job, the job has
	 * already finished, or RIME refuses to cancel it
	 */
	@DeleteOperation
	public JobDescriptor cancel(@Selector String jobId) {
		Cancellation cancellation = requestCancel(jobId);
		if (cancellation.job() == null) {
			throw new InvalidEndpointRequestException(cancellation.refusal().message(),
					cancellation.refusal().message());
		}
		return cancellation.job();
	}

	/**
	 * Ask RIME to cancel a job, telling apart why it was not.
	 * @param jobId the job id
	 * @return the job after the request, or why it was not cancelled
	 */
	Cancellation requestCancel(String jobId) {
		RimeStressTestJob job = find(jobId);
		if (job == null) {
			return Cancellation.refused(Outcome.UNKNOWN_JOB,
					new CancelRefusal(jobId, null, "RIME does not know job '" + jobId + "'"));
		}
		// Read first: RIME's own answer to cancelling a finished job differs between versions.
		JobMetadata before = job.getStatus();
		if (before.status().isTerminal()) {
			return Cancellation.refused(Outcome.FINISHED, finished(jobId, before.status().name()));
		}
		try {
			job.cancel();
		}
		catch (RimeApiException ex) {
			String reason = (ex.getServerMessage() != null) ? ex.getServerMessage() : ex.getMessage();
			if (ex.getHttpStatus() == 404) {
				return Cancellation.refused(Outcome.UNKNOWN_JOB,
						new CancelRefusal(jobId, null, "RIME does not know job '" + jobId + "': " + reason));
			}
			if (ex.getHttpStatus() == 409 || ex.getHttpStatus() == 412
					|| Integer.valueOf(FAILED_PRECONDITION).equals(ex.getGrpcCode())) {
				// it finished between the read and the cancel
				JobMetadata after = job.getStatus();
				return Cancellation.refused(Outcome.FINISHED, finished(jobId, after.status().name()));
			}
			if (ex.getHttpStatus() >= 400 && ex.getHttpStatus() < 500) {
				return Cancellation.refused(Outcome.REFUSED,
						new CancelRefusal(jobId, null, "RIME refused to cancel job '" + jobId + "': " + reason));
			}
			throw ex;
		}
		return new Cancellation(Outcome.CANCELLING, read(job), null);
	}

	private static CancelRefusal finished(String jobId, String status) {
		return new CancelRefusal(jobId, status, "Job '" + jobId + "' has already finished with status " + status
				+ "; only a pending or running job can be cancelled");
	}

	private @Nullable RimeStressTestJob find(String jobId) {
		try {
			return this.client.getStressTestJob(jobId);
		}
		catch (RimeApiException ex) {
			if (ex.getHttpStatus() == 404) {
				return null;
			}
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage(), ex);
		}
	}

	private static JobDescriptor read(RimeStressTestJob job) {
		JobMetadata metadata = job.getStatus();
		return new JobDescriptor(job.jobId(), metadata.type().name(), metadata.status().name(), progressOf(metadata),
				startTimeOf(metadata), metadata.runningTimeSecs(), metadata.completedTestBatches(),
				metadata.totalTestBatches(), metadata.errorMessage(), metadata.cancellationRequested());
	}

	static String displayAddress(URI address) {
		if (address.getHost() == null && address.getRawAuthority() != null) {
			// A host name with '_' (such as my_vpc.rime.com): java.net.URI reads no host from it.
			String authority = address.getRawAuthority();
			return address.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1)
					+ ((address.getRawPath() != null) ? address.getRawPath() : "");
		}
		try {
			return new URI(address.getScheme(), null, address.getHost(), address.getPort(), address.getPath(), null,
					null)
				.toString();
		}
		catch (URISyntaxException ex) {
			return address.getScheme() + "://" + address.getHost();
		}
	}

	private static @Nullable String progressOf(@Nullable JobMetadata metadata) {
		return (metadata != null && metadata.totalTestBatches() > 0)
				? metadata.completedTestBatches() + " / " + metadata.totalTestBatches() : null;
	}

	private static @Nullable String startTimeOf(@Nullable JobMetadata metadata) {
		return (metadata != null && metadata.startTimeSecs() > 0)
				? Instant.ofEpochSecond(metadata.startTimeSecs()).toString() : null;
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * What {@code GET /actuator/rime} shows; {@code null} values are left out of the JSON.
	 *
	 * @param address the RIME address, without user info; {@code null} if not known
	 * @param embeddedEmulator whether it is the embedded emulator
	 * @param watcher the job watcher's state
	 * @param watchedJobs the jobs watched now
	 * @param finishedJobs the last jobs seen finishing, newest first
	 */
	public record RimeDescriptor(@Nullable String address, boolean embeddedEmulator, WatcherDescriptor watcher,
			List<WatchedJobDescriptor> watchedJobs, List<FinishedJobDescriptor> finishedJobs)
			implements OperationResponseBody {
	}

	/**
	 * The job watcher's state.
	 *
	 * @param enabled whether the watcher is on ({@code rime.watcher.enabled})
	 * @param running whether it is polling now
	 * @param pollInterval the delay between poll cycles, ISO-8601
	 * @param lastPoll when the last poll cycle ended
	 * @param lastSuccessfulPoll when the last poll cycle that reached RIME ended
	 * @param consecutiveFailures failed poll cycles since the last successful one
	 * @param totalFailures failed poll cycles since start
	 * @param lastError the error of the current outage, or {@code null}
	 * @param cluster the election of the watchers across replicas, or {@code null} without one
	 */
	public record WatcherDescriptor(boolean enabled, boolean running, @Nullable String pollInterval,
			@Nullable String lastPoll, @Nullable String lastSuccessfulPoll, int consecutiveFailures, long totalFailures,
			@Nullable String lastError, @Nullable ClusterDescriptor cluster) {
	}

	/**
	 * The election of the watchers across replicas.
	 *
	 * @param group the group of instances that elect one watcher
	 * @param instanceId this instance
	 * @param role {@code leader} or {@code follower}
	 * @param epoch the epoch of this instance's leadership; 0 while it follows
	 * @param leaseValidFor how long the leader's lease is valid without a renewal, ISO-8601, or
	 * {@code null} while it follows
	 * @param lastGrant when this instance was last granted leadership, or {@code null} if never
	 * @param grants how often this instance was granted leadership
	 */
	public record ClusterDescriptor(String group, String instanceId, String role, long epoch,
			@Nullable String leaseValidFor, @Nullable String lastGrant, long grants) {

		static ClusterDescriptor of(RimeWatcherClusterState state) {
			return new ClusterDescriptor(state.group(), state.instanceId(), state.role(), state.epoch(),
					(state.leaseValidFor() != null) ? state.leaseValidFor().toString() : null,
					text(state.lastGrant()), state.grants());
		}

	}

	/**
	 * A watched job.
	 *
	 * @param id the job id
	 * @param projectId the job's project
	 * @param status the last observed status
	 * @param progress completed and total test batches as "n / m", or {@code null} before the first
	 * poll saw the job
	 * @param runningTimeSecs seconds the job has run so far
	 * @param startTime when it started running, ISO-8601, or {@code null} before
	 */
	public record WatchedJobDescriptor(String id, String projectId, String status, @Nullable String progress,
			double runningTimeSecs, @Nullable String startTime) {

		static WatchedJobDescriptor of(WatchedJob job) {
			JobMetadata metadata = job.metadata();
			return new WatchedJobDescriptor(job.jobId(), job.projectId(), job.status().name(), progressOf(metadata),
					(metadata != null) ? metadata.runningTimeSecs() : 0, startTimeOf(metadata));
		}

	}

	/**
	 * A job seen finishing.
	 *
	 * @param id the job id
	 * @param projectId the job's project
	 * @param status the final status
	 * @param succeeded whether it succeeded
	 * @param reason how it ended
	 * @param finishedAt when the watcher saw it had ended, ISO-8601
	 * @param runningTimeSecs seconds it ran
	 * @param errorMessage RIME's error message of a failed job, or {@code null}
	 */
	public record FinishedJobDescriptor(String id, String projectId, String status, boolean succeeded, String reason,
			String finishedAt, double runningTimeSecs, @Nullable String errorMessage) {

		static FinishedJobDescriptor of(FinishedJob job) {
			return new FinishedJobDescriptor(job.jobId(), job.projectId(), job.status().name(),
					job.status() == io.rime.client.JobStatus.SUCCEEDED, job.reason(), job.finishedAt().toString(),
					job.metadata().runningTimeSecs(), job.metadata().errorMessage());
		}

	}

	/**
	 * A job as RIME reports it now.
	 *
	 * @param id the job id
	 * @param type the job type
	 * @param status the status
	 * @param progress completed and total test batches as "n / m", or {@code null} when not known
	 * @param startTime when it started running, ISO-8601, or {@code null} before
	 * @param runningTimeSecs seconds it has run
	 * @param completedTestBatches test batches completed
	 * @param totalTestBatches test batches in the run
	 * @param errorMessage RIME's error message of a failed job, or {@code null}
	 * @param cancellationRequested whether someone asked to cancel it
	 */
	public record JobDescriptor(String id, String type, String status, @Nullable String progress,
			@Nullable String startTime, double runningTimeSecs, int completedTestBatches, int totalTestBatches,
			@Nullable String errorMessage, boolean cancellationRequested) implements OperationResponseBody {
	}

	/**
	 * Why a job was not cancelled, as {@code DELETE /actuator/rime/{jobId}} answers it.
	 *
	 * @param jobId the job id
	 * @param status the job's final status, when it has already finished
	 * @param message what happened, for a person to read
	 */
	public record CancelRefusal(String jobId, @Nullable String status, String message) {
	}

	/**
	 * How a cancellation request ended.
	 */
	enum Outcome {

		/** RIME accepted the request. */
		CANCELLING,

		/** RIME does not know the job. */
		UNKNOWN_JOB,

		/** The job has already finished. */
		FINISHED,

		/** RIME refused for another reason. */
		REFUSED

	}

	/**
	 * A cancellation request's outcome: the job after it, or why it was not cancelled.
	 *
	 * @param outcome how it ended
	 * @param job the job after the request, when RIME accepted it
	 * @param refusal why not, otherwise
	 */
	record Cancellation(Outcome outcome, @Nullable JobDescriptor job, @Nullable CancelRefusal refusal) {

		static Cancellation refused(Outcome outcome, CancelRefusal refusal) {
			return new Cancellation(outcome, null, refusal);
		}

	}

}
