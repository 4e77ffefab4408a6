package io.rime.emulator.internal;

import java.util.List;
import java.util.UUID;

import io.rime.emulator.internal.checks.DataCheckSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts stress tests (REST v1 section 3): checks the test run config, then creates the job and
 * its test run.
 */
final class StressTests {

	/** A custom image name with this in it fails to pull, so users can see a failed job on purpose. */
	static final String MISSING_IMAGE_MARKER = "does-not-exist";

	private final EmulatorSettings settings;

	private final Projects projects;

	private final Registry registry;

	private final Jobs jobs;

	private final Results results;

	private final DataCheckPlanner dataChecks;

	StressTests(EmulatorSettings settings, Projects projects, Registry registry, Jobs jobs, Results results,
			DataCheckPlanner dataChecks) {
		this.settings = settings;
		this.dataChecks = dataChecks;
		this.projects = projects;
		this.registry = registry;
		this.jobs = jobs;
		this.results = results;
	}

	ApiResponse start(ApiRequest request) {
		Projects.Project project = this.projects.require(request.pathVariable("projectId"));
		String projectId = project.id();
		JsonNode body = request.jsonBody();
		String bodyProjectId = Fields.optionalId(body, "projectId", "projectId");
		if (bodyProjectId != null && !bodyProjectId.equals(projectId)) {
			throw ApiError.invalid("projectId.uuid '" + bodyProjectId + "' differs from the project id in the path '"
					+ projectId + "'");
		}
		Fields.optionalId(body, "agentId", "agentId");
		Fields.optionalObject(body, "experimentalFields", "experimentalFields");
		JsonNode config = Fields.requireObject(body, "testRunConfig", "testRunConfig");
		String runName = Fields.requireName(config, "runName", "testRunConfig.runName");
		String modelId = Fields.requireId(config, "modelId", "testRunConfig.modelId");
		JsonNode dataInfo = Fields.requireObject(config, "dataInfo", "testRunConfig.dataInfo");
		String evalDatasetId = Fields.requireString(dataInfo, "evalDatasetId", "testRunConfig.dataInfo.evalDatasetId");
		String refDatasetId = Fields.optionalString(dataInfo, "refDatasetId", "testRunConfig.dataInfo.refDatasetId");
		Fields.optionalObject(dataInfo, "evalDatasetTimeInterval", "testRunConfig.dataInfo.evalDatasetTimeInterval");
		ObjectNode runTimeInfo = RunTimeInfoJson.read(config, "testRunConfig.runTimeInfo");
		JsonNode customImage = (runTimeInfo != null) ? runTimeInfo.get("customImage") : null;
		Fields.optionalObject(config, "profilingConfig", "testRunConfig.profilingConfig");
		Fields.optionalObject(config, "testSuiteConfig", "testRunConfig.testSuiteConfig");
		List<String> categories = Fields.optionalEnums(config, "categories", "testRunConfig.categories",
				WireEnums.TEST_CATEGORIES);

		requireInProject(this.registry.requireModel(modelId, "testRunConfig.modelId").projectId(), projectId,
				"testRunConfig.modelId", modelId);
		Registry.Dataset eval = this.registry.requireDataset(evalDatasetId, "testRunConfig.dataInfo.evalDatasetId");
		requireInProject(eval.projectId(), projectId, "testRunConfig.dataInfo.evalDatasetId", evalDatasetId);
		Registry.Dataset ref = null;
		if (refDatasetId != null && !refDatasetId.isEmpty()) {
			ref = this.registry.requireDataset(refDatasetId, "testRunConfig.dataInfo.refDatasetId");
			requireInProject(ref.projectId(), projectId, "testRunConfig.dataInfo.refDatasetId", refDatasetId);
		}

		String testRunId = UUID.randomUUID().toString();
		String failure = imagePullFailure(customImage);
		DataCheckSpec spec = (failure == null) ? this.dataChecks.spec(config, ref, eval) : null;
		Job job = this.jobs.startStressTest(projectId, new Job.StressRun(testRunId, customImage), failure,
				(spec != null) ? (jobId) -> this.dataChecks.run(testRunId, jobId, spec) : null);
		this.dataChecks.startWhenRunning(job);
		RunResults results = (job.dataChecks() != null) ? job.dataChecks()
				: new RunResults.Generated(ResultsGenerator.TestRun.of(testRunId, job.id(), runName, eval.features(),
						this.settings.testCasesPerRun()));
		this.results.add(results,
				new TestRunDetails.RunInfo(runName, projectId, modelId,
						(refDatasetId != null && !refDatasetId.isEmpty()) ? refDatasetId : null, evalDatasetId,
						project.json().path("modelTask").asString("MODEL_TASK_UNSPECIFIED"), categories, job.created()));
		return ApiResponse.ok(Json.object().set("job", this.jobs.write(job, false)));
	}

	private static @Nullable String imagePullFailure(@Nullable JsonNode imageType) {
		if (imageType == null) {
			return null;
		}
		String name = imageType.has("customImage") ? imageType.path("customImage").path("name").asString("")
				: imageType.path("managedImageName").asString("");
		if (!name.contains(MISSING_IMAGE_MARKER)) {
			return null;
		}
		return "Failed to pull image \"" + name + "\": rpc error: code = NotFound desc = failed to pull and unpack "
				+ "image \"" + name + "\": not found. Check the image name and that the pull secret grants access.";
	}

	private static void requireInProject(String ownerProjectId, String projectId, String field, String id) {
		if (!ownerProjectId.equals(projectId)) {
			throw ApiError.invalid(field + " '" + id + "' is registered in project '" + ownerProjectId
					+ "', not in project '" + projectId + "'");
		}
	}

}
