package io.rime.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RimeEmulatorBuilderTest {

	@Test
	void badSettingsAreRejectedWithTheValue() {
		RimeEmulator.Builder builder = RimeEmulator.builder();

		assertThatIllegalArgumentException().isThrownBy(() -> builder.port(70000))
			.withMessage("Emulator port must be from 0 to 65535, but was 70000");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.apiKey(" "))
			.withMessageContaining("must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.runningDuration(Duration.ofSeconds(-1)))
			.withMessage("Emulator runningDuration must be zero or positive, but was PT-1S");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.testCasesPerRun(0))
			.withMessage("Emulator testCasesPerRun must be 1 or more, but was 0");
	}

	@Test
	void theBaseUrlExistsOnceStartedAndAnEmulatorStartsOnce() {
		RimeEmulator emulator = RimeEmulator.builder().build();
		assertThatIllegalStateException().isThrownBy(emulator::baseUrl).withMessageContaining("call start() first");
		try (RimeEmulator started = emulator.start()) {
			assertThat(started.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
			assertThat(started.port()).isPositive();
			assertThat(started.apiKey()).startsWith("emu-").hasSize(52);
			assertThatIllegalStateException().isThrownBy(started::start).withMessageContaining("already started");
		}
	}

	@Test
	void theApiKeyAppearsInNoLogRecordAtAnyLevel() {
		Logger logger = Logger.getLogger("io.rime.emulator");
		List<LogRecord> records = new ArrayList<>();
		Handler capture = new Handler() {
			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		Level previous = logger.getLevel();
		logger.setLevel(Level.ALL);
		capture.setLevel(Level.ALL);
		logger.addHandler(capture);
		try (RimeEmulator emulator = RimeEmulator.builder().apiKey("key-that-must-not-leak").build().start()) {
			emulator.faults().add(Fault.on("GET", "/v1/projects").cutBody().times(1));
			EmulatorHttp http = new EmulatorHttp(emulator);
			http.get("/v1/rime-info");
			http.post("/v1/projects", "{broken");
			http.send("GET", "/v1/rime-info", null, java.util.Map.of("rime-api-key", "key-that-must-not-leak-2"));
			try {
				http.get("/v1/projects");
			}
			catch (java.io.UncheckedIOException expected) {
				// the cut body
			}
		}
		finally {
			logger.removeHandler(capture);
			logger.setLevel(previous);
		}

		assertThat(records).isNotEmpty().allSatisfy((record) -> {
			assertThat(String.valueOf(record.getMessage())).doesNotContain("key-that-must-not-leak");
			assertThat(String.valueOf(java.util.Arrays.toString(record.getParameters())))
				.doesNotContain("key-that-must-not-leak");
			assertThat(String.valueOf(record.getThrown())).doesNotContain("key-that-must-not-leak");
		});
	}

}
