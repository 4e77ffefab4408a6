package io.rime.emulator.internal;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A complete answer, ready to send.
 *
 * @param status the HTTP status
 * @param contentType the content type
 * @param body the body
 * @param retryAfterSeconds the {@code Retry-After} value, or {@code null}
 */
public record ApiResponse(int status, String contentType, byte[] body, @Nullable Long retryAfterSeconds) {

	private static final String JSON = "application/json";

	public static ApiResponse ok(JsonNode body) {
		return new ApiResponse(200, JSON, Json.MAPPER.writeValueAsBytes(body), null);
	}

	public static ApiResponse text(int status, String text) {
		return new ApiResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
	}

	public static ApiResponse error(ApiError error) {
		return error(error.code(), error.httpStatus(), error.getMessage(), null);
	}

	public static ApiResponse error(GrpcCode code, int httpStatus, String message, @Nullable Long retryAfterSeconds) {
		ObjectNode body = Json.object();
		body.put("code", code.code());
		body.put("message", message);
		body.putArray("details");
		return new ApiResponse(httpStatus, JSON, Json.MAPPER.writeValueAsBytes(body), retryAfterSeconds);
	}

}
