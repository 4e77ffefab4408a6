package io.rime.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the executable jar as a user would, after {@code package}.
 */
class StandaloneJarIT {

	@Test
	void theJarServesTheApiInjectsFlaggedFaultsAndStopsCleanlyOnSigterm() throws Exception {
		Path jar = executableJar();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "--port", "0", "--api-key", "standalone-secret", "--fault",
				"GET /v1/projects=status:503,times=1")
			.redirectErrorStream(true)
			.start();
		List<String> output = new ArrayList<>();
		try {
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				output.add(line);
				if (line.startsWith("Press Ctrl-C")) {
					break;
				}
			}
			String url = output.get(0).substring("RIME emulator listening on ".length());
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> info = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/rime-info"))
				.header("rime-api-key", "standalone-secret")
				.build(), HttpResponse.BodyHandlers.ofString());
			HttpRequest projects = HttpRequest.newBuilder(URI.create(url + "/v1/projects"))
				.header("rime-api-key", "standalone-secret")
				.build();
			HttpResponse<String> faulted = client.send(projects, HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> afterTheFault = client.send(projects, HttpResponse.BodyHandlers.ofString());

			// the handle sends SIGTERM without closing our end of the output pipe, as Process.destroy() would
			process.toHandle().destroy();
			reader.lines().forEach(output::add);
			assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

			assertThat(output.get(0)).matches("RIME emulator listening on http://127\\.0\\.0\\.1:\\d+");
			assertThat(output.get(1)).matches("Default project id: [0-9a-f-]{36}");
			assertThat(info.statusCode()).isEqualTo(200);
			assertThat(faulted.statusCode()).isEqualTo(503);
			assertThat(faulted.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(afterTheFault.statusCode()).isEqualTo(200);
			assertThat(output).anyMatch((printed) -> printed.startsWith("Injecting fault: GET /v1/projects"));
			assertThat(output).contains("RIME emulator stopped");
			assertThat(String.join("\n", output)).doesNotContain("standalone-secret");
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static Path executableJar() {
		Path jar = Path.of("target", "rime-emulator-standalone.jar");
		assertThat(jar).as("the jar the README's standalone command names").isRegularFile();
		return jar;
	}

}
