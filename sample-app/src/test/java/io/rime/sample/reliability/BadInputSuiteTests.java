package io.rime.sample.reliability;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import io.rime.client.RimeClient;
import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;
import io.rime.sample.SampleHttp;
import io.rime.sample.TestResults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suite 4, bad input: each row of {@link BadInputs} is a malformed property given to the sample
 * application, a malformed SDK argument, or a malformed call to the sample's REST API. Each must
 * be refused with the documented error, naming what was wrong, before anything reaches RIME: the
 * emulator must record no request for it. No row may surface a {@code NullPointerException}, and
 * no 400 may carry a stack trace or an exception class name.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestResults.PROPERTY, "rime.sample.run-on-startup=false", "rime.watcher.enabled=false",
				"rime.api-key=" + BadInputSuiteTests.API_KEY })
@Tag("slow")
class BadInputSuiteTests {

	static final String API_KEY = "bad-input-suite-key-41c2";

	private static final SummaryTable summary = new SummaryTable("Suite 4: bad input", "#", "area", "input",
			"outcome", "requests to RIME", "message excerpt");

	@LocalServerPort
	private int port;

	@Autowired
	private RimeEmulator emulator;

	@Autowired
	RimeClient client;

	SampleHttp http;

	@BeforeEach
	void http() {
		this.http = new SampleHttp(this.port);
	}

	@AfterAll
	static void printSummary() {
		summary.print();
	}

	static List<BadInput> rows() {
		return BadInputs.all();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("rows")
	void isRefusedWithTheDocumentedErrorBeforeAnyCallToRime(BadInput row, CapturedOutput output) throws Exception {
		List<RecordedRequest> before = List.copyOf(this.emulator.requests());

		Outcome outcome = row.attempt().run(this, output);

		List<RecordedRequest> after = List.copyOf(this.emulator.requests());
		summary.add(BadInputs.all().indexOf(row) + 1, row.area(), row.input(), outcome.result(),
				after.size() - before.size(), outcome.message());
		assertThat(outcome.result()).as(outcome.message()).isEqualTo(row.result());
		assertThat(outcome.message()).contains(row.expected());
		assertThat(outcome.body()).doesNotContain("NullPointerException");
		if (row.area() == Area.REST_API) {
			assertThat(outcome.body()).doesNotContain("Exception", "\tat ", "io.rime.", "tools.jackson",
					"org.springframework", "java.");
		}
		assertThat(after).as("requests RIME received").isEqualTo(before);
	}

	/** Start the sample application with the given properties over a valid base; it must fail. */
	Outcome startSample(CapturedOutput output, Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("rime.address", this.emulator.baseUrl().toString());
		all.put("rime.api-key", API_KEY);
		all.putAll(properties);
		int start = output.getAll().length();
		try (ConfigurableApplicationContext context = SampleApp.start(WebApplicationType.NONE, all)) {
			return new Outcome("started", "the application started", "");
		}
		catch (RuntimeException ex) {
			String logged = output.getAll().substring(start);
			int description = logged.indexOf("Description:");
			if (description < 0) {
				return new Outcome("startup failure without analysis", String.valueOf(ex), logged);
			}
			String report = logged.substring(description + "Description:".length());
			return new Outcome("startup failure", report, report);
		}
	}

	Outcome call(String method, String path, String contentType, String body) {
		HttpResponse<String> response = switch (method) {
			case "GET" -> this.http.get(path);
			case "POST" -> (body == null) ? this.http.postWithoutBody(path) : this.http.post(path, contentType, body);
			default -> throw new IllegalArgumentException(method);
		};
		String type = response.headers().firstValue("Content-Type").orElse("no content type");
		String detail = type.equals("application/problem+json")
				? SampleHttp.json(response).path("detail").asString("") : response.body();
		return new Outcome(response.statusCode() + " " + type, detail, response.body());
	}

	/** Which part of the product a row feeds. */
	enum Area {

		PROPERTY, SDK, REST_API

	}

	/**
	 * What a bad input led to.
	 *
	 * @param result the kind of refusal, such as {@code startup failure} or {@code 400 application/problem+json}
	 * @param message the exception message, failure description or problem detail
	 * @param body all that was shown: the whole response body, failure report or exception
	 */
	record Outcome(String result, String message, String body) {
	}

	/** How a row feeds its bad input to the product. */
	@FunctionalInterface
	interface Attempt {

		Outcome run(BadInputSuiteTests suite, CapturedOutput output) throws Exception;

	}

	/**
	 * One row of the table.
	 *
	 * @param area where the input goes
	 * @param input the bad input, as shown in the summary
	 * @param attempt how it is given
	 * @param result the documented refusal, such as {@code startup failure}
	 * @param expected what the refusal must say: the name, the value and what was expected
	 */
	record BadInput(Area area, String input, Attempt attempt, String result, String... expected) {

		@Override
		public String toString() {
			return this.area + " " + this.input;
		}

	}

}
