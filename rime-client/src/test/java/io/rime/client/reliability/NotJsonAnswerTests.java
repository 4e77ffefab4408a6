package io.rime.client.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeException;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What answers in HTML instead of RIME: a login portal with 200 must not pass for a done call,
 * and a proxy's error page is named by its title, not shown as markup. JSON of the wrong shape
 * is named by its field, not by the SDK's internal types.
 */
class NotJsonAnswerTests {

	private static final String LOGIN_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in to Example Corp</title>"
			+ "</head><body><form action=\"/login\"></form></body></html>";

	private final RimeEmulator emulator = RimeEmulator.builder().apiKey(MatrixFixture.API_KEY).build().start();

	private final RimeClient client = RimeClient.builder()
		.address(this.emulator.baseUrl())
		.apiKey(MatrixFixture.API_KEY)
		.retryPolicy(MatrixFixture.RETRIES)
		.build();

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void aCancelAnsweredByALoginPageWithStatus200IsNotReportedAsDone() {
		this.emulator.faults().add(Fault.on("POST", "/v1/jobs/cancel/*").body(200, "text/html", LOGIN_PAGE));

		assertThatExceptionOfType(RimeException.class).isThrownBy(() -> this.client.job("job-1").cancel())
			.withMessageContaining("cancel_job (POST /v1/jobs/cancel/job-1) with text/html, not JSON")
			.withMessageContaining("an HTML page ('Sign in to Example Corp')")
			.withMessageContaining("check that the address is RIME's API")
			.withMessageNotContaining("<");
	}

	@Test
	void aPlainTextAnswerWithStatus200IsQuoted() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").body(200, "text/plain", "It works!\nApache"));

		assertThatExceptionOfType(RimeException.class).isThrownBy(this.client::getRimeInfo)
			.withMessageContaining("with text/plain, not JSON: 'It works!'");
	}

	@Test
	void aJsonContentTypeWithParametersIsJson() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").body(200, "application/json; charset=utf-8",
				"{\"clusterInfoVersion\": \"1.2.3\"}"));

		assertThat(this.client.getRimeInfo().version()).isEqualTo("1.2.3");
	}

	@Test
	void jsonWithAWrongTypedFieldNamesTheField() {
		this.emulator.faults().add(Fault.on("GET", "/v1/jobs/*").body(200, "application/json",
				"{\"job\": {\"jobId\": \"job-1\", \"runningTimeSecs\": {\"seconds\": 3}}}"));

		assertThatExceptionOfType(RimeException.class).isThrownBy(() -> this.client.job("job-1").getStatus())
			.withMessageContaining("get_job (GET /v1/jobs/job-1) that is not the expected JSON:"
					+ " the value of 'job.runningTimeSecs' has the wrong type")
			.withMessageNotContaining("io.rime.client.internal");
	}

	@Test
	void aProxysHtmlErrorPageIsNamedByItsTitle() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").body(502, "text/html",
				"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><h1>502 Bad Gateway</h1></body></html>"));

		assertThatExceptionOfType(RimeApiException.class).isThrownBy(this.client::getRimeInfo)
			.withMessage("RIME answered HTTP 502 to get_rime_info (GET /v1/rime-info): an HTML page ('502 Bad Gateway'),"
					+ " not RIME's JSON error: a proxy or gateway in front of RIME answered")
			.satisfies((ex) -> assertThat(ex.getServerMessage()).isEqualTo("<html>"));
	}

}
