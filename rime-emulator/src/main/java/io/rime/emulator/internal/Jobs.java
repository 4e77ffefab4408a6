package io.rime.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The jobs and their endpoints (REST v1 section 4). A finished job expires after the TTL and is
 * then unknown (404), as in RIME.
 */
final class Jobs {

	private final EmulatorSettings settings;

	private final Projects projects;

	private final JobJson jobJson;

	private final Map<String, Job> byId = new ConcurrentHashMap<>();

	private final Map<String, ConcurrentSkipListMap<Long, Job>> stressTestsByProject = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	Jobs(EmulatorSettings settings, Projects projects, JobJson jobJson) {
		this.settings = settings;
		this.projects = projects;
		this.jobJson = jobJson;
	}

	Job startValidation(String projectId, @Nullable String failure, boolean finished) {
		Duration half = finished ? Duration.ZERO : this.settings.validationDuration().dividedBy(2);
		Job job = new Job(UUID.randomUUID().toString(), this.sequence.incrementAndGet(), projectId, this.settings.now(),
				Duration.ZERO, half, half, failure, false, null);
		this.byId.put(job.id(), job);
		return job;
	}

	Job startStressTest(String projectId, Job.StressRun run, @Nullable String failure) {
		return startStressTest(projectId, run, failure, null);
	}

	/**
	 * Starts a stress test job.
	 * @param projectId the project
	 * @param run what it runs
	 * @param failure why it fails before running, or {@code null}
	 * @param dataChecks makes the data checks of the job with the given id, or {@code null} for
	 * generated results
	 * @return the job
	 */
	Job startStressTest(String projectId, Job.StressRun run, @Nullable String failure,
			@Nullable Function<String, DataCheckRun> dataChecks) {
		Duration pending = this.settings.pendingDuration();
		Duration requested = pending.dividedBy(5);
		Job job = new Job(UUID.randomUUID().toString(), this.sequence.incrementAndGet(), projectId, this.settings.now(),
				requested, pending.minus(requested), this.settings.runningDuration(), failure, failure != null, run);
		if (dataChecks != null) {
			job.checkData(dataChecks.apply(job.id()));
		}
		this.byId.put(job.id(), job);
		this.stressTestsByProject.computeIfAbsent(projectId, (id) -> new ConcurrentSkipListMap<>())
			.put(job.sequence(), job);
		return job;
	}

	/**
	 * Adds a stress test job with a lifecycle of the caller's choosing (seeding).
	 * @param projectId the project
	 * @param run what it runs
	 * @param created when it was created
	 * @param pending how long it is pending
	 * @param running how long it runs
	 * @param failure why it fails, or {@code null} when it succeeds
	 * @return the job
	 */
	Job addStressTest(String projectId, Job.StressRun run, Instant created, Duration pending, Duration running,
			@Nullable String failure) {
		Job job = new Job(UUID.randomUUID().toString(), this.sequence.incrementAndGet(), projectId, created,
				Duration.ZERO, pending, running, failure, false, run);
		this.byId.put(job.id(), job);
		this.stressTestsByProject.computeIfAbsent(projectId, (id) -> new ConcurrentSkipListMap<>())
			.put(job.sequence(), job);
		return job;
	}

	ObjectNode write(Job job, boolean fullView) {
		return this.jobJson.write(job, job.at(this.settings.now()), fullView);
	}

	/**
	 * Returns a job that has not expired.
	 * @param jobId the job id
	 * @return the job
	 * @throws ApiError 404 when there is no such job
	 */
	Job require(String jobId) {
		Job job = this.byId.get(jobId);
		if (job == null || expired(job, this.settings.now())) {
			throw ApiError.notFound("job '" + jobId + "' not found");
		}
		return job;
	}

	/**
	 * Returns whether a job exists, has not expired, and has succeeded by now.
	 * @param jobId the job id
	 * @return whether it succeeded
	 */
	boolean succeeded(String jobId) {
		Job job = this.byId.get(jobId);
		Instant now = this.settings.now();
		return job != null && !expired(job, now) && job.at(now).status().equals("JOB_STATUS_SUCCEEDED");
	}

	private boolean expired(Job job, Instant now) {
		Job.State state = job.at(now);
		if (state.terminal() && !now.isBefore(state.completionTime().plus(this.settings.jobTtl()))) {
			if (this.byId.remove(job.id(), job)) {
				ConcurrentSkipListMap<Long, Job> projectJobs = this.stressTestsByProject.get(job.projectId());
				if (projectJobs != null) {
					projectJobs.remove(job.sequence());
				}
			}
			return true;
		}
		return false;
	}

