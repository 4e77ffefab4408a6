package io.rime.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projects and their endpoints (REST v1 section 2).
 */
final class Projects {

	private static final String OWNER_ID = "00000000-0000-4000-8000-00000000e001";

	private static final String WORKSPACE_ID = "00000000-0000-4000-8000-00000000e002";

	private final EmulatorSettings settings;

	private final Map<String, Project> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idByName = new ConcurrentHashMap<>();

	private final ConcurrentSkipListMap<Long, Project> bySequence = new ConcurrentSkipListMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final String defaultProjectId;

	Projects(EmulatorSettings settings, @Nullable String defaultProjectId) {
		this.settings = settings;
		ObjectNode request = Json.object().put("name", "Default Project")
			.put("description", "Stress tests started without a project id go here");
		this.defaultProjectId = add(request, defaultProjectId).id();
	}

	String defaultProjectId() {
		return this.defaultProjectId;
	}

	Project require(String projectId) {
		Project project = this.byId.get(projectId);
		if (project == null) {
			throw ApiError.notFound("project '" + projectId + "' not found");
		}
		return project;
	}

	ApiResponse create(ApiRequest request) {
		return ApiResponse.ok(Json.object().set("project", add(request.jsonBody(), null).json()));
	}

	ApiResponse get(ApiRequest request) {
		return ApiResponse.ok(Json.object().set("project", withDetails(require(request.pathVariable("projectId")))));
	}

	ApiResponse list(ApiRequest request) {
		int pageSize = Paging.pageSize(request);
		JsonNode token = Paging.decode(request, "projects");
		long after = (token != null) ? Paging.position(token, "after", Long.MAX_VALUE) : -1;
		List<ObjectNode> page = new ArrayList<>();
		String next = null;
		for (Project project : this.bySequence.tailMap(after, false).values()) {
			if (page.size() == pageSize) {
				next = Paging.encode("projects", Json.object().put("after", project.sequence() - 1));
				break;
			}
			page.add(withDetails(project));
		}
		return ApiResponse.ok(Paging.page("projects", page, next));
	}

	/**
	 * Deletes a project: it leaves every list at once.
	 * @param projectId the project id
	 * @return the deleted project
	 */
	Project delete(String projectId) {
		Project project = require(projectId);
		if (projectId.equals(this.defaultProjectId)) {
			// Stress tests started without a project id go there, so it stays for the emulator's lifetime.
			throw ApiError.failedPrecondition("project '" + projectId + "' is the default project and cannot be deleted");
		}
		if (this.byId.remove(projectId, project)) {
			this.bySequence.remove(project.sequence());
			this.idByName.remove(project.json().path("name").asString(), projectId);
		}
		return project;
	}

	/**
	 * Creates a project.
	 * @param body the create request
	 * @param id the id to give it, or {@code null} for a random one
	 * @return the project
	 */
	Project add(JsonNode body, @Nullable String id) {
		String name = Fields.requireName(body, "name", "name");
		String description = Fields.requireText(body, "description", "description");
		String modelTask = Fields.optionalEnum(body, "modelTask", "modelTask", WireEnums.MODEL_TASKS);
		String workspaceId = Fields.optionalId(body, "workspaceId", "workspaceId");
		List<String> tags = Fields.optionalNames(body, "tags", "tags");
		Boolean published = Fields.optionalBoolean(body, "isPublished", "isPublished");
		String useCase = Fields.optionalText(body, "useCase", "useCase");
		String ethicalConsideration = Fields.optionalText(body, "ethicalConsideration", "ethicalConsideration");
		ObjectNode runTimeInfo = RunTimeInfoJson.read(body, "runTimeInfo");
		JsonNode profilingConfig = Fields.optionalObject(body, "profilingConfig", "profilingConfig");

		String projectId = (id != null) ? id : UUID.randomUUID().toString();
		if (this.idByName.putIfAbsent(name, projectId) != null) {
			throw new ApiError(GrpcCode.ALREADY_EXISTS, "a project named '" + name + "' already exists");
		}
		ObjectNode json = Json.object();
		json.set("id", Json.id(projectId));
		json.put("name", name);
		json.put("description", description);
		json.put("creationTime", Json.timestamp(this.settings.now()));
		json.set("ownerId", Json.id(OWNER_ID));
		json.set("workspaceId", Json.id((workspaceId != null) ? workspaceId : WORKSPACE_ID));
		// In proto3 an enum's zero value means "not set", so UNSPECIFIED (which the SDK sends for the
		// seed's create_project) takes the default as an absent field does.
		boolean unset = modelTask == null || modelTask.equals("MODEL_TASK_UNSPECIFIED");
		json.put("modelTask", unset ? "MODEL_TASK_BINARY_CLASSIFICATION" : modelTask);
		tags.forEach(json.putArray("tags")::add);
		json.put("isPublished", published != null && published);
		if (useCase != null) {
			json.put("useCase", useCase);
		}
		if (ethicalConsideration != null) {
			json.put("ethicalConsideration", ethicalConsideration);
		}
		if (runTimeInfo != null) {
			json.set("runTimeInfo", runTimeInfo);
		}
		if (profilingConfig != null) {
			json.set("profilingConfig", profilingConfig);
		}
		Project project = new Project(projectId, this.sequence.incrementAndGet(), json);
		this.byId.put(projectId, project);
		this.bySequence.put(project.sequence(), project);
		return project;
	}

	private ObjectNode withDetails(Project project) {
		ObjectNode details = Json.object();
		details.set("project", project.json());
		details.set("ownerDetails", Json.object().put("name", "Emulator User").put("email", "user@rime-emulator.local"));
		details.put("lastUpdatedTime", project.json().path("creationTime").asString());
		return details;
	}

	/**
	 * A project and its wire form, which never changes after creation.
	 */
	record Project(String id, long sequence, ObjectNode json) {
	}

}
