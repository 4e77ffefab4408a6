package io.rime.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The configuration forms a RIME user brings: rime_sdk 2.x's snake_case map, RIME v1's camelCase map and
 * the typed {@link TestRunConfig} send the same request; a wrong key is named.
 */
class ConfigurationFormsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final HttpServer server = server(this.bodies);

	private final RimeClient client = RimeClient.builder()
		.address("http://127.0.0.1:" + this.server.getAddress().getPort())
		.apiKey("k")
		.build();

	@AfterEach
	void close() {
		this.client.close();
		this.server.stop(0);
	}

	@Test
	void theSnakeCaseCamelCaseAndTypedFormsSendTheSameRequest() throws Exception {
		Map<String, Object> twoX = Map.of("run_name", "nightly", "model_id", "m-1",
				"data_info", Map.of("ref_dataset_id", "ref-1", "eval_dataset_id", "eval-1"),
				"run_time_info", Map.of("custom_image", Map.of("name", "registry.example.com/ri/stress:1.2.3",
						"pull_secret", Map.of("name", "regcred")),
						"resource_request", Map.of("ram_request_megabytes", 4096, "cpu_request_millicores", 2000),
						"explicit_errors", true, "random_seed", 42),
				"categories", List.of("TEST_CATEGORY_TYPE_DRIFT", "model_performance"));
		Map<String, Object> v1 = Map.of("runName", "nightly", "modelId", Map.of("uuid", "m-1"),
				"dataInfo", Map.of("refDatasetId", "ref-1", "evalDatasetId", "eval-1"),
				"runTimeInfo", Map.of("customImage", Map.of("customImage", Map.of("name",
						"registry.example.com/ri/stress:1.2.3", "pullSecret", Map.of("name", "regcred"))),
						"resourceRequest", Map.of("ramRequestMegabytes", "4096", "cpuRequestMillicores", "2000"),
						"explicitErrors", true, "randomSeed", "42"),
				"categories", List.of("TEST_CATEGORY_TYPE_DRIFT", "TEST_CATEGORY_TYPE_MODEL_PERFORMANCE"));
		TestRunConfig typed = TestRunConfig.builder()
			.runName("nightly")
			.modelId("m-1")
			.referenceDatasetId("ref-1")
			.evaluationDatasetId("eval-1")
			.customImage(new CustomImage("registry.example.com/ri/stress:1.2.3", new CustomImage.PullSecret("regcred")))
			.resources(4096, 2000)
			.explicitErrors(true)
			.randomSeed(42)
			.categories(TestCategory.DRIFT, TestCategory.MODEL_PERFORMANCE)
			.build();

		this.client.startStressTest(twoX, "p-1");
		this.client.startStressTest(v1, "p-1");
		this.client.startStressTest(typed, "p-1");

		assertThat(this.bodies).hasSize(3);
		JsonNode expected = JSON.readTree("""
				{"testRunConfig": {"runName": "nightly", "modelId": {"uuid": "m-1"},
				 "dataInfo": {"refDatasetId": "ref-1", "evalDatasetId": "eval-1"},
				 "runTimeInfo": {"customImage": {"customImage": {"name": "registry.example.com/ri/stress:1.2.3",
				                                  "pullSecret": {"name": "regcred"}}},
				   "resourceRequest": {"ramRequestMegabytes": "4096", "cpuRequestMillicores": "2000"},
				   "explicitErrors": true, "randomSeed": "42"},
				 "categories": ["TEST_CATEGORY_TYPE_DRIFT", "TEST_CATEGORY_TYPE_MODEL_PERFORMANCE"]}}""");
		for (String body : this.bodies) {
			assertThat(JSON.readTree(body)).isEqualTo(expected);
		}
	}

	@Test
	void theTwoXFormTakesV1sImageUnionAndAManagedImage() throws Exception {
		this.client.startStressTest(Map.of("run_name", "r", "model_id", "m", "data_info", Map.of("eval_dataset_id", "e"),
				"run_time_info", Map.of("custom_image", Map.of("managed_image_name", "my-image"))), "p-1");

		assertThat(JSON.readTree(this.bodies.get(0)).path("testRunConfig").path("runTimeInfo"))
			.isEqualTo(JSON.readTree("{\"customImage\": {\"managedImageName\": \"my-image\"}}"));
	}

	@Test
	void anUnknownTwoXKeyIsNamedWithTheAcceptedOnes() {
		Map<String, Object> config = Map.of("run_name", "r", "model_id", "m",
				"data_info", Map.of("eval_dataset_id", "e", "ref_datset_id", "typo"));

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.startStressTest(config, "p-1"))
			.withMessage("testRunConfig.data_info.ref_datset_id is not a key of the rime_sdk 2.x configuration; expected"
					+ " one of [eval_dataset_id, eval_dataset_time_interval, ref_dataset_id]");
		assertThat(this.bodies).isEmpty();
	}

	@Test
	void aMissingOrWrongTwoXValueIsNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.startStressTest(Map.of("run_name", "r", "data_info",
					Map.of("eval_dataset_id", "e"), "run_time_info", Map.of()), "p-1"))
			.withMessage("testRunConfig.model_id is missing; expected the id of a registered model");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.startStressTest(Map.of("run_name", "r", "model_id", "m", "data_info",
					Map.of("eval_dataset_id", "e"), "categories", List.of("weather")), "p-1"))
			.withMessageStartingWith("testRunConfig.categories[0]: Unknown test category 'weather'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.startStressTest(Map.of("run_name", "r", "model_id", "m", "data_info",
					Map.of("eval_dataset_id", "e"), "run_time_info", Map.of("random_seed", "soon")), "p-1"))
			.withMessage("testRunConfig.run_time_info.random_seed is \"soon\"; expected a whole number");
		assertThat(this.bodies).isEmpty();
	}

	@Test
	void aTypedConfigurationWithoutItsRequiredValuesIsRefusedNamingTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestRunConfig.builder().runName("r").modelId("m").build())
			.withMessage("evaluationDatasetId is not set; expected the id of a registered evaluation dataset");
		assertThatIllegalArgumentException().isThrownBy(() -> TestRunConfig.builder().modelId(" "))
			.withMessage("modelId is ' '; expected a non-blank text");
		assertThatIllegalArgumentException().isThrownBy(() -> TestRunConfig.builder().resources(0, 1000))
			.withMessage("ramRequestMegabytes is 0; expected more than zero");
	}

	@Test
	void aTypedConfigurationIsAnImmutableValue() {
		TestRunConfig config = TestRunConfig.builder().runName("r").modelId("m").evaluationDatasetId("e")
			.categories(TestCategory.DRIFT).build();
		TestRunConfig changed = config.toBuilder().runName("other").build();

		assertThat(config.runName()).isEqualTo("r");
		assertThat(changed.runName()).isEqualTo("other");
		assertThat(changed.categories()).containsExactly(TestCategory.DRIFT);
		assertThat(config).isEqualTo(config.toBuilder().build()).isNotEqualTo(changed);
		assertThat(config.categories()).isUnmodifiable();
	}

	private static HttpServer server(List<String> bodies) {
		try {
			System.setProperty("sun.net.httpserver.nodelay", "true");
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/v1/stress-tests/", (exchange) -> {
				try (InputStream in = exchange.getRequestBody()) {
					bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
				byte[] answer = "{\"job\": {\"jobId\": \"job-1\", \"status\": \"JOB_STATUS_REQUESTED\"}}"
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
