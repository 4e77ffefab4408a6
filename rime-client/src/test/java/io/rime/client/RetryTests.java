package io.rime.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import io.rime.emulator.Fault;
import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RetryTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final RimeClient client = TestRime.client(this.emulator);

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void whenTheServerAnswers503ThenTheReadIsRetried() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).times(2));
		assertThat(this.client.getRimeInfo().version()).isNotBlank();
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/rime-info")).hasSize(3);
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 429, 502, 504 })
	void whenTheServerAnswersATransientStatusThenTheReadIsRetried(int status) {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(status).times(1));
		assertThat(this.client.getRimeInfo().version()).isNotBlank();
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/rime-info")).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 501, 400, 403 })
	void whenTheServerAnswersAPermanentStatusThenTheReadIsNotRetried(int status) {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(status).times(1));
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(this.client::getRimeInfo)
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(status));
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/rime-info")).hasSize(1);
	}

	@Test
	void whenTheServerKeepsFailingTheReadGivesUpAfterTheConfiguredRetries() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503));
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(this.client::getRimeInfo)
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(503));
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/rime-info")).hasSize(4);
	}

	@Test
	void aUsersRetryPolicyAndListenersSeeTheSdksExceptions() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).times(2));
		List<Throwable> policySaw = new ArrayList<>();
		List<Throwable> listenerSaw = new ArrayList<>();
		RetryPolicy onlyApiFailures = RetryPolicy.builder()
			.maxRetries(3)
			.delay(Duration.ofMillis(1))
			.predicate((failure) -> policySaw.add(failure) && failure instanceof RimeApiException)
			.build();
		try (RimeClient recording = TestRime.clientBuilder(this.emulator)
			.retryPolicy(onlyApiFailures)
			.addRetryListener(new RetryListener() {
				@Override
				public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
					listenerSaw.addAll(state.getExceptions());
				}
			})
			.build()) {
			assertThat(recording.getRimeInfo().version()).isNotBlank();
		}
		assertThat(policySaw).hasSize(2).allSatisfy((failure) -> assertThat(failure).isInstanceOf(RimeApiException.class));
		assertThat(listenerSaw).isNotEmpty().allSatisfy((failure) -> assertThat(failure).isInstanceOf(RimeApiException.class));
	}

	@Test
	void retriesStopAtThePolicysOverallDeadline() {
		RetryPolicy manyRetriesShortDeadline = RetryPolicy.builder()
			.maxRetries(1_000)
			.delay(Duration.ofMillis(20))
			.timeout(Duration.ofMillis(300))
			.build();
		try (RimeClient bounded = TestRime.clientBuilder(this.emulator).retryPolicy(manyRetriesShortDeadline).build()) {
			this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503));
			long start = System.nanoTime();
			assertThatExceptionOfType(RimeApiException.class).isThrownBy(bounded::getRimeInfo)
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(503));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/rime-info").size()).isBetween(2, 100);
		}
	}

	@Test
	void retryAfterIsHonoured() {
		try (RimeClient patient = TestRime.clientBuilder(this.emulator).maxRetryAfter(Duration.ofSeconds(30)).build()) {
			this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(429).retryAfter(Duration.ofSeconds(1))
				.times(1));
			long start = System.nanoTime();
			patient.getRimeInfo();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		}
	}

	@Test
	void aLongRetryAfterIsCappedByMaxRetryAfter() {
		try (RimeClient capped = TestRime.clientBuilder(this.emulator).maxRetryAfter(Duration.ofMillis(20)).build()) {
			this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).retryAfter(Duration.ofHours(1))
				.times(1));
			long start = System.nanoTime();
			assertThat(capped.getRimeInfo().version()).isNotBlank();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void whenTheConnectionIsClosedThenTheReadIsRetried() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").closeConnection().times(2));
		assertThat(this.client.getRimeInfo().version()).isNotBlank();
	}

	@Test
	void whenTheServerIsTooSlowTheReadTimesOutAsAConnectionFailure() {
		try (RimeClient impatient = TestRime.clientBuilder(this.emulator).readTimeout(Duration.ofMillis(100))
			.retryPolicy(RetryPolicy.withMaxRetries(0)).build()) {
			this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").latency(Duration.ofMillis(500)).times(1));
			assertThatExceptionOfType(RimeConnectionException.class).isThrownBy(impatient::getRimeInfo)
				.withMessageContaining("timed out");
		}
	}

	@Test
	void whenNothingListensTheFailureIsAConnectionExceptionNamingTheAddress() {
		AtomicInteger retries = new AtomicInteger();
		try (ClosedPort closed = ClosedPort.reserve();
				RimeClient unreachable = RimeClient.builder().address(closed.uri())
			.retryPolicy(TestRime.FAST_RETRIES).addRetryListener(new RetryListener() {
				@Override
				public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
					retries.incrementAndGet();
				}
			}).build()) {
			assertThatExceptionOfType(RimeConnectionException.class)
				.isThrownBy(() -> unreachable.createProject("p", "d"))
				.withMessageContaining("http://127.0.0.1:")
				.withMessageContaining("create_project");
		}
		// Refused connections reached no server, so even a POST is retried.
		assertThat(retries).hasValue(3);
	}

	@Test
	void whenTheServerCannotBeConnectedInTimeTheFailureIsAConnectionTimeoutAndEvenAPostIsRetried() throws Exception {
		// A listener that never accepts: once its backlog is full, the kernel drops new SYNs, so
		// connecting hangs until the client's connect timeout.
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> backlog = new ArrayList<>();
			try {
				for (int i = 0; i < 3; i++) {
					Socket socket = new Socket();
					backlog.add(socket);
					socket.connect(full.getLocalSocketAddress(), 200);
				}
			}
			catch (IOException ex) {
				// the backlog is full: exactly what this test needs
			}
			AtomicInteger retries = new AtomicInteger();
			try (RimeClient client = RimeClient.builder()
				.address("http://127.0.0.1:" + full.getLocalPort())
				.connectTimeout(Duration.ofMillis(200))
				.retryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(10)).build())
				.addRetryListener(new RetryListener() {
					@Override
					public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
						retries.incrementAndGet();
					}
				})
				.build()) {
				long start = System.nanoTime();
				assertThatExceptionOfType(RimeConnectionException.class).isThrownBy(() -> client.createProject("p", "d"))
					.withMessageContaining("create_project")
					.withMessageContaining("Connect timed out");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			}
			finally {
				for (Socket socket : backlog) {
					socket.close();
				}
			}
			assertThat(retries).hasValue(1);
		}
	}

	@Test
	void everyPostCarriesItsOwnIdempotencyKey() {
		this.client.createProject("a", "first");
		this.client.createProject("b", "second");
		List<RecordedRequest> posts = TestRime.requestsTo(this.emulator, "POST", "/v1/projects");
		assertThat(posts).extracting(RecordedRequest::idempotencyKey).doesNotContainNull().doesNotHaveDuplicates();
	}

	@Test
	void whenAStartIsRefusedWith503ItIsRetriedWithTheSameIdempotencyKey() {
		this.emulator.faults().add(Fault.on("POST", "/v1/stress-tests/*").status(503).times(2));
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		List<RecordedRequest> starts = TestRime.requestsTo(this.emulator, "POST", "/v1/stress-tests/");
		assertThat(starts).hasSize(3);
		assertThat(starts).extracting(RecordedRequest::idempotencyKey).doesNotContainNull().containsOnly(
				starts.get(0).idempotencyKey());
		assertThat(this.client.listStressTestJobs()).containsExactly(job);
	}

	@Test
	void aPostFailingWith502IsNotRetriedUnlessIdempotencyKeysAreHonoured() {
		this.emulator.faults().add(Fault.on("POST", "/v1/projects").status(502).times(1));
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.createProject("p", "d"));
		assertThat(TestRime.requestsTo(this.emulator, "POST", "/v1/projects")).hasSize(1);
		try (RimeClient declared = TestRime.clientBuilder(this.emulator).idempotencyKeysHonoured(true).build()) {
			this.emulator.faults().add(Fault.on("POST", "/v1/projects").status(502).times(1));
			assertThat(declared.createProject("p", "d").name()).isEqualTo("p");
		}
	}

	@Test
	void whenTheServerActsButTheResponseIsLostTheStartIsNotRepeated() {
		this.emulator.faults().add(Fault.on("POST", "/v1/stress-tests/*").applyThenFail().times(1));
		assertThatExceptionOfType(RimeConnectionException.class)
			.isThrownBy(() -> this.client.startStressTest(TestRime.titanicConfig()));
		assertThat(TestRime.requestsTo(this.emulator, "POST", "/v1/stress-tests/")).hasSize(1);
		assertThat(this.client.listStressTestJobs()).hasSize(1);
	}

	@Test
	void withIdempotencyKeysHonouredALostResponseIsRetriedAndExactlyOneJobIsCreated() {
		try (RimeClient declared = TestRime.clientBuilder(this.emulator).idempotencyKeysHonoured(true).build()) {
			this.emulator.faults().add(Fault.on("POST", "/v1/stress-tests/*").applyThenFail().times(1));
			RimeStressTestJob job = declared.startStressTest(TestRime.titanicConfig());
			assertThat(TestRime.requestsTo(this.emulator, "POST", "/v1/stress-tests/")).hasSize(2);
			assertThat(declared.listStressTestJobs()).containsExactly(job);
		}
	}

	@Test
	void retriesCanBeTurnedOff() {
		try (RimeClient noRetries = TestRime.clientBuilder(this.emulator).retryPolicy(RetryPolicy.withMaxRetries(0))
			.build()) {
			this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).times(1));
			assertThatExceptionOfType(RimeApiException.class).isThrownBy(noRetries::getRimeInfo);
			assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/rime-info")).hasSize(1);
		}
	}

}
