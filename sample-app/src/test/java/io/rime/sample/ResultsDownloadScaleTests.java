package io.rime.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The results endpoint streams: a sample application with a heap smaller than one result CSV
 * serves several downloads of it at once. Runs the application in its own JVM, so that its heap
 * limit is its own, against an emulator in this one; prints the figures.
 */
@Tag("slow")
class ResultsDownloadScaleTests {

	private static final int HEAP_MB = 128;

	private static final long TEST_CASES = 450_000;

	private static final int DOWNLOADS = 3;

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final RimeEmulator emulator = RimeEmulator.builder()
		.apiKey("scale-key")
		.testCasesPerRun(TEST_CASES)
		.pendingDuration(Duration.ofMillis(100))
		.runningDuration(Duration.ofMillis(500))
		.validationDuration(Duration.ofMillis(100))
		.build();

	private Path folder;

	private Process application;

	@BeforeEach
	void start() {
		this.emulator.start();
		this.folder = TemporaryFolders.create("results-scale-");
	}

	@AfterEach
	void stop() throws IOException, InterruptedException {
		if (this.application != null) {
			this.application.destroy();
			this.application.waitFor();
		}
		this.emulator.close();
		TemporaryFolders.delete(this.folder);
	}

	@Test
	void concurrentDownloadsOfAResultLargerThanTheHeapAllComplete() throws Exception {
		Path log = this.folder.resolve("application.log");
		int port = startApplication(log);
		SampleHttp http = new SampleHttp(port);
		HttpResponse<String> started = http.postWithoutBody("/stress-tests");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String jobId = SampleHttp.json(started).get("jobId").asString();
		await().atMost(Duration.ofMinutes(2))
			.until(() -> SampleHttp.json(http.get("/stress-tests/" + jobId)).get("status").asString(),
					"SUCCEEDED"::equals);

		long start = System.nanoTime();
		List<Download> downloads = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(DOWNLOADS);
		try {
			List<Future<Download>> running = new ArrayList<>();
			for (int i = 0; i < DOWNLOADS; i++) {
				running.add(executor.submit(() -> download(port, jobId)));
			}
			for (Future<Download> download : running) {
				downloads.add(download.get());
			}
		}
		finally {
			executor.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(downloads).allSatisfy((download) -> {
			assertThat(download.status()).isEqualTo(200);
			assertThat(download.lines()).isEqualTo(TEST_CASES + 1);
			assertThat(download.bytes()).isEqualTo(download.contentLength());
		});
		long bytes = downloads.get(0).bytes();
		assertThat(DOWNLOADS * bytes).as("the downloads together are larger than the application's heap")
			.isGreaterThan(HEAP_MB * 1024L * 1024L);
		// meanwhile the application wrote the same results to its folder and summarised them, as for every run
		await().atMost(Duration.ofMinutes(2))
			.until(() -> Files.readString(log, StandardCharsets.UTF_8)
				.contains("Job " + jobId + " SUCCEEDED: " + TEST_CASES + " test results written to "));
		assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
		JsonNode heap = SampleHttp.json(http.get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
		System.out.printf("Results download scale: %d concurrent downloads of a %,d-test-case result (%.1f MB each),"
				+ " beside the watcher's own copy, from the sample app at -Xmx%dm: all complete in %.1f s"
				+ " (%.1f MB/s in total); heap used afterwards"
				+ " %.1f MB%n", DOWNLOADS, TEST_CASES, bytes / 1e6, HEAP_MB, seconds, DOWNLOADS * bytes / 1e6 / seconds,
				heap.get("measurements").get(0).get("value").asDouble() / 1e6);
	}

	private int startApplication(Path log) throws IOException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", classPath,
				SampleApplication.class.getName(), "--server.port=0", "--rime.address=" + this.emulator.baseUrl(),
				"--rime.api-key=scale-key", "--rime.sample.run-on-startup=false", "--spring.main.banner-mode=off",
				"--rime.sample.results-dir=" + this.folder.resolve("results"),
				"--management.endpoints.web.exposure.include=metrics");
		this.application = new ProcessBuilder(command).directory(this.folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		// the application binds port 0 itself and logs the port it got
		return await().atMost(Duration.ofMinutes(2)).until(() -> {
			assertThat(this.application.isAlive()).as("the application is running").isTrue();
			Matcher port = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
			return port.find() ? Integer.parseInt(port.group(1)) : 0;
		}, (port) -> port > 0);
	}

	private static Download download(int port, String jobId) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/stress-tests/" + jobId + "/results"))
			.build();
		HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		long lines = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream body = response.body()) {
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				bytes += read;
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		return new Download(response.statusCode(), bytes, lines,
				response.headers().firstValueAsLong("Content-Length").orElse(-1));
	}

	private record Download(int status, long bytes, long lines, long contentLength) {
	}

}
