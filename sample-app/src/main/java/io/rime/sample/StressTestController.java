package io.rime.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeProject;

/**
 * A small REST API for trying the starter: start another Titanic stress test, list jobs with
 * their status, read one job, download a job's results. Bad input answers 400 with an RFC 9457
 * problem detail (see {@link StressTestExceptionHandler}).
 */
@RestController
@RequestMapping("/stress-tests")
public class StressTestController {

	static final URI UNKNOWN_PROJECT = URI.create("https://github.com/rime/rime-spring-boot/problems/unknown-project");

	/**
	 * Longest run name, in characters: RIME takes names of up to 255 characters, and the SDK names
	 * the run's datasets and model after it with up to 20 more ({@code <runName>-1a2b3c4d-evaluation}).
	 */
	static final int MAX_RUN_NAME_LENGTH = 235;

	private final RimeClient client;

	private final SampleRuns runs;

	private final SampleProperties properties;

	StressTestController(RimeClient client, SampleRuns runs, SampleProperties properties) {
		this.client = client;
		this.runs = runs;
		this.properties = properties;
	}

	/**
	 * Start another Titanic stress test; its results are written when it finishes, like the
	 * start-up one's.
	 * @param request the project and run name, both optional; no body at all is fine
	 * @return 202 with the job and a Location to read it
	 */
	@PostMapping
	ResponseEntity<StartedStressTest> start(@RequestBody(required = false) @Nullable StartRequest request) {
		String projectId = (request != null) ? request.projectId() : null;
		String runName = (request != null && request.runName() != null) ? request.runName()
				: this.properties.getRunName();
		checkRunName(runName);
		SampleRuns.StartedRun run;
		try {
			run = this.runs.start(projectId, runName);
		}
		catch (RimeApiException ex) {
			throw unknownProjectOr(ex, projectId);
		}
		String jobId = run.job().jobId();
		return ResponseEntity.accepted()
			.location(URI.create("/stress-tests/" + jobId))
			.body(new StartedStressTest(jobId, run.projectId(), runName, "/stress-tests/" + jobId + "/results"));
	}

	/**
	 * List stress test jobs with their status, newest first.
	 * @param statuses statuses to select (any of them), such as {@code RUNNING} or
	 * {@code SUCCEEDED,FAILING}; all when absent
	 * @param projectId the project; all projects when absent
	 * @return the jobs
	 */
	@GetMapping
	List<StressTest> list(@RequestParam(name = "status", required = false) @Nullable List<String> statuses,
			@RequestParam(required = false) @Nullable String projectId) {
		List<JobStatus> filters = (statuses != null) ? statuses.stream().map(JobStatus::fromName).toList() : List.of();
		List<String> projectIds = (projectId != null) ? List.of(projectId)
				: this.client.listProjects().stream().map(RimeProject::projectId).toList();
		List<StressTest> jobs = new ArrayList<>();
		for (String project : projectIds) {
			try {
				this.client.listStressTestJobStatuses(filters, project)
					.forEach((job) -> jobs.add(StressTest.of(job, project)));
			}
			catch (RimeApiException ex) {
				throw unknownProjectOr(ex, projectId);
			}
		}
		jobs.sort(Comparator.comparing(StressTest::startTime, Comparator.nullsFirst(Comparator.reverseOrder())));
		return jobs;
	}

	/**
	 * Read a job's current status and progress.
	 * @param jobId the job
	 * @return the job
	 */
	@GetMapping("/{jobId}")
	StressTest get(@PathVariable String jobId) {
		return StressTest.of(this.client.getStressTestJob(jobId).getStatus(), null);
	}

	/**
	 * Download a succeeded job's results as CSV. The SDK writes them to a temporary file, which is
	 * then copied to the response and deleted: memory stays bounded whatever the size of the
	 * results and however many downloads run at once.
	 * @param jobId the job
	 * @param response the response the CSV is copied to
	 * @throws IOException if the temporary file cannot be written or read, or the client went away
	 */
	@GetMapping(value = "/{jobId}/results", produces = { "text/csv", MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	void results(@PathVariable String jobId, HttpServletResponse response) throws IOException {
		Path file = Files.createTempFile("rime-results-", ".csv");
		try {
			try {
				this.client.getStressTestJob(jobId).getResultCsv(file);
			}
			catch (IllegalStateException ex) {
				// the job has not succeeded (yet)
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
				problem.setTitle("Job has no results");
				throw new ErrorResponseException(HttpStatus.CONFLICT, problem, ex);
			}
			response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
			response.setContentLengthLong(Files.size(file));
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(jobId + ".csv").build().toString());
			try (OutputStream body = response.getOutputStream()) {
				Files.copy(file, body);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static void checkRunName(String runName) {
		int length = runName.codePointCount(0, runName.length());
		if (length > MAX_RUN_NAME_LENGTH) {
			// checked here, before anything is registered on RIME for the run
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"runName must be at most " + MAX_RUN_NAME_LENGTH + " characters long, but has " + length
							+ " (RIME takes names of up to 255 characters, and the run's datasets and model are named"
							+ " after it with up to 20 more)");
			problem.setType(StressTestExceptionHandler.INVALID_INPUT);
			problem.setTitle("Invalid input");
			problem.setProperty("field", "runName");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
	}

	private static RuntimeException unknownProjectOr(RimeApiException ex, @Nullable String projectId) {
		if (projectId == null || ex.getHttpStatus() != HttpStatus.NOT_FOUND.value()) {
			return ex;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"RIME has no project '" + projectId + "'; GET /stress-tests lists the jobs of the projects it has");
		problem.setType(UNKNOWN_PROJECT);
		problem.setTitle("Unknown project");
		problem.setProperty("projectId", projectId);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, ex);
	}

	/**
	 * The body of {@code POST /stress-tests}.
	 *
	 * @param projectId the project, or {@code null} for the sample's project
	 * @param runName the run name, or {@code null} for {@code rime.sample.run-name}
	 */
	record StartRequest(@Nullable String projectId, @Nullable String runName) {
	}

	/**
	 * The answer to {@code POST /stress-tests}.
	 *
	 * @param jobId the job id
	 * @param projectId the project it runs in
	 * @param runName the run name
	 * @param results where its results are once it has succeeded
	 */
	record StartedStressTest(String jobId, String projectId, String runName, String results) {
	}

	/**
	 * A job as the API shows it.
	 *
	 * @param jobId the job id
	 * @param projectId the project, when known
	 * @param status the status
	 * @param progress {@code "n / m"} test batches, when RIME reports progress (for one job, not in
	 * lists)
	 * @param startTime when it started running, or {@code null} before
	 * @param runningTimeSecs seconds it has run
	 * @param errorMessage RIME's error message of a failed job
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StressTest(String jobId, @Nullable String projectId, JobStatus status, @Nullable String progress,
			@Nullable Instant startTime, double runningTimeSecs, @Nullable String errorMessage) {

		static StressTest of(JobMetadata job, @Nullable String projectId) {
			return new StressTest(job.name(), projectId, job.status(),
					(job.totalTestBatches() > 0) ? job.completedTestBatches() + " / " + job.totalTestBatches() : null,
					(job.startTimeSecs() > 0) ? Instant.ofEpochSecond(job.startTimeSecs()) : null,
					job.runningTimeSecs(), job.errorMessage());
		}

	}

}