	ApiResponse get(ApiRequest request) {
		Job job = require(request.pathVariable("jobId"));
		return ApiResponse.ok(Json.object().set("job", write(job, fullView(request.queryParam("view")))));
	}

	ApiResponse cancel(ApiRequest request) {
		Job job = require(request.pathVariable("jobId"));
		Instant now = this.settings.now();
		Job.State state = job.at(now);
		if (state.terminal()) {
			throw ApiError.failedPrecondition("job '" + job.id() + "' has already finished with status "
					+ state.status() + "; only active jobs can be cancelled");
		}
		job.requestCancel(now.plus(this.settings.cancelDuration()));
		return ApiResponse.ok(Json.object());
	}

	ApiResponse testRunId(ApiRequest request) {
		Job job = require(request.pathVariable("jobId"));
		Job.StressRun run = job.stressRun();
		String status = job.at(this.settings.now()).status();
		if (run == null || !status.equals("JOB_STATUS_SUCCEEDED")) {
			throw ApiError.failedPrecondition("job '" + job.id() + "' has status " + status
					+ "; a test run id exists only for a succeeded stress test job");
		}
		return ApiResponse.ok(Json.object().put("testRunId", run.testRunId()));
	}

	ApiResponse projectId(ApiRequest request) {
		Job job = require(request.pathVariable("jobId"));
		return ApiResponse.ok(Json.object().set("projectId", Json.id(job.projectId())));
	}

	ApiResponse listForProject(ApiRequest request) {
		String projectId = request.pathVariable("projectId");
		this.projects.require(projectId);
		int pageSize = Paging.pageSize(request);
		boolean fullView = fullView(request.queryParam("view"));
		JsonNode token = Paging.decode(request, "jobs");
		Set<String> statuses;
		Set<String> types;
		long after;
		if (token != null) {
			if (!token.path("p").asString("").equals(projectId)) {
				throw ApiError.invalid("pageToken belongs to another project's job list");
			}
			statuses = strings(token.path("s"));
			types = strings(token.path("t"));
			after = Paging.position(token, "after", Long.MAX_VALUE);
		}
		else {
			statuses = enums(request, "firstPageQuery.selectedStatuses", WireEnums.JOB_STATUSES);
			types = enums(request, "firstPageQuery.selectedTypes", WireEnums.JOB_TYPES);
			after = 0;
		}
		Instant now = this.settings.now();
		List<ObjectNode> page = new ArrayList<>();
		String next = null;
		ConcurrentSkipListMap<Long, Job> projectJobs = this.stressTestsByProject.getOrDefault(projectId,
				new ConcurrentSkipListMap<>());
		boolean typeMatches = types.isEmpty() || types.contains("JOB_TYPE_MODEL_STRESS_TEST");
		for (Job job : typeMatches ? projectJobs.tailMap(after, false).values() : List.<Job>of()) {
			if (expired(job, now)) {
				continue;
			}
			Job.State state = job.at(now);
			if (!statuses.isEmpty() && !statuses.contains(state.status())) {
				continue;
			}
			if (page.size() == pageSize) {
				ObjectNode next0 = Json.object().put("p", projectId).put("after", job.sequence() - 1);
				statuses.forEach(next0.putArray("s")::add);
				types.forEach(next0.putArray("t")::add);
				next = Paging.encode("jobs", next0);
				break;
			}
			page.add(this.jobJson.write(job, state, fullView));
		}
		return ApiResponse.ok(Paging.page("jobs", page, next));
	}

	private static Set<String> enums(ApiRequest request, String name, Set<String> allowed) {
		Set<String> values = new HashSet<>();
		for (String value : request.queryParams(name)) {
			if (!allowed.contains(value)) {
				throw Fields.unknownEnum(name, value, allowed);
			}
			values.add(value);
		}
		return values;
	}

	private static Set<String> strings(JsonNode array) {
		Set<String> values = new HashSet<>();
		array.forEach((element) -> values.add(element.asString()));
		return values;
	}

	private static boolean fullView(@Nullable String view) {
		if (view == null || view.isEmpty()) {
			return false;
		}
		if (!WireEnums.JOB_VIEWS.contains(view)) {
			throw Fields.unknownEnum("view", view, WireEnums.JOB_VIEWS);
		}
		return view.equals("JOB_VIEW_FULL");
	}

}
