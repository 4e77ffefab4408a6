package io.rime.sample.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import io.rime.client.CustomImage;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.sample.reliability.BadInputSuiteTests.Area;
import io.rime.sample.reliability.BadInputSuiteTests.BadInput;
import io.rime.sample.reliability.BadInputSuiteTests.Outcome;

/**
 * The rows of the bad-input suite: properties, SDK arguments and REST calls, each with the words
 * its refusal must contain.
 */
final class BadInputs {

	private static final String PROBLEM = "400 application/problem+json";

	private static final List<BadInput> ALL = List.of(
			property("rime.address=ftp://rime.example.com", "'rime.address'", "'ftp://rime.example.com'",
					"not an http or https URL"),
			property("rime.address=rime.example.com:99999", "'rime.address'", "'rime.example.com:99999'", "above 65535"),
			property("rime.address=https://rime.example.com?x=1", "'rime.address'", "query or fragment"),
			property("rime.address=https://user:pw@rime.example.com", "'rime.address'", "user info", "'rime.api-key'"),
			property("rime.connect-timeout=-1s", "'rime.connect-timeout'", "'-1s'", "expected a positive duration"),
			property("rime.read-timeout=0s", "'rime.read-timeout'", "'0s'", "expected a positive duration"),
			property("rime.retry.max-retries=-1", "'rime.retry.max-retries'", "'-1'", "expected 0 or more"),
			property("rime.retry.max-retries=many", "rime.retry.max-retries", "\"many\"", "long"),
			property("rime.retry.multiplier=0.5", "'rime.retry.multiplier'", "'0.5'", "expected 1 or more"),
			property("rime.retry.delay=-200ms", "'rime.retry.delay'", "'-200ms'", "0 or a positive duration"),
			property("rime.retry.max-delay=500ms rime.retry.delay=2s", "'rime.retry.max-delay'", "'500ms'",
					"less than 'rime.retry.delay' (2s)"),
			property("rime.retry.timeout=soon", "rime.retry.timeout", "\"soon\"", "Duration"),
			property("rime.ssl.bundle=nope", "'rime.ssl.bundle'", "'nope'", "no SSL bundle named 'nope'"),
			property("rime.health.timeout=0", "'rime.health.timeout'", "'0s'", "expected a positive duration"),
			property("rime.redirects=follow", "'rime.redirects'", "'follow'", "API key"),
			property("rime.default-project-id=..", "'rime.default-project-id'", "'..'", "expected a project id"),
			property("rime.watcher.poll-interval=0s", "'rime.watcher.poll-interval'", "'0s'", "positive duration"),
			property("rime.watcher.project-ids=..", "'rime.watcher.project-ids[0]'", "'..'", "a project id"),
			sdk("getStressTestJob(null)", (client) -> client.getStressTestJob(null), "jobId is null",
					"expected a non-blank id"),
			sdk("getStressTestJob(\" \")", (client) -> client.getStressTestJob(" "), "jobId is ' '"),
			sdk("getProject(\"..\")", (client) -> client.getProject(".."), "projectId is '..'", "not a dot segment"),
			sdk("createProject(null, \"d\")", (client) -> client.createProject(null, "d"), "name is null",
					"expected a non-blank text"),
			sdk("startStressTest(null)", (client) -> client.startStressTest(null), "testRunConfig is null"),
			sdk("startStressTest({})", (client) -> client.startStressTest(Map.of()), "testRunConfig is empty"),
			sdk("startStressTest({run_name: 42, ...})", (client) -> client.startStressTest(seedConfigWithRunName(42)),
					"testRunConfig.run_name is 42", "expected a name for the test run"),
			sdk("listStressTestJobs([RUNNING, null])",
					(client) -> client.listStressTestJobs(Arrays.asList(JobStatus.RUNNING, null), null),
					"statusFilters[1] is null", "expected a JobStatus"),
			sdk("JobStatus.fromName(\"DONE\")", (client) -> JobStatus.fromName("DONE"), "'DONE'", "expected one of"),
			sdk("job.waitUntilFinish(1s, -5s)",
					(client) -> client.job("j").waitUntilFinish(Duration.ofSeconds(1), Duration.ofSeconds(-5)),
					"timeout is PT-5S", "expected zero or a positive duration"),
			sdk("job.whenFinished(0s)", (client) -> client.job("j").whenFinished(Duration.ZERO),
					"pollRate is PT0S", "expected more than zero"),
			sdk("job.getResultCsv(null)", (client) -> client.job("j").getResultCsv(null), "file is null"),
			sdk("job.getResultCsv(\"target\" (a directory))", (client) -> client.job("j")
				.getResultCsv(Path.of("target")), "'target' is a directory", "expected the path of a file"),
			sdk("job.getResultCsv(f, \"0.11.0\")",
					(client) -> client.job("j").getResultCsv(Path.of("target", "r.csv"), "0.11.0"),
					"'0.11.0'", "expected one of 0.12.0, 1.0.0"),
			sdk("new CustomImage(\" \")", (client) -> new CustomImage(" "), "name is ' '", "expected an image reference"),
			sdk("builder().address(\"ftp://x\")", (client) -> RimeClient.builder().address("ftp://x"), "'ftp://x'",
					"scheme 'ftp'"),
			sdk("builder().readTimeout(-1s)", (client) -> RimeClient.builder().readTimeout(Duration.ofSeconds(-1)),
					"readTimeout", "PT-1S"),
			rest("POST /stress-tests {\"projectId\":", "POST", "application/json", "{\"projectId\":", PROBLEM,
					"not a valid JSON object", "expected {\"projectId\""),
			rest("POST /stress-tests [1, 2]", "POST", "application/json", "[1, 2]", PROBLEM, "not a valid JSON object"),
			rest("POST /stress-tests \"titanic\"", "POST", "application/json", "\"titanic\"", PROBLEM,
					"not a valid JSON object"),
			rest("POST /stress-tests {\"runName\": {...}}", "POST", "application/json", "{\"runName\": {\"a\": 1}}",
					PROBLEM, "'runName' must be a string"),
			rest("POST /stress-tests {\"projectId\": [\"a\"]}", "POST", "application/json", "{\"projectId\": [\"a\"]}",
					PROBLEM, "'projectId' must be a string"),
			rest("POST /stress-tests {\"projectId\": 42}", "POST", "application/json", "{\"projectId\": 42}", PROBLEM,
					"'projectId' must be a string"),
			rest("POST /stress-tests {\"runName\": true}", "POST", "application/json", "{\"runName\": true}", PROBLEM,
					"'runName' must be a string"),
			rest("POST /stress-tests {\"projectID\": \"x\"}", "POST", "application/json", "{\"projectID\": \"x\"}",
					PROBLEM, "'projectID' is not a field", "expected {\"projectId\""),
			rest("POST /stress-tests {\"projectId\": \" \"}", "POST", "application/json", "{\"projectId\": \" \"}",
					PROBLEM, "projectId is ' '", "expected a non-blank id"),
			rest("POST /stress-tests {\"projectId\": \"..\"}", "POST", "application/json", "{\"projectId\": \"..\"}",
					PROBLEM, "projectId is '..'", "not a dot segment"),
			rest("POST /stress-tests text/plain", "POST", "text/plain", "titanic", "415 application/problem+json",
					"text/plain"),
			rest("GET /stress-tests?status=DONE", "GET", null, "/stress-tests?status=DONE", PROBLEM, "'DONE'",
					"expected one of"),
			rest("GET /stress-tests?status=runing", "GET", null, "/stress-tests?status=runing", PROBLEM, "'runing'"),
			rest("GET /stress-tests?projectId=%20", "GET", null, "/stress-tests?projectId=%20", PROBLEM,
					"projectId is ' '"),
			rest("GET /stress-tests/%20", "GET", null, "/stress-tests/%20", PROBLEM, "jobId is ' '"),
			rest("GET /stress-tests/%20/results", "GET", null, "/stress-tests/%20/results", PROBLEM, "jobId is ' '"));

