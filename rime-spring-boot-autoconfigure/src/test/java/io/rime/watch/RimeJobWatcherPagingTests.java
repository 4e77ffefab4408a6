package io.rime.watch;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.rime.client.RimeClient;
import io.rime.emulator.Fault;
import io.rime.endpoint.RimeEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher against a RIME whose job listing pages in a circle: each poll cycle ends in the
 * SDK's typed error instead of looping, and the watcher reports it like any failed cycle, in
 * {@code /actuator/rime}, in {@code rime.watcher.poll.errors} and in one WARN.
 */
class RimeJobWatcherPagingTests extends AbstractRimeJobWatcherTests {

	@Test
	void aJobListingWhoseTokensCycleFailsEachCycleAndIsReportedOnce() {
		this.contextRunner.run((context) -> {
			RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			new RimeJobWatcherMetrics(watcher).bindTo(meters);
			this.gate.awaitCycles(1);
			// The first page hands out token B, every later page token A: B -> A -> A.
			this.emulator.faults().add(Fault.on("GET", "/v1/jobs/project/*?pageToken").body(200, "application/json",
					"{\"jobs\": [], \"hasMore\": true, \"nextPageToken\": \"A\"}"));
			this.emulator.faults().add(Fault.on("GET", "/v1/jobs/project/*").body(200, "application/json",
					"{\"jobs\": [], \"hasMore\": true, \"nextPageToken\": \"B\"}"));
			Awaitility.await().until(() -> watcher.pollErrorCount() >= 3);

			RimeEndpoint.WatcherDescriptor shown = new RimeEndpoint(context.getBean(RimeClient.class),
					this.emulator.baseUrl(), false, watcher).rime().watcher();
			assertThat(shown.lastPoll()).isNotNull();
			assertThat(shown.consecutiveFailures()).isGreaterThanOrEqualTo(3);
			assertThat(shown.lastError()).startsWith("RimeException: RIME answered page 3 of list_jobs with a page"
					+ " token it had already sent in this listing ('A')");
			assertThat(meters.get("rime.watcher.poll.errors").functionCounter().count()).isGreaterThanOrEqualTo(3);
			List<ILoggingEvent> warnings = this.log.list.stream()
				.filter((event) -> event.getLevel() == Level.WARN)
				.toList();
			assertThat(warnings).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("cannot poll RIME",
						"page token it had already sent", "Logged once"));
			assertThat(this.emulator.requests()).as("each cycle stops at the repeated token")
				.filteredOn((request) -> request.target().contains("pageToken=A"))
				.hasSizeLessThanOrEqualTo((int) watcher.pollErrorCount() + 1);
		});
	}

}
