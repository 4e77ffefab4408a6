package io.rime.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.retry.RetryPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;

/**
 * Shared test set-up: a fast emulator, a client for it, the seed's Titanic example with local
 * files, and a direct REST read; state is prepared with {@link RimeEmulator#seed()}.
 */
public final class TestRime {

	static final String API_KEY = "sk-test-0123456789abcdef";

	static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
		.maxRetries(3)
		.delay(Duration.ofMillis(10))
		.multiplier(2)
		.maxDelay(Duration.ofMillis(50))
		.timeout(Duration.ofSeconds(10))
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();


	private TestRime() {
	}

	static RimeEmulator.Builder emulatorBuilder() {
		return RimeEmulator.builder()
			.apiKey(API_KEY)
			.pendingDuration(Duration.ofMillis(50))
			.runningDuration(Duration.ofMillis(300))
			.validationDuration(Duration.ofMillis(40))
			.cancelDuration(Duration.ofMillis(50));
	}

	static RimeEmulator emulator() {
		return emulatorBuilder().build().start();
	}

	static RimeClientBuilder clientBuilder(RimeEmulator emulator) {
		return RimeClient.builder()
			.address(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.defaultProjectId(emulator.defaultProjectId())
			.retryPolicy(FAST_RETRIES)
			// The emulator's 429 and 503 carry a Retry-After of a second; tests need not wait that long.
			.maxRetryAfter(Duration.ofMillis(50));
	}

	static RimeClient client(RimeEmulator emulator) {
		return clientBuilder(emulator).build();
	}

	public static Path resource(String name) {
		URL url = TestRime.class.getResource("/titanic/" + name);
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The seed's Titanic example, on files bundled with the tests. */
	public static Map<String, Object> titanicConfig() {
		String data = resource("titanic_example.csv").toString();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("run_name", "Titanic");
		config.put("data_info", Map.of("label_col", "Survived", "ref_path", data, "eval_path", data));
		config.put("model_info", Map.of("path", resource("titanic_example_model.py").toString()));
		return config;
	}

	static JsonNode get(RimeEmulator emulator, String path) {
		return send(emulator, HttpRequest.newBuilder(emulator.baseUrl().resolve(path)).GET());
	}

	private static JsonNode send(RimeEmulator emulator, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = Http.CLIENT.send(request.header("rime-api-key", emulator.apiKey()).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<RecordedRequest> requestsTo(RimeEmulator emulator, String method, String pathPrefix) {
		return emulator.requests().stream()
			.filter((request) -> request.method().equals(method) && request.target().startsWith(pathPrefix))
			.toList();
	}

	/** Created on first use: its selector thread would otherwise count as a thread a test started. */
	private static final class Http {

		static final HttpClient CLIENT = HttpClient.newHttpClient();

	}

}
