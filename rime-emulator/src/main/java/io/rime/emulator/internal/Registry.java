package io.rime.emulator.internal;

import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registered datasets and models (REST v1 section 3a). Each registration starts a validation
 * job; a local CSV dataset is read, so its header gives the features of the stress tests that use
 * it and its label column must exist.
 */
final class Registry {

	private static final List<String> CONNECTION_KINDS = List.of("dataFile", "dataLoading", "dataCollector",
			"databricks", "huggingFace");

	private final Projects projects;

	private final Jobs jobs;

	private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();

	private final Map<String, Model> models = new ConcurrentHashMap<>();

	private final Map<String, String> names = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final EmulatorSettings settings;

	Registry(EmulatorSettings settings, Projects projects, Jobs jobs) {
		this.settings = settings;
		this.projects = projects;
		this.jobs = jobs;
	}

	ApiResponse registerDataset(ApiRequest request) {
		String projectId = this.projects.require(request.pathVariable("projectId")).id();
		JsonNode body = request.jsonBody();
		String name = Fields.requireName(body, "name", "name");
		JsonNode dataInfo = Fields.requireObject(body, "dataInfo", "dataInfo");
		JsonNode connection = Fields.requireObject(dataInfo, "connectionInfo", "dataInfo.connectionInfo");
		String path = dataPath(connection);
		JsonNode dataParams = Fields.optionalObject(dataInfo, "dataParams", "dataInfo.dataParams");
		String labelCol = (dataParams != null)
				? Fields.optionalString(dataParams, "labelCol", "dataInfo.dataParams.labelCol") : null;
		if (dataParams != null) {
			Fields.optionalInt64(dataParams, "nrows", "dataInfo.dataParams.nrows");
			categoricalFeatures(dataInfo);
		}
		Dataset dataset = addDataset(projectId, name, path, labelCol, dataInfo, false);
		ObjectNode response = Json.object().put("datasetId", dataset.id());
		response.set("registryValidationJobId", Json.id(dataset.validation().id()));
		return ApiResponse.ok(response);
	}

	/**
	 * Registers a dataset.
	 * @param projectId an existing project
	 * @param name the name, unique in the project
	 * @param path where the data is; a local CSV file is read for its features
	 * @param labelCol the label column, if any
	 * @param dataInfo the registration's {@code dataInfo}, as reads return it
	 * @param validated whether the validation has already finished (seeding) instead of taking the
	 * validation duration
	 * @return the dataset
	 */
	Dataset addDataset(String projectId, String name, String path, @Nullable String labelCol, JsonNode dataInfo,
			boolean validated) {
		reserveName(projectId, "dataset", name);
		DataFile.Inspection inspection = DataFile.inspect(path, labelCol);
		Job validation = this.jobs.startValidation(projectId, inspection.problem(), validated);
		String datasetId = UUID.randomUUID().toString();
		Dataset dataset = new Dataset(datasetId, projectId, inspection.features(), validation,
				new Entry(name, this.sequence.incrementAndGet(), this.settings.now(), dataInfo), path,
				DataFile.localFile(path), labelCol, categoricalFeatures(dataInfo));
		this.datasets.put(datasetId, dataset);
		return dataset;
	}

	/**
	 * Registers a model.
	 * @param projectId an existing project
	 * @param name the name, unique in the project
	 * @param problem why its validation fails, or {@code null}
	 * @param modelInfo the registration's {@code modelInfo}, as reads return it
	 * @param validated whether the validation has already finished (seeding)
	 * @return the model
	 */
	Model addModel(String projectId, String name, @Nullable String problem, JsonNode modelInfo, boolean validated) {
		reserveName(projectId, "model", name);
		Job validation = this.jobs.startValidation(projectId, problem, validated);
		String modelId = UUID.randomUUID().toString();
		Model model = new Model(modelId, projectId, validation,
				new Entry(name, this.sequence.incrementAndGet(), this.settings.now(), modelInfo));
		this.models.put(modelId, model);
		return model;
	}

	private static List<String> categoricalFeatures(JsonNode dataInfo) {
		JsonNode dataParams = dataInfo.path("dataParams");
		return dataParams.isObject() ? Fields.optionalNames(dataParams, "categoricalFeatures",
				"dataInfo.dataParams.categoricalFeatures") : List.of();
	}

	ApiResponse registerModel(ApiRequest request) {
		String projectId = this.projects.require(request.pathVariable("projectId")).id();
		JsonNode body = request.jsonBody();
		String name = Fields.requireName(body, "name", "name");
		JsonNode modelInfo = Fields.requireObject(body, "modelInfo", "modelInfo");
		JsonNode modelPath = Fields.optionalObject(modelInfo, "modelPath", "modelInfo.modelPath");
		JsonNode huggingFace = Fields.optionalObject(modelInfo, "huggingFace", "modelInfo.huggingFace");
		String problem = null;
		if (modelPath != null) {
			String path = Fields.requireString(modelPath, "path", "modelInfo.modelPath.path");
			problem = DataFile.missingLocalFile(path, "model file");
		}
		else if (huggingFace != null) {
			Fields.requireString(huggingFace, "modelUri", "modelInfo.huggingFace.modelUri");
		}
		else {
			throw ApiError.invalid("modelInfo must set one of modelPath or huggingFace");
		}
		Model model = addModel(projectId, name, problem, modelInfo, false);
		ObjectNode response = Json.object();
		response.set("modelId", Json.id(model.id()));
		response.set("registryValidationJobId", Json.id(model.validation().id()));
		return ApiResponse.ok(response);
	}

