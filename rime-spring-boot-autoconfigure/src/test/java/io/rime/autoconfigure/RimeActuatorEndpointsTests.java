package io.rime.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web application with actuator, as a user builds it: the API key never shows in
 * {@code /actuator/configprops} or {@code /actuator/env}, even with {@code show-values=always};
 * health and info report RIME.
 */
class RimeActuatorEndpointsTests {

	private static final String API_KEY = "k3y-that-must-never-show-0123456789";

	private static RimeEmulator emulator;

	private static ConfigurableApplicationContext application;

	private static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startApplication() {
		emulator = RimeEmulator.builder().apiKey(API_KEY).build().start();
		application = new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "rime.address=" + emulator.baseUrl(), "rime.api-key=" + API_KEY,
					"management.endpoints.web.exposure.include=health,info,configprops,env",
					"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
					"management.endpoint.health.show-details=always")
			.run();
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
		emulator.close();
	}

	private static HttpResponse<String> get(String path) throws Exception {
		String port = application.getEnvironment().getProperty("local.server.port");
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void configpropsShowsTheRimePropertiesButNotTheApiKey() throws Exception {
		HttpResponse<String> response = get("/actuator/configprops/rime");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"address\":\"" + emulator.baseUrl() + "\"")
			.contains("\"apiKey\":\"******\"")
			.doesNotContain(API_KEY);
		assertThat(get("/actuator/configprops").body()).doesNotContain(API_KEY);
	}

	@Test
	void envShowsValuesButNotTheApiKey() throws Exception {
		HttpResponse<String> all = get("/actuator/env");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains(emulator.baseUrl().toString(), "\"rime.api-key\":{\"value\":\"******\"")
			.doesNotContain(API_KEY);
		HttpResponse<String> one = get("/actuator/env/rime.api-key");
		assertThat(one.body()).contains("******").doesNotContain(API_KEY);
	}

	@Test
	void healthReportsRimeUpWithDetailsButNoKey() throws Exception {
		HttpResponse<String> response = get("/actuator/health/rime");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"", "\"plan\":\"RI_PLAN_LOCAL_TRIAL\"",
				"\"address\":\"" + emulator.baseUrl() + "\"")
			.doesNotContain(API_KEY);
	}

	@Test
	void infoReportsTheServerVersionOnceHealthHasChecked() throws Exception {
		get("/actuator/health/rime");
		assertThat(get("/actuator/info").body()).contains("\"rime\":{\"version\":");
	}

	@Test
	void theApplicationGetsAWorkingClient() {
		assertThat(application.getBean(RimeClient.class).getRimeInfo().customerName()).isEqualTo("RIME Emulator");
	}

	@SpringBootApplication
	static class App {

	}

}
