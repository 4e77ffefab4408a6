package io.rime.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The flag form of a {@link Fault}, as the standalone emulator's {@code --fault} option takes it:
 * {@code METHOD PATH=KIND[:ARG][,rate=R][,times=N][,retry-after=D]}, where the body of
 * {@code body:STATUS:CONTENT-TYPE:BODY} is URL-encoded so that it can hold commas. Kept apart from
 * {@code Fault} so that the fault's own API stays small.
 */
final class FaultSpec {

	private FaultSpec() {
	}

	static Fault parse(String spec) {
		if (spec == null) {
			throw new IllegalArgumentException(
					"Fault spec is null; expected 'METHOD /path=KIND[:ARG]', e.g. 'GET /v1/jobs/*=status:503'");
		}
		int space = spec.indexOf(' ');
		int equals = spec.indexOf('=', Math.max(space, 0));
		if (space < 1 || equals < 0) {
			throw new IllegalArgumentException("Fault '" + spec
					+ "' must look like 'METHOD /path=KIND[:ARG][,rate=R][,times=N]', e.g. 'GET /v1/jobs/*=status:503'");
		}
		Fault fault = Fault.on(spec.substring(0, space).trim(), spec.substring(space + 1, equals).trim());
		String[] parts = spec.substring(equals + 1).split(",");
		fault = withKindSpec(fault, parts[0].trim(), spec);
		for (int i = 1; i < parts.length; i++) {
			String[] option = parts[i].trim().split("=", 2);
			String value = (option.length == 2) ? option[1].trim() : "";
			try {
				fault = switch (option[0].trim()) {
					case "rate" -> fault.rate(Double.parseDouble(value));
					case "times" -> fault.times(Integer.parseInt(value));
					case "retry-after" -> fault.retryAfter(parseDuration(value, spec));
					default -> throw new IllegalArgumentException("Fault '" + spec + "' has an unknown option '"
							+ parts[i].trim() + "'; expected rate=, times= or retry-after=");
				};
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Fault '" + spec + "' has a bad number in '" + parts[i].trim() + "'");
			}
		}
		return fault;
	}

	private static Fault withKindSpec(Fault fault, String kindSpec, String spec) {
		String[] kindAndArg = kindSpec.split(":", 2);
		String arg = (kindAndArg.length == 2) ? kindAndArg[1] : "";
		try {
			return switch (kindAndArg[0]) {
				case "status" -> fault.status(Integer.parseInt(arg));
				case "latency" -> fault.latency(parseDuration(arg, spec));
				case "close" -> fault.closeConnection();
				case "cut-body" -> fault.cutBody();
				case "apply-then-fail" -> fault.applyThenFail();
				case "stall" -> fault.stall();
				case "body" -> withBody(fault, arg, spec);
				default -> throw new IllegalArgumentException("Fault '" + spec + "' has an unknown kind '" + kindSpec
						+ "'; expected status:CODE, latency:DURATION, close, cut-body, apply-then-fail, stall"
						+ " or body:CODE:CONTENT-TYPE:URL-ENCODED-BODY");
			};
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Fault '" + spec + "' needs a number in '" + kindSpec + "'");
		}
	}

	private static Fault withBody(Fault fault, String arg, String spec) {
		String[] statusTypeBody = arg.split(":", 3);
		if (statusTypeBody.length < 2) {
			throw new IllegalArgumentException("Fault '" + spec
					+ "' needs body:CODE:CONTENT-TYPE[:URL-ENCODED-BODY], e.g. 'body:200:text/html:%3Chtml%3E'");
		}
		String body = (statusTypeBody.length == 3) ? URLDecoder.decode(statusTypeBody[2], StandardCharsets.UTF_8) : "";
		return fault.body(Integer.parseInt(statusTypeBody[0]), statusTypeBody[1], body);
	}

	private static Duration parseDuration(String text, String spec) {
		try {
			return DurationText.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Fault '" + spec + "' has a bad duration: " + ex.getMessage());
		}
	}

}