	private BadInputs() {
	}

	static List<BadInput> all() {
		return ALL;
	}

	private static BadInput property(String settings, String... expected) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (String setting : settings.split(" ")) {
			int equals = setting.indexOf('=');
			properties.put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		return new BadInput(Area.PROPERTY, settings, (suite, output) -> suite.startSample(output, properties),
				"startup failure", expected);
	}

	private static BadInput sdk(String call, ClientCall attempt, String... expected) {
		return new BadInput(Area.SDK, call, (suite, output) -> {
			try {
				attempt.call(suite.client);
				return new Outcome("no error", "", "");
			}
			catch (RuntimeException ex) {
				return new Outcome(ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()), String.valueOf(ex));
			}
		}, "IllegalArgumentException", expected);
	}

	/** For a GET, {@code target} is the path; for a POST, it is the body sent to /stress-tests. */
	private static BadInput rest(String input, String method, String contentType, String target, String result,
			String... expected) {
		String path = method.equals("GET") ? target : "/stress-tests";
		String body = method.equals("GET") ? null : target;
		return new BadInput(Area.REST_API, input, (suite, output) -> suite.call(method, path, contentType, body),
				result, expected);
	}

	private static Map<String, Object> seedConfigWithRunName(Object runName) {
		return Map.of("run_name", runName, "data_info",
				Map.of("label_col", "Survived", "ref_path", "s3://b/ref.csv", "eval_path", "s3://b/eval.csv"),
				"model_info", Map.of("path", "s3://b/model.py"));
	}

	/** An SDK call that is expected to throw. */
	@FunctionalInterface
	interface ClientCall {

		void call(RimeClient client);

	}

}
