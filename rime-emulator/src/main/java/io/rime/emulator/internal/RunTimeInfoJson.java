package io.rime.emulator.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code RunTimeInfo} (REST v1 section 3), as projects and stress tests carry it, into
 * its canonical wire form: known fields only, int64 values as strings.
 */
final class RunTimeInfoJson {

	private RunTimeInfoJson() {
	}

	/**
	 * Reads and checks the {@code runTimeInfo} field of a request object.
	 * @param parent the object holding the field
	 * @param path the field's path, for messages
	 * @return the canonical form, or {@code null} when the field is absent
	 */
	static @Nullable ObjectNode read(JsonNode parent, String path) {
		JsonNode runTimeInfo = Fields.optionalObject(parent, "runTimeInfo", path);
		if (runTimeInfo == null) {
			return null;
		}
		ObjectNode canonical = Json.object();
		JsonNode resources = Fields.optionalObject(runTimeInfo, "resourceRequest", path + ".resourceRequest");
		if (resources != null) {
			ObjectNode request = canonical.putObject("resourceRequest");
			putInt64(request, "ramRequestMegabytes",
					Fields.optionalInt64(resources, "ramRequestMegabytes", path + ".resourceRequest.ramRequestMegabytes"));
			putInt64(request, "cpuRequestMillicores", Fields.optionalInt64(resources, "cpuRequestMillicores",
					path + ".resourceRequest.cpuRequestMillicores"));
		}
		Boolean explicitErrors = Fields.optionalBoolean(runTimeInfo, "explicitErrors", path + ".explicitErrors");
		if (explicitErrors != null) {
			canonical.put("explicitErrors", explicitErrors);
		}
		putInt64(canonical, "randomSeed", Fields.optionalInt64(runTimeInfo, "randomSeed", path + ".randomSeed"));
		ObjectNode customImage = readCustomImage(runTimeInfo, path + ".customImage");
		if (customImage != null) {
			canonical.set("customImage", customImage);
		}
		return canonical;
	}

	private static @Nullable ObjectNode readCustomImage(JsonNode runTimeInfo, String path) {
		JsonNode imageType = Fields.optionalObject(runTimeInfo, "customImage", path);
		if (imageType == null) {
			return null;
		}
		JsonNode image = Fields.optionalObject(imageType, "customImage", path + ".customImage");
		String managed = Fields.optionalString(imageType, "managedImageName", path + ".managedImageName");
		if (image != null && managed != null) {
			throw ApiError.invalid(path + " must set either customImage or managedImageName, not both");
		}
		ObjectNode canonical = Json.object();
		if (managed != null) {
			canonical.put("managedImageName", managed);
		}
		if (image != null) {
			ObjectNode custom = canonical.putObject("customImage");
			custom.put("name", Fields.requireString(image, "name", path + ".customImage.name"));
			JsonNode pullSecret = Fields.optionalObject(image, "pullSecret", path + ".customImage.pullSecret");
			if (pullSecret != null) {
				custom.putObject("pullSecret")
					.put("name", Fields.requireString(pullSecret, "name", path + ".customImage.pullSecret.name"));
			}
		}
		return canonical;
	}

	private static void putInt64(ObjectNode target, String field, @Nullable Long value) {
		if (value != null) {
			target.put(field, Long.toString(value));
		}
	}

}
