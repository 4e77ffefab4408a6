package io.rime.client.reliability;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.client.ClosedPort;
import io.rime.client.RimeClient;
import io.rime.client.RimeConnectionException;
import io.rime.client.RimeProject;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When a change's response is lost, the SDK does not repeat it, and tells the user that it may
 * have happened: repeating it by hand is how jobs get started twice.
 */
class LostResponseTests {

	private static final String MAY_HAVE_ACTED = "RIME may have acted on the request";

	private final RimeEmulator emulator = RimeEmulator.builder().apiKey(MatrixFixture.API_KEY).build().start();

	private final RimeClient client = client(this.emulator.baseUrl().toString());

	@AfterEach
	void stop() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void aChangeWhoseResponseIsLostSaysItMayHaveHappenedAndHappensOnce() {
		this.emulator.faults().add(Fault.on("POST", "/v1/projects").applyThenFail().times(1));

		assertThatExceptionOfType(RimeConnectionException.class)
			.isThrownBy(() -> this.client.createProject("lost", "response lost"))
			.withMessageContaining("create_project (POST /v1/projects)")
			.withMessageContaining(MAY_HAVE_ACTED);
		assertThat(this.client.listProjects()).extracting(RimeProject::name).containsOnlyOnce("lost");
	}

	@Test
	void aReadWhoseResponseIsLostSaysNothingOfChanges() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").closeConnection());

		assertThatExceptionOfType(RimeConnectionException.class).isThrownBy(this.client::getRimeInfo)
			.withMessageNotContaining(MAY_HAVE_ACTED);
	}

	@Test
	void aChangeThatReachedNoServerSaysNothingOfChanges() throws Exception {
		try (ClosedPort nothingListens = ClosedPort.reserve();
				RimeClient unreachable = client(nothingListens.uri().toString())) {
			assertThatExceptionOfType(RimeConnectionException.class)
				.isThrownBy(() -> unreachable.createProject("never", "sent"))
				.withMessageContaining("Connection refused")
				.withMessageNotContaining(MAY_HAVE_ACTED);
		}
	}

	private static RimeClient client(String address) {
		return RimeClient.builder().address(address).apiKey(MatrixFixture.API_KEY).retryPolicy(MatrixFixture.RETRIES)
			.build();
	}

}
