package io.rime.client.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.rime.client.JobMetadata;

/**
 * The seed SDK's verbose texts, for one wait: the start line once, a status line per poll.
 */
final class VerbosePrinter {

	private final PrintStream out;

	private final Clock clock;

	private boolean startPrinted;

	VerbosePrinter(PrintStream out, Clock clock) {
		this.out = out;
		this.clock = clock;
	}

	synchronized void print(JobMetadata job) {
		if (!this.startPrinted && job.startTimeSecs() > 0) {
			Instant started = Instant.ofEpochSecond(job.startTimeSecs()).truncatedTo(ChronoUnit.SECONDS);
			this.out.println("Job '" + job.name() + "' started at "
					+ DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(started.atZone(this.clock.getZone())));
			this.startPrinted = true;
		}
		this.out.println(statusLine(job));
	}

	synchronized void printFailure(JobMetadata job, String logs) {
		this.out.println("Job '" + job.name() + "' failed: "
				+ ((job.errorMessage() != null) ? job.errorMessage() : "no error message"));
		if (!logs.isEmpty()) {
			this.out.println("Archived logs:");
			this.out.println(logs.stripTrailing());
		}
	}

	static String statusLine(JobMetadata job) {
		String line = "Status: " + job.status() + ", Running Time: " + runningTime(job.runningTimeSecs());
		if (job.totalTestBatches() > 0) {
			line += " (" + job.completedTestBatches() + " / " + job.totalTestBatches() + " tests completed)";
		}
		return line;
	}

	static String runningTime(double seconds) {
		long hundredths = Math.round(Math.max(seconds, 0) * 100);
		return String.format(Locale.ROOT, "%02d:%02d:%02d.%02d", hundredths / 360_000, (hundredths / 6_000) % 60,
				(hundredths / 100) % 60, hundredths % 100);
	}

}
