package io.rime.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.JobType;

import static org.assertj.core.api.Assertions.assertThat;

class VerbosePrinterTests {

	@Test
	void theStatusLineIsTheSeeds() {
		JobMetadata job = new JobMetadata("j", JobType.MODEL_STRESS_TEST, JobStatus.RUNNING, 1, 95.2, 3, 10, null,
				false);
		assertThat(VerbosePrinter.statusLine(job))
			.isEqualTo("Status: RUNNING, Running Time: 00:01:35.20 (3 / 10 tests completed)");
	}

	@Test
	void withoutProgressTheStatusLineHasNoCount() {
		JobMetadata job = new JobMetadata("j", JobType.MODEL_STRESS_TEST, JobStatus.PENDING, 0, 0, 0, 0, null, false);
		assertThat(VerbosePrinter.statusLine(job)).isEqualTo("Status: PENDING, Running Time: 00:00:00.00");
	}

	@Test
	void runningTimesPastAnHourKeepCounting() {
		assertThat(VerbosePrinter.runningTime(3 * 3600 + 61.005)).isEqualTo("03:01:01.01");
	}

	@Test
	void theStartLineIsPrintedOnceInTheClocksZone() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		VerbosePrinter printer = new VerbosePrinter(new PrintStream(out, true, StandardCharsets.UTF_8),
				Clock.fixed(Instant.EPOCH, ZoneId.of("Europe/Paris")));
		JobMetadata job = new JobMetadata("j", JobType.MODEL_STRESS_TEST, JobStatus.RUNNING, 1714564840, 1, 0, 0,
				null, false);
		printer.print(job);
		printer.print(job);
		assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
				"Job 'j' started at 2024-05-01T14:00:40+02:00", "Status: RUNNING, Running Time: 00:00:01.00",
				"Status: RUNNING, Running Time: 00:00:01.00");
	}

}
