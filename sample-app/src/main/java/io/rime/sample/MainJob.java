package io.rime.sample;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeProject;
import io.rime.watch.RimeJobWatcher;

/**
 * The main job: once the application is ready, finds or creates the sample project, starts the
 * Titanic stress test and logs its progress ("3 / 10 tests completed") until the watcher reports it
 * finished; {@link SampleRuns} then writes and summarises its results.
 */
@Component
public class MainJob {

	private static final Log logger = LogFactory.getLog(MainJob.class);

	private final SampleRuns runs;

	private final SampleProject project;

	private final SampleProperties properties;

	private final SampleTasks tasks;

	private final ObjectProvider<RimeJobWatcher> watcher;

	private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();

	MainJob(SampleRuns runs, SampleProject project, SampleProperties properties, SampleTasks tasks,
			ObjectProvider<RimeJobWatcher> watcher) {
		this.runs = runs;
		this.project = project;
		this.properties = properties;
		this.tasks = tasks;
		this.watcher = watcher;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.properties.isRunOnStartup()) {
			this.outcome.complete(new RunOutcome(null, null, null, null, null));
			return;
		}
		if (this.watcher.getIfUnique() == null) {
			String problem = "the job watcher is off, so the end of the stress test would go unnoticed;"
					+ " set rime.watcher.enabled=true";
			logger.error("Not starting the Titanic stress test: " + problem);
			this.outcome.complete(new RunOutcome(null, null, null, null, problem));
			return;
		}
		this.tasks.execute(this::startStressTest);
	}

	/**
	 * Return how the start-up stress test ended; completes once its results were handled.
	 * @return the outcome
	 */
	public CompletableFuture<RunOutcome> outcome() {
		return this.outcome;
	}

	/**
	 * Wait for the start-up stress test and return the exit code of its outcome.
	 * @param timeout how long to wait
	 * @return {@link RunOutcome#exitCode()}, or {@link RunOutcome#NOT_COMPLETED} on timeout
	 */
	public int awaitExitCode(Duration timeout) {
		try {
			return this.outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS).exitCode();
		}
		catch (TimeoutException ex) {
			logger.error("The stress test did not finish within " + timeout + " (rime.sample.timeout)");
			return RunOutcome.NOT_COMPLETED;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return RunOutcome.NOT_COMPLETED;
		}
		catch (ExecutionException ex) {
			return RunOutcome.NOT_COMPLETED;
		}
	}

	private void startStressTest() {
		SampleRuns.StartedRun run;
		try {
			RimeProject sampleProject = this.project.get();
			run = this.runs.start(sampleProject.projectId(), this.properties.getRunName());
			logger.info("Started stress test '" + run.runName() + "' as job " + run.job().jobId() + " in project '"
					+ sampleProject.name() + "'");
		}
		catch (RuntimeException ex) {
			logger.error("Could not start the Titanic stress test: " + ex.getMessage(), ex);
			this.outcome.complete(new RunOutcome(null, null, null, null, "not started: " + ex.getMessage()));
			return;
		}
		ProgressLog progress = new ProgressLog(run);
		ScheduledFuture<?> polling = this.tasks.everyInterval(progress::poll, this.properties.getProgressInterval());
		run.outcome().whenComplete((result, ex) -> {
			polling.cancel(false);
			this.outcome.complete((result != null) ? result
					: new RunOutcome(run.job().jobId(), null, null, null, String.valueOf(ex)));
		});
	}

	/**
	 * Logs the progress of a job whenever it changes; a change of progress raises no event, so this
	 * reads the job itself.
	 */
	private static final class ProgressLog {

		private final SampleRuns.StartedRun run;

		private int lastCompleted = -1;

		private @Nullable String lastFailure;

		ProgressLog(SampleRuns.StartedRun run) {
			this.run = run;
		}

		void poll() {
			try {
				JobMetadata status = this.run.job().getStatus();
				this.lastFailure = null;
				int total = status.totalTestBatches();
				if (status.status() == JobStatus.PENDING || total == 0 || status.completedTestBatches() == this.lastCompleted) {
					return;
				}
				this.lastCompleted = status.completedTestBatches();
				logger.info("Job " + this.run.job().jobId() + ": " + this.lastCompleted + " / " + total
						+ " tests completed");
			}
			catch (RuntimeException ex) {
				// One line per outage, not one per poll; the watcher reports the job's end anyway.
				if (!String.valueOf(ex.getMessage()).equals(this.lastFailure)) {
					logger.warn("Could not read the progress of job " + this.run.job().jobId() + ": " + ex.getMessage());
				}
				this.lastFailure = String.valueOf(ex.getMessage());
			}
		}

	}

}
