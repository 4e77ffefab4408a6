package io.rime.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecurityTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final RimeClient client = TestRime.client(this.emulator);

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void aJobIdCannotReachAnotherEndpoint() {
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.getStressTestJob("../projects"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(404));
		assertThat(this.emulator.requests()).extracting(RecordedRequest::path).containsExactly("/v1/jobs/..%2Fprojects");
	}

	@Test
	void reservedCharactersInIdsStayInsideTheirPathSegment() {
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.getProject("a/b?c=d#e f"));
		assertThat(this.emulator.requests()).extracting(RecordedRequest::target)
			.containsExactly("/v1/projects/a%2Fb%3Fc%3Dd%23e%20f");
	}

	@Test
	void aDotSegmentIdIsRejectedBeforeAnythingIsSent() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.client.getStressTestJob(".."))
			.withMessage("jobId is '..'; expected an id, not a dot segment");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.client.getProject("."))
			.withMessage("projectId is '.'; expected an id, not a dot segment");
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void theApiKeyIsSentToTheConfiguredAddress() {
		this.client.getRimeInfo();
		assertThat(this.emulator.requests()).singleElement().extracting(RecordedRequest::apiKeyPresent).isEqualTo(true);
	}

	@Test
	void theApiKeyFollowsARedirectOnTheSameOriginButNotToAnotherHost() throws IOException {
		List<String> keysSeen = new CopyOnWriteArrayList<>();
		HttpServer redirector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		redirector.createContext("/", (exchange) -> {
			keysSeen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("rime-api-key"));
			String location = exchange.getRequestURI().getPath().startsWith("/moved")
					? this.emulator.baseUrl() + "/v1/rime-info" : "/moved/v1/rime-info";
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		redirector.start();
		try (RimeClient redirected = RimeClient.builder()
			.address(URI.create("http://127.0.0.1:" + redirector.getAddress().getPort()))
			.apiKey(TestRime.API_KEY)
			.build()) {
			assertThatExceptionOfType(RimeApiException.class).isThrownBy(redirected::getRimeInfo)
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
		}
		finally {
			redirector.stop(0);
		}
		assertThat(keysSeen).containsExactly("/v1/rime-info " + TestRime.API_KEY, "/moved/v1/rime-info " + TestRime.API_KEY);
		assertThat(this.emulator.requests()).singleElement().extracting(RecordedRequest::apiKeyPresent).isEqualTo(false);
	}

	@Test
	void aWrongApiKeyIsReportedAsInvalidOrExpiredWithoutShowingIt() {
		String wrongKey = "sk-wrong-key-987654321";
		try (RimeClient wrong = TestRime.clientBuilder(this.emulator).apiKey(wrongKey).build()) {
			assertThatExceptionOfType(RimeApiException.class).isThrownBy(wrong::getRimeInfo)
				.satisfies((ex) -> {
					assertThat(ex.getHttpStatus()).isEqualTo(401);
					assertThat(ex.getMessage()).contains("invalid or expired").doesNotContain(wrongKey);
					assertThat(ex.toString()).doesNotContain(wrongKey);
				});
		}
	}

	@Test
	void theApiKeyIsInNoLogLineAtTraceAndInNoExceptionMessage() {
		List<String> lines = new ArrayList<>();
		Handler capture = new Handler() {
			@Override
			public void publish(LogRecord record) {
				StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
				for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
					line.append(" | ").append(t);
				}
				synchronized (lines) {
					lines.add(line.toString());
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		Logger root = Logger.getLogger("");
		Level rootLevel = root.getLevel();
		Logger rime = Logger.getLogger("io.rime");
		Logger spring = Logger.getLogger("org.springframework");
		root.addHandler(capture);
		rime.setLevel(Level.ALL);
		spring.setLevel(Level.ALL);
		List<String> messages = new ArrayList<>();
		try {
			RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
			job.getStatus();
			this.client.listStressTestJobs();
			messages.add(exceptionText(() -> this.client.getProject("missing")));
			messages.add(exceptionText(() -> this.client.startStressTest(Map.of("runName", "r", "modelId",
					Map.of("uuid", "m"), "dataInfo", Map.of("evalDatasetId", "e")))));
			this.emulator.faults().add(io.rime.emulator.Fault.on("GET", "/v1/rime-info").closeConnection());
			messages.add(exceptionText(this.client::getRimeInfo));
		}
		finally {
			root.removeHandler(capture);
			root.setLevel(rootLevel);
			rime.setLevel(null);
			spring.setLevel(null);
		}
		assertThat(lines).anyMatch((line) -> line.contains("rime-api-key:\"******\""));
		assertThat(lines).noneMatch((line) -> line.contains(TestRime.API_KEY));
		assertThat(messages).hasSize(3).allSatisfy((message) -> assertThat(message).doesNotContain(TestRime.API_KEY));
	}

	private static String exceptionText(Runnable action) {
		try {
			action.run();
		}
		catch (RimeException ex) {
			StringBuilder text = new StringBuilder();
			for (Throwable t = ex; t != null; t = t.getCause()) {
				text.append(t).append('\n');
			}
			return text.toString();
		}
		throw new AssertionError("expected a RimeException");
	}

}
