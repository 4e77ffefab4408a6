package io.rime.client.reliability;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.client.TestRime;
import io.rime.client.registry.DataInfo;
import io.rime.client.registry.ModelInfo;
import io.rime.client.registry.RimeDataset;
import io.rime.client.registry.RimeModel;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;

/**
 * The world the fault matrix runs in: an emulator on a clock that only moves when told, a
 * workspace large enough that projects, jobs and test cases each span several pages, a finished
 * job to read and wait for, and clients configured with short, bounded timeouts.
 */
final class MatrixFixture implements AutoCloseable {

	static final String API_KEY = "sk-matrix-0123456789abcdef";

	/** Test cases of every run: three pages of {@code RimeApi.RESULTS_PAGE_SIZE}. */
	static final int TEST_CASES_PER_RUN = 2_500;

	/** Beyond the SDK's page size of 100, so that projects and jobs each take two pages. */
	private static final int EXTRA_PAGE_ITEMS = 101;

	static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	/** The deadline of one call and its retries ({@code rime.retry.timeout}). */
	static final Duration RETRY_TIMEOUT = Duration.ofSeconds(5);

	/** The deadline of one call that reads pages, all its pages together. */
	static final Duration LISTING_TIMEOUT = Duration.ofSeconds(10);

	/** How long a seed-form start waits for its datasets and model to be validated. */
	static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * What a cell may take beyond its operation's documented deadline: one connect timeout, which
	 * the call's deadline does not cut short, and one second for a loaded build machine.
	 */
	static final Duration MARGIN = READ_TIMEOUT.plusSeconds(1);

	static final RetryPolicy RETRIES = RetryPolicy.builder()
		.maxRetries(3)
		.delay(Duration.ofMillis(20))
		.multiplier(2)
		.maxDelay(Duration.ofMillis(100))
		.timeout(RETRY_TIMEOUT)
		.build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));

	private final RimeEmulator emulator;

	private final RimeClient setupClient;

	private final Map<String, Object> v1Config;

	private final String finishedJobId;

	private final AtomicInteger names = new AtomicInteger();

	private final RimeDataset dataset;

	private final RimeModel model;

	MatrixFixture() {
		this.emulator = RimeEmulator.builder()
			.apiKey(API_KEY)
			.clock(this.clock)
			// Validation passes at once; stress tests stay active until the clock is moved on.
			.validationDuration(Duration.ZERO)
			.pendingDuration(Duration.ofSeconds(1))
			.runningDuration(Duration.ofSeconds(1))
			.testCasesPerRun(TEST_CASES_PER_RUN)
			.build()
			.start();
		this.setupClient = clientBuilder(this.emulator.baseUrl()).build();
		for (int i = 0; i < EXTRA_PAGE_ITEMS; i++) {
			this.setupClient.createProject("paging-" + i, "fills the first page of projects");
		}
		this.v1Config = this.emulator.seed().testRunConfig(projectId());
		String lastJobId = null;
		for (int i = 0; i < EXTRA_PAGE_ITEMS; i++) {
			lastJobId = this.setupClient.startStressTest(this.v1Config).jobId();
		}
		this.finishedJobId = lastJobId;
		this.clock.advance(Duration.ofHours(1));
		this.dataset = this.setupClient.registerDataset(projectId(), "matrix-data", dataInfo());
		this.model = this.setupClient.registerModel(projectId(), "matrix-model", modelInfo());
	}

	RimeDataset dataset() {
		return this.dataset;
	}

	RimeModel model() {
		return this.model;
	}

	DataInfo dataInfo() {
		return DataInfo.file(TestRime.resource("titanic_example.csv").toString()).withLabelCol("Survived");
	}

	ModelInfo modelInfo() {
		return ModelInfo.path(TestRime.resource("titanic_example_model.py").toString());
	}

	/** Registers a dataset for an operation that deletes one. */
	String freshDatasetId() {
		return this.setupClient.registerDataset(projectId(), uniqueName("matrix-data"), dataInfo()).datasetId();
	}

	/** Registers a model for an operation that deletes one. */
	String freshModelId() {
		return this.setupClient.registerModel(projectId(), uniqueName("matrix-model"), modelInfo()).modelId();
	}

	/** Creates a project for an operation that deletes one. */
	String freshProjectId() {
		return this.setupClient.createProject(uniqueName("matrix-doomed"), "deleted by the matrix").projectId();
	}

	int datasetCount() {
		return this.setupClient.listDatasets(projectId()).size();
	}

	int modelCount() {
		return this.setupClient.listModels(projectId()).size();
	}

	RimeEmulator emulator() {
		return this.emulator;
	}

	String projectId() {
		return this.emulator.defaultProjectId();
	}

	String finishedJobId() {
		return this.finishedJobId;
	}

	Map<String, Object> v1Config() {
		return this.v1Config;
	}

	/** The seed SDK's Titanic example on local files; registers its datasets and model on start. */
	Map<String, Object> seedConfig() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.put("run_name", "matrix-" + this.names.incrementAndGet());
		return config;
	}

	String uniqueName(String prefix) {
		return prefix + "-" + this.names.incrementAndGet();
	}

	/** Starts a job that stays active, since the clock stands still, for operations that need one. */
	String activeJobId() {
		return this.setupClient.startStressTest(this.v1Config).jobId();
	}

	int jobCount() {
		return this.setupClient.listStressTestJobs(null, projectId()).size();
	}

	int projectCount() {
		return this.setupClient.listProjects().size();
	}

	RimeClient client(URI address, AtomicInteger retries, PrintStream verboseOutput) {
		return clientBuilder(address).verboseOutput(verboseOutput).addRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				retries.incrementAndGet();
			}
		}).build();
	}

	private RimeClientBuilder clientBuilder(URI address) {
		return RimeClient.builder()
			.address(address)
			.apiKey(API_KEY)
			.defaultProjectId(projectId())
			.connectTimeout(READ_TIMEOUT)
			.readTimeout(READ_TIMEOUT)
			.retryPolicy(RETRIES)
			// The emulator's 429 and 503 ask for a second; honoured, capped to keep the matrix short.
			.maxRetryAfter(Duration.ofMillis(100))
			.listingTimeout(LISTING_TIMEOUT)
			.validationTimeout(VALIDATION_TIMEOUT);
	}

	@Override
	public void close() {
		this.setupClient.close();
		this.emulator.close();
	}

}
