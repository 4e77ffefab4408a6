package io.rime.client.reliability;

import java.util.List;

import io.rime.emulator.Fault;

/**
 * A column of the fault matrix: what goes wrong between the client and RIME. Transient faults
 * fire twice (a stall and "apply, then fail" once), so that a retried call succeeds on its third
 * attempt within the default of three retries; lasting faults fire on every matching request.
 * Cuts keep the full {@code Content-Length} and close the connection after the cut, at places
 * where a JSON parser stops with different complaints.
 */
enum FaultCase {

	NONE("none", "no fault: the control column", Target.EMULATOR),

	REFUSED("refused", "connection refused: nothing listens at the address", Target.NOTHING_LISTENS),

	CLOSED("closed", "connection closed before any response (twice)", Target.EMULATOR,
			Fault.on("*", "/v1/**").closeConnection().times(2)),

	RESET("reset", "200 with headers and part of the body, then a TCP reset (every time)", Target.RESETTING_SERVER),

	TOO_MANY_REQUESTS("429", "429 with Retry-After: 1 (twice)", Target.EMULATOR,
			Fault.on("*", "/v1/**").status(429).times(2)),

	INTERNAL_ERROR("500", "500 (every time)", Target.EMULATOR, Fault.on("*", "/v1/**").status(500)),

	BAD_GATEWAY("502", "502 (twice)", Target.EMULATOR, Fault.on("*", "/v1/**").status(502).times(2)),

	UNAVAILABLE("503", "503 with Retry-After: 1 (twice)", Target.EMULATOR, Fault.on("*", "/v1/**").status(503).times(2)),

	GATEWAY_TIMEOUT("504", "504 (twice)", Target.EMULATOR, Fault.on("*", "/v1/**").status(504).times(2)),

	READ_TIMEOUT("stall", "the server stalls past the read timeout (once)", Target.EMULATOR,
			Fault.on("*", "/v1/**").stall().times(1)),

	HTML_ERROR_PAGE("html 502", "a proxy's HTML error page with 502 (every time)", Target.EMULATOR,
			Fault.on("*", "/v1/**").body(502, "text/html", Bodies.BAD_GATEWAY_PAGE)),

	HTML_OK_PAGE("html 200", "an HTML page with 200, such as a login portal (every time)", Target.EMULATOR,
			Fault.on("*", "/v1/**").body(200, "text/html; charset=utf-8", Bodies.LOGIN_PAGE)),

	EMPTY_OK("empty 200", "200 with an empty JSON body (every time)", Target.EMULATOR,
			Fault.on("*", "/v1/**").body(200, "application/json", "")),

	WRONG_TYPES("wrong types", "200 with JSON whose fields have the wrong types (every time)", Target.EMULATOR,
			Fault.on("*", "/v1/**").body(200, "application/json", Bodies.WRONG_TYPES)),

	TRUNCATED_PAGING("paging 404", "a nextPageToken whose page then answers 404 (every time)", Target.EMULATOR,
			Fault.on("GET", "/v1/**?pageToken").status(404)),

	RESULTS_CUT("stream cut", "the test-case stream cut mid-body after the first page (every time)",
			Target.EMULATOR, Fault.on("GET", "/v1/test-cases?pageToken").cutBody()),

	APPLY_THEN_FAIL("apply+fail", "the request takes effect, then the connection closes (once)", Target.EMULATOR,
			Fault.on("*", "/v1/**").applyThenFail().times(1)),

	CUT_IN_NAME("cut name", "the body cut inside the first field name, such as `{\"jo` (twice)",
			Target.EMULATOR, Fault.on("*", "/v1/**").cutBodyAfter("\\{\\s*\"\\w{2}").times(2)),

	CUT_IN_VALUE("cut value", "the body cut inside the first string value, such as `\"uuid\": \"3f2` (twice)",
			Target.EMULATOR, Fault.on("*", "/v1/**").cutBodyAfter("\":\\s*\"[^\"]{3}").times(2)),

	CUT_BETWEEN_ENTRIES("cut entries", "the body cut after the comma that ends the first entry (twice)",
			Target.EMULATOR, Fault.on("*", "/v1/**").cutBodyAfter(",(?=\\s*\")").times(2)),

	CUT_BETWEEN_ELEMENTS("cut elements", "the body cut between two objects of an array, after `},` (twice)",
			Target.EMULATOR, Fault.on("*", "/v1/**").cutBodyAfter("\\}\\s*,(?=\\s*\\{)").times(2)),

	CUT_MID_STREAM("cut page", "a test-case page after the first cut in the middle (twice)", Target.EMULATOR,
			Fault.on("GET", "/v1/test-cases?pageToken").cutBody().times(2));

	private final String label;

	private final String description;

	private final Target target;

	private final List<Fault> faults;

	FaultCase(String label, String description, Target target, Fault... faults) {
		this.label = label;
		this.description = description;
		this.target = target;
		this.faults = List.of(faults);
	}

	String label() {
		return this.label;
	}

	String description() {
		return this.description;
	}

	Target target() {
		return this.target;
	}

	List<Fault> faults() {
		return this.faults;
	}

	/** Where the client of a cell is pointed. */
	enum Target {

		EMULATOR, NOTHING_LISTENS, RESETTING_SERVER

	}

	private static final class Bodies {

		static final String BAD_GATEWAY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
				+ "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

		static final String LOGIN_PAGE = "<!DOCTYPE html><html><head><title>Sign in</title></head>"
				+ "<body><form action=\"/login\"><input name=\"user\"></form></body></html>";

		// One body for every endpoint: each field the SDK reads, with a type it does not expect.
		static final String WRONG_TYPES = """
				{"job": "running", "project": ["p"], "projects": {"id": 1}, "jobs": "none",
				 "hasMore": "perhaps", "nextPageToken": {"t": 1}, "testBatches": 3, "testCases": "many",
				 "testRunId": {"id": "x"}, "datasetId": [1], "modelId": [2], "registryValidationJobId": 7,
				 "clusterInfoVersion": {"v": 1}, "customerName": [], "expirationTime": {}, "riPlan": []}
				""";

	}

}
