package io.rime.emulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's read, list and delete endpoints (REST v1 section 3a): GetDataset and GetModel by id
 * or name, the paged lists of a project, DeleteDataset and DeleteModel.
 */
final class RegistryReads {

	private static final String CREATOR_ID = "00000000-0000-4000-8000-00000000e001";

	private final EmulatorSettings settings;

	private final Projects projects;

	private final Registry registry;

	RegistryReads(EmulatorSettings settings, Projects projects, Registry registry) {
		this.settings = settings;
		this.projects = projects;
		this.registry = registry;
	}

	ApiResponse getDataset(ApiRequest request) {
		Registry.Dataset dataset = findOne(request, "datasetId", "datasetName", "dataset",
				(id) -> this.registry.datasets().get(id), this.registry.datasets().values(),
				(candidate) -> candidate.entry().name());
		return ApiResponse.ok(Json.object().set("dataset", dataset(dataset)));
	}

	ApiResponse getModel(ApiRequest request) {
		Registry.Model model = findOne(request, "modelId.uuid", "modelName", "model",
				(id) -> this.registry.models().get(id), this.registry.models().values(),
				(candidate) -> candidate.entry().name());
		return ApiResponse.ok(Json.object().set("model", modelWithOwner(model)));
	}

	ApiResponse listDatasets(ApiRequest request) {
		String projectId = this.projects.require(request.pathVariable("projectId")).id();
		List<Registry.Dataset> all = this.registry.datasets().values().stream()
			.filter((dataset) -> dataset.projectId().equals(projectId))
			.sorted(Comparator.comparingLong((Registry.Dataset dataset) -> dataset.entry().sequence()))
			.toList();
		return page(request, "datasets", projectId, all, (dataset) -> dataset.entry().sequence(), this::dataset);
	}

	ApiResponse listModels(ApiRequest request) {
		String projectId = this.projects.require(request.pathVariable("projectId")).id();
		List<Registry.Model> all = this.registry.models().values().stream()
			.filter((model) -> model.projectId().equals(projectId))
			.sorted(Comparator.comparingLong((Registry.Model model) -> model.entry().sequence()))
			.toList();
		return page(request, "models", projectId, all, (model) -> model.entry().sequence(), this::modelWithOwner);
	}

	ApiResponse deleteDataset(ApiRequest request) {
		String datasetId = request.pathVariable("datasetId");
		Registry.Dataset dataset = this.registry.datasets().get(datasetId);
		if (dataset == null || !this.registry.remove(dataset)) {
			throw ApiError.notFound("dataset '" + datasetId + "' not found");
		}
		return ApiResponse.ok(Json.object());
	}

	ApiResponse deleteModel(ApiRequest request) {
		String modelId = request.pathVariable("modelId");
		Registry.Model model = this.registry.models().get(modelId);
		if (model == null || !this.registry.remove(model)) {
			throw ApiError.notFound("model '" + modelId + "' not found");
		}
		return ApiResponse.ok(Json.object());
	}

	private <T> T findOne(ApiRequest request, String idParam, String nameParam, String kind,
			Function<String, @Nullable T> byId, Iterable<T> all, Function<T, String> name) {
		String id = request.queryParam(idParam);
		String wantedName = request.queryParam(nameParam);
		boolean hasId = id != null && !id.isEmpty();
		boolean hasName = wantedName != null && !wantedName.isEmpty();
		if (hasId == hasName) {
			throw ApiError.invalid("send exactly one of " + idParam + " or " + nameParam);
		}
		T found = null;
		if (hasId) {
			found = byId.apply(id);
		}
		else {
			for (T candidate : all) {
				if (name.apply(candidate).equals(wantedName)) {
					found = candidate;
					break;
				}
			}
		}
		if (found == null) {
			throw ApiError.notFound(kind + " " + (hasId ? "'" + id + "'" : "named '" + wantedName + "'") + " not found");
		}
		return found;
	}

	private <T> ApiResponse page(ApiRequest request, String kind, String projectId, List<T> all,
			Function<T, Long> sequence, Function<T, ObjectNode> json) {
		int pageSize = Paging.pageSize(request);
		JsonNode token = Paging.decode(request, kind);
		long after = -1;
		if (token != null) {
			if (!projectId.equals(token.path("p").asString(""))) {
				throw ApiError.invalid("pageToken belongs to another project's list");
			}
			after = Paging.position(token, "after", Long.MAX_VALUE);
		}
		List<ObjectNode> page = new ArrayList<>();
		String next = null;
		for (T item : all) {
			if (sequence.apply(item) <= after) {
				continue;
			}
			if (page.size() == pageSize) {
				next = Paging.encode(kind, Json.object().put("p", projectId).put("after", sequence.apply(item) - 1));
				break;
			}
			page.add(json.apply(item));
		}
		return ApiResponse.ok(Paging.page(kind, page, next));
	}

	private ObjectNode dataset(Registry.Dataset dataset) {
		ObjectNode json = Json.object();
		json.put("name", dataset.entry().name());
		json.put("datasetId", dataset.id());
		json.putArray("projectIds").add(Json.id(dataset.projectId()));
		json.set("creatorId", Json.id(CREATOR_ID));
		json.put("creationTime", Json.timestamp(dataset.entry().created()));
		json.set("dataInfo", dataset.entry().info());
		validity(json, dataset.validation());
		return json;
	}

	private ObjectNode modelWithOwner(Registry.Model model) {
		ObjectNode json = Json.object();
		json.put("name", model.entry().name());
		json.set("modelId", Json.id(model.id()));
		json.putArray("projectIds").add(Json.id(model.projectId()));
		json.set("creatorId", Json.id(CREATOR_ID));
		json.put("creationTime", Json.timestamp(model.entry().created()));
		json.set("modelInfo", model.entry().info());
		validity(json, model.validation());
		ObjectNode withOwner = Json.object();
		withOwner.set("model", json);
		withOwner.set("ownerDetails", Json.object().put("name", "Emulator User").put("email", "user@rime-emulator.local"));
		return withOwner;
	}

	private void validity(ObjectNode json, Job validation) {
		String status = validation.at(this.settings.now()).status();
		switch (status) {
			case "JOB_STATUS_SUCCEEDED" -> json.put("validityStatus", "VALIDITY_STATUS_VALID");
			case "JOB_STATUS_FAILED" -> {
				json.put("validityStatus", "VALIDITY_STATUS_INVALID");
				json.put("validityStatusMessage", validation.failure());
			}
			default -> json.put("validityStatus", "VALIDITY_STATUS_PENDING");
		}
	}

}
