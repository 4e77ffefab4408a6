package io.rime.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A closed client acts no more: every call, also on the jobs it handed out, is refused at once
 * and sends RIME nothing, so a start with a seed-form config leaves no dataset or model behind.
 */
class ClosedClientTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final RimeClient client = TestRime.client(this.emulator);

	@TempDir
	Path directory;

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void everyCallOfAClosedClientIsRefusedWithoutARequest() {
		RimeStressTestJob finished = this.client.startStressTest(
				this.emulator.seed().testRunConfig(this.emulator.defaultProjectId()));
		this.client.close();
		int requestsBefore = this.emulator.requests().size();
		Map<String, Object> seedConfig = TestRime.titanicConfig();
		List<ThrowingCallable> calls = List.of(() -> this.client.startStressTest(seedConfig),
				() -> this.client.createProject("after-close", "refused"),
				() -> this.client.getProject(this.emulator.defaultProjectId()), this.client::listProjects,
				this.client::listStressTestJobs, this.client::getRimeInfo,
				() -> this.client.getStressTestJob(finished.jobId()), finished::getStatus, finished::cancel,
				() -> finished.getResultCsv(this.directory.resolve("r.csv")),
				() -> finished.waitUntilFinish(Duration.ofMillis(10), Duration.ofSeconds(1)),
				() -> finished.whenFinished(Duration.ofMillis(10)));
		for (ThrowingCallable call : calls) {
			assertThatIllegalStateException().isThrownBy(call).withMessageContaining("closed");
		}
		assertThat(this.emulator.requests()).as("requests sent after close()").hasSize(requestsBefore);
		assertThat(this.directory).isEmptyDirectory();
	}

}
