package io.rime.emulator.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results endpoints (REST v1 section 5). A test run's results exist once its job succeeded.
 */
final class Results {

	private final Jobs jobs;

	private final Map<String, RunResults> testRuns = new ConcurrentHashMap<>();

	private final Map<String, TestRunDetails.RunInfo> runInfos = new ConcurrentHashMap<>();

	Results(Jobs jobs) {
		this.jobs = jobs;
	}

	void add(RunResults run, TestRunDetails.RunInfo info) {
		this.testRuns.put(run.testRunId(), run);
		this.runInfos.put(run.testRunId(), info);
	}

	/**
	 * Returns a test run whose job has not expired, finished or not.
	 * @param testRunId the id
	 * @return the run and what it was started with
	 */
	TestRunDetails.Found find(String testRunId) {
		RunResults run = this.testRuns.get(testRunId);
		TestRunDetails.RunInfo info = this.runInfos.get(testRunId);
		if (run == null || info == null) {
			throw ApiError.notFound("test run '" + testRunId + "' not found");
		}
		try {
			return new TestRunDetails.Found(run, info, this.jobs.require(run.jobId()));
		}
		catch (ApiError expired) {
			throw ApiError.notFound("test run '" + testRunId + "' not found");
		}
	}

	ApiResponse listBatchResults(ApiRequest request) {
		int pageSize = Paging.pageSize(request);
		JsonNode token = Paging.decode(request, "batches");
		String testRunId = exactlyOne(request.queryParam("testRunId"), token, "testRunId");
		RunResults run = require((token != null) ? token.path("r").asString() : testRunId);
		int batches = run.batchCount();
		int from = (token != null) ? (int) Paging.position(token, "o", batches) : 0;
		List<ObjectNode> page = new ArrayList<>();
		int to = Math.min(batches, from + pageSize);
		for (int i = from; i < to; i++) {
			page.add(run.batch(i));
		}
		String next = (to < batches)
				? Paging.encode("batches", Json.object().put("r", run.testRunId()).put("o", to)) : null;
		return ApiResponse.ok(Paging.page("testBatches", page, next));
	}

	ApiResponse listTestCases(ApiRequest request) {
		int pageSize = Paging.pageSize(request);
		JsonNode token = Paging.decode(request, "cases");
		String testRunId = exactlyOne(request.queryParam("listTestCasesQuery.testRunId"), token,
				"listTestCasesQuery.testRunId");
		RunResults run;
		Set<String> testTypes = new HashSet<>();
		Set<String> featureIds = new HashSet<>();
		long from;
		if (token != null) {
			run = require(token.path("r").asString());
			from = Paging.position(token, "o", run.caseCount());
			token.path("t").forEach((type) -> testTypes.add(type.asString()));
			token.path("f").forEach((feature) -> featureIds.add(feature.asString()));
		}
		else {
			run = require(testRunId);
			testTypes.addAll(request.queryParams("listTestCasesQuery.testTypes"));
			featureIds.addAll(request.queryParams("listTestCasesQuery.urlSafeFeatureIds"));
			from = 0;
		}
		List<ObjectNode> page = new ArrayList<>(Math.min(pageSize, 1024));
		long index = from;
		for (; index < run.caseCount() && page.size() < pageSize; index++) {
			ObjectNode testCase = run.testCase(index);
			if ((testTypes.isEmpty() || testTypes.contains(testCase.path("testBatchType").asString()))
					&& (featureIds.isEmpty() || featureIds.contains(testCase.path("urlSafeFeatureId").asString("")))) {
				page.add(testCase);
			}
		}
		String next = null;
		if (index < run.caseCount()) {
			ObjectNode state = Json.object().put("r", run.testRunId()).put("o", index);
			testTypes.forEach(state.putArray("t")::add);
			featureIds.forEach(state.putArray("f")::add);
			next = Paging.encode("cases", state);
		}
		return ApiResponse.ok(Paging.page("testCases", page, next));
	}

	private RunResults require(@Nullable String testRunId) {
		RunResults run = (testRunId != null) ? this.testRuns.get(testRunId) : null;
		if (run == null || !this.jobs.succeeded(run.jobId())) {
			throw ApiError.notFound("test run '" + testRunId + "' not found");
		}
		return run;
	}

	private static @Nullable String exactlyOne(@Nullable String filter, @Nullable JsonNode token, String name) {
		if (filter != null && token != null) {
			throw ApiError.invalid("send either " + name + " or pageToken, not both");
		}
		if (filter == null && token == null) {
			throw ApiError.invalid(name + " is required on the first page");
		}
		return filter;
	}

}
