package io.rime.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import io.rime.client.RimeException;
import io.rime.client.registry.DataInfo;
import io.rime.client.registry.ModelInfo;

/**
 * Starts a stress test. The seed form names files, but RIME v1 only tests registered datasets and
 * models, so those are registered first (§3a) and their validation awaited.
 */
final class StressTestStarter {

	private final RimeApi api;

	private final Registrar registrar;

	/**
	 * Create the starter.
	 * @param api the API
	 * @param registrar registers the seed form's files and waits for their validation
	 */
	public StressTestStarter(RimeApi api, Registrar registrar) {
		this.api = api;
		this.registrar = registrar;
	}

	/**
	 * Start a stress test from a checked configuration.
	 * @param projectId the project
	 * @param plan the configuration
	 * @return the new job
	 */
	public Wire.Job start(String projectId, TestRunConfigs.Plan plan) {
		ObjectNode testRunConfig = (plan instanceof TestRunConfigs.Plan.Seed seed) ? register(projectId, seed)
				: ((TestRunConfigs.Plan.V1) plan).testRunConfig();
		ObjectNode request = this.api.jsonMapper().createObjectNode();
		request.set("testRunConfig", testRunConfig);
		Wire.Job job = this.api.startStressTest(projectId, request);
		if (job == null || job.jobId() == null || job.jobId().isEmpty()) {
			throw new RimeException("RIME answered start_stress_test without a job id");
		}
		if (!HttpCall.isAddressable(job.jobId())) {
			throw new RimeException("RIME answered start_stress_test with job id '" + job.jobId()
					+ "', which cannot name a job; the stress test may have started: list the project's jobs");
		}
		return job;
	}

	private ObjectNode register(String projectId, TestRunConfigs.Plan.Seed seed) {
		// Registry names are unique per project; one suffix ties the three entries of a run together.
		String prefix = seed.runName() + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<Registrar.Registration> registrations = new ArrayList<>();
		ObjectNode testRunConfig = this.api.jsonMapper().createObjectNode().put("runName", seed.runName());
		ObjectNode dataInfo = this.api.jsonMapper().createObjectNode();
		if (seed.refPath() != null) {
			Registrar.Registration ref = this.registrar.registerDataset(projectId, prefix + "reference",
					dataInfo(seed.refPath(), seed.labelCol()));
			registrations.add(ref);
			dataInfo.put("refDatasetId", ref.id());
		}
		Registrar.Registration eval = this.registrar.registerDataset(projectId, prefix + "evaluation",
				dataInfo(seed.evalPath(), seed.labelCol()));
		registrations.add(eval);
		dataInfo.put("evalDatasetId", eval.id());
		Registrar.Registration model = this.registrar.registerModel(projectId, prefix + "model",
				ModelInfo.path(seed.modelPath()));
		registrations.add(model);
		testRunConfig.putObject("modelId").put("uuid", model.id());
		testRunConfig.set("dataInfo", dataInfo);
		if (seed.customImage() != null) {
			testRunConfig.putObject("runTimeInfo").set("customImage", TestRunConfigs.customImageJson(seed.customImage()));
		}
		this.registrar.awaitValidation("start_stress_test", registrations, "no stress test was started");
		return testRunConfig;
	}

	private static DataInfo dataInfo(String path, @Nullable String labelCol) {
		DataInfo info = DataInfo.file(path);
		return (labelCol != null) ? info.withLabelCol(labelCol) : info;
	}

}
