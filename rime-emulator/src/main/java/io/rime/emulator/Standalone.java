package io.rime.emulator;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of the standalone emulator.
 */
final class Standalone {

	static final String USAGE = """
			Usage: java -jar rime-emulator-<version>.jar [options]
			  --port N                 port to listen on (default 8080; 0 picks a free port)
			  --bind ADDRESS           address to listen on (default 127.0.0.1)
			  --api-key KEY            API key that calls must send in the rime-api-key header
			                           (default: none, calls need no key)
			  --pending-duration D     time from start to running (default 1s); durations take
			                           Spring Boot's syntax: 500ms, 10s, 10m, 2h, 2d or ISO-8601 (PT10M)
			  --running-duration D     time a stress test runs (default 5s)
			  --test-cases-per-run N   test cases of every run (default: one per feature per test batch)
			  --data-checks BOOLEAN    compute the data checks of stress tests on local CSV files
			                           (default true; false generates their results like remote data)
			  --fault SPEC             inject a fault, repeatable: 'METHOD /path=KIND[:ARG][,rate=R][,times=N]'
			                           KIND is status:CODE, latency:DURATION, close, cut-body, apply-then-fail,
			                           stall or body:CODE:CONTENT-TYPE:URL-ENCODED-BODY; PATH may end in
			                           ?PARAM to match only requests with that query parameter;
			                           e.g. --fault 'POST /v1/stress-tests/*=status:503,rate=0.2'
			  --fault-seed N           seed that makes fault rates repeatable (default 42)
			  --help                   print this help
			""";

	private Standalone() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		RimeEmulator.Builder builder = RimeEmulator.builder().port(8080).apiKey(null);
		java.util.List<Fault> faults = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < args.length; i++) {
				String option = args[i];
				if (option.equals("--help") || option.equals("-h")) {
					out.print(USAGE);
					return 0;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Option " + option + " needs a value");
				}
				String value = args[++i];
				switch (option) {
					case "--port" -> builder.port(parseInt(option, value));
					case "--bind" -> builder.bindAddress(parseAddress(value));
					case "--api-key" -> builder.apiKey(value);
					case "--pending-duration" -> builder.pendingDuration(parseDuration(option, value));
					case "--running-duration" -> builder.runningDuration(parseDuration(option, value));
					case "--test-cases-per-run" -> builder.testCasesPerRun(parseLong(option, value));
					case "--fault" -> faults.add(Fault.parse(value));
					case "--fault-seed" -> builder.faultSeed(parseLong(option, value));
					case "--data-checks" -> builder.dataChecks(parseBoolean(option, value));
					default -> throw new IllegalArgumentException("Unknown option " + option);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.print(USAGE);
			return 2;
		}
		RimeEmulator emulator = builder.build();
		faults.forEach(emulator.faults()::add);
		emulator.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			out.println("RIME emulator stopped");
			stopped.countDown();
		}, "rime-emulator-shutdown"));
		out.println("RIME emulator listening on " + emulator.baseUrl());
		out.println("Default project id: " + emulator.defaultProjectId());
		out.println((emulator.apiKey() != null) ? "API key: required (the one given with --api-key)"
				: "API key: not required (start with --api-key KEY to require one)");
		faults.forEach((fault) -> out.println("Injecting fault: " + fault));
		out.println("Press Ctrl-C to stop");
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	private static int parseInt(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Option " + option + " needs a whole number, but was '" + value + "'");
		}
	}

	private static long parseLong(String option, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Option " + option + " needs a whole number, but was '" + value + "'");
		}
	}

	private static boolean parseBoolean(String option, String value) {
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("Option " + option + " needs true or false, but was '" + value
					+ "'");
		};
	}

	private static Duration parseDuration(String option, String value) {
		try {
			return DurationText.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Option " + option + " needs " + DurationText.EXPECTED
					+ " (as in Spring Boot properties), but was '" + value + "'");
		}
	}

	private static InetAddress parseAddress(String value) {
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Option --bind needs an address, but was '" + value + "'");
		}
	}

}
