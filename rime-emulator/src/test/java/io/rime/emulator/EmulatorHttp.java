package io.rime.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for the emulator's tests, on the JDK's HTTP client.
 */
final class EmulatorHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final RimeEmulator emulator;

	EmulatorHttp(RimeEmulator emulator) {
		this.emulator = emulator;
	}

	RimeEmulator emulator() {
		return this.emulator;
	}

	Answer get(String pathAndQuery) {
		return send("GET", pathAndQuery, null, Map.of());
	}

	Answer post(String path, @Nullable String body) {
		return send("POST", path, body, Map.of());
	}

	Answer send(String method, String pathAndQuery, @Nullable String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (this.emulator.apiKey() != null && !headers.containsKey("rime-api-key")) {
			request.header("rime-api-key", this.emulator.apiKey());
		}
		headers.forEach((name, value) -> {
			if (!value.isEmpty()) {
				request.header(name, value);
			}
		});
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After")
				.orElse(null), response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Registers a dataset, a model, and starts a stress test on them; returns the job. */
	JsonNode startStressTest(String projectId, String runName, String dataPath, @Nullable String customImageJson) {
		String datasetId = post("/v1/registry/" + projectId + "/dataset",
				"{\"name\":\"data-" + runName + "\",\"dataInfo\":{\"connectionInfo\":{\"dataFile\":{\"path\":\""
						+ dataPath + "\"}},\"dataParams\":{\"labelCol\":\"Survived\"}}}")
			.ok()
			.path("datasetId")
			.asString();
		String modelId = post("/v1/registry/" + projectId + "/model",
				"{\"name\":\"model-" + runName + "\",\"modelInfo\":{\"modelPath\":{\"path\":\"s3://models/m.py\"}}}")
			.ok()
			.path("modelId")
			.path("uuid")
			.asString();
		String runTimeInfo = (customImageJson != null) ? ",\"runTimeInfo\":{\"customImage\":" + customImageJson + "}"
				: "";
		return post("/v1/stress-tests/" + projectId,
				"{\"testRunConfig\":{\"runName\":\"" + runName + "\",\"modelId\":{\"uuid\":\"" + modelId
						+ "\"},\"dataInfo\":{\"refDatasetId\":\"" + datasetId + "\",\"evalDatasetId\":\"" + datasetId
						+ "\"}" + runTimeInfo + "}}")
			.ok()
			.path("job");
	}

	/**
	 * An HTTP answer.
	 */
	record Answer(int status, String body, @Nullable String retryAfter, String contentType) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		JsonNode ok() {
			if (this.status != 200) {
				throw new AssertionError("Expected 200 but was " + this.status + ": " + this.body);
			}
			return json();
		}

		String message() {
			return json().path("message").asString();
		}

	}

}