	/**
	 * Returns a dataset a stress test may use.
	 * @param datasetId the id
	 * @param field the request field that named it
	 * @return the dataset
	 */
	Dataset requireDataset(String datasetId, String field) {
		Dataset dataset = this.datasets.get(datasetId);
		if (dataset == null) {
			throw ApiError.invalid(field + " names an unknown dataset '" + datasetId + "'; register it first");
		}
		requireUsable(dataset.validation(), field, "dataset", datasetId);
		return dataset;
	}

	Model requireModel(String modelId, String field) {
		Model model = this.models.get(modelId);
		if (model == null) {
			throw ApiError.invalid(field + " names an unknown model '" + modelId + "'; register it first");
		}
		requireUsable(model.validation(), field, "model", modelId);
		return model;
	}

	Map<String, Dataset> datasets() {
		return this.datasets;
	}

	Map<String, Model> models() {
		return this.models;
	}

	/**
	 * Removes a dataset; a stress test that uses it keeps running, as in RIME.
	 * @param dataset the dataset
	 * @return whether it was still registered
	 */
	boolean remove(Dataset dataset) {
		boolean removed = this.datasets.remove(dataset.id(), dataset);
		if (removed) {
			this.names.remove(dataset.projectId() + "/dataset/" + dataset.entry().name());
		}
		return removed;
	}

	boolean remove(Model model) {
		boolean removed = this.models.remove(model.id(), model);
		if (removed) {
			this.names.remove(model.projectId() + "/model/" + model.entry().name());
		}
		return removed;
	}

	/**
	 * Forgets every dataset and model of a deleted project.
	 * @param projectId the project
	 */
	void removeProject(String projectId) {
		this.datasets.values().stream().filter((dataset) -> dataset.projectId().equals(projectId)).toList()
			.forEach(this::remove);
		this.models.values().stream().filter((model) -> model.projectId().equals(projectId)).toList()
			.forEach(this::remove);
	}

	private void requireUsable(Job validation, String field, String kind, String id) {
		if (validation.failure() != null) {
			throw ApiError.failedPrecondition(field + " names " + kind + " '" + id + "', which failed validation: "
					+ validation.failure());
		}
	}

	private void reserveName(String projectId, String kind, String name) {
		if (this.names.putIfAbsent(projectId + "/" + kind + "/" + name, name) != null) {
			throw new ApiError(GrpcCode.ALREADY_EXISTS,
					"a " + kind + " named '" + name + "' is already registered in project '" + projectId + "'");
		}
	}

	private static String dataPath(JsonNode connection) {
		for (String kind : CONNECTION_KINDS) {
			JsonNode source = Fields.optionalObject(connection, kind, "dataInfo.connectionInfo." + kind);
			if (source != null) {
				String pathField = switch (kind) {
					case "dataCollector" -> null;
					case "databricks" -> "tableName";
					case "huggingFace" -> "datasetUri";
					default -> "path";
				};
				return (pathField != null)
						? Fields.requireString(source, pathField, "dataInfo.connectionInfo." + kind + "." + pathField)
						: "collector:" + Fields.requireId(source, "dataStreamId", "dataInfo.connectionInfo." + kind
								+ ".dataStreamId");
			}
		}
		throw ApiError.invalid("dataInfo.connectionInfo must set one of " + String.join(", ", CONNECTION_KINDS));
	}

	/**
	 * A registered dataset.
	 *
	 * @param id the dataset id
	 * @param projectId its project
	 * @param features its feature columns
	 * @param validation its validation job
	 * @param entry what reads show of it
	 * @param path the registered path
	 * @param localFile the file, when the path is local
	 * @param labelCol the label column, if any
	 * @param categoricalFeatures the features declared categorical
	 */
	record Dataset(String id, String projectId, List<String> features, Job validation, Entry entry, String path,
			@Nullable Path localFile, @Nullable String labelCol, List<String> categoricalFeatures) {
	}

	record Model(String id, String projectId, Job validation, Entry entry) {
	}

	/**
	 * What the registry's read and list endpoints show of a dataset or model.
	 *
	 * @param name the registered name
	 * @param sequence the registration order, for paging
	 * @param created when it was registered
	 * @param info the {@code dataInfo} or {@code modelInfo} it was registered with
	 */
	record Entry(String name, long sequence, Instant created, JsonNode info) {
	}

}
