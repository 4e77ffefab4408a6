package io.rime.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.rime.client.RimeClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The main job learns that its stress test ended from the watcher; with the watcher off it says
 * so and starts nothing, rather than waiting for an event that never comes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "rime.watcher.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class MainJobWithoutWatcherTests {

	@Autowired
	private MainJob mainJob;

	@Autowired
	private RimeClient client;

	@Test
	void withTheWatcherOffTheMainJobStartsNothingAndReportsWhy(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mainJob.outcome().isDone());

		RunOutcome outcome = this.mainJob.outcome().join();
		assertThat(outcome.exitCode()).isEqualTo(RunOutcome.NOT_COMPLETED);
		assertThat(outcome.jobId()).isNull();
		assertThat(output).contains("Not starting the Titanic stress test: the job watcher is off, so the end of the"
				+ " stress test would go unnoticed; set rime.watcher.enabled=true");
		assertThat(this.client.listStressTestJobs()).isEmpty();
	}

}
