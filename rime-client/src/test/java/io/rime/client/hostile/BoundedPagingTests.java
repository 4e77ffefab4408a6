package io.rime.client.hostile;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.retry.RetryPolicy;

import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.client.RimeException;
import io.rime.client.hostile.HostileServer.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A RIME whose paging never ends: tokens that cycle, a new token on every page, {@code hasMore}
 * without a token. Every listing ends in a {@link RimeException} naming the operation, within the
 * listing's timeout plus one call, honours interrupts, and leaves no result file behind.
 */
class BoundedPagingTests {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);

	private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(2);

	private static final Trials trials = new Trials();

	private final HostileServer server = new HostileServer();

	private final RimeClient client = clientBuilder(this.server.baseUrl()).listingTimeout(LISTING_TIMEOUT).build();

	@TempDir
	Path directory;

	@AfterEach
	void close() {
		this.client.close();
		this.server.close();
	}

	@AfterAll
	static void printSummary() {
		trials.print("Unending paging (listing timeout " + LISTING_TIMEOUT.toSeconds() + " s, call timeout "
				+ CALL_TIMEOUT.toSeconds() + " s):");
	}

	@Test
	void projectTokensThatCycleEndTheListingWithATypedError() {
		this.server.on("/v1/projects", cycling("projects", "A", "B"));
		Object outcome = trials.run("project tokens cycling A -> B -> A", this.client::listProjects);
		assertThat(outcome).isExactlyInstanceOf(RimeException.class)
			.hasFieldOrPropertyWithValue("message", "RIME answered page 3 of list_projects with a page token it had"
					+ " already sent in this listing ('A'); stopped so that the listing does not loop forever");
		assertThat(this.server.targets()).hasSize(3);
	}

	@Test
	void jobTokensThatCycleEndTheListingWithATypedError() {
		this.server.on("/v1/jobs/project/p-1", cycling("jobs", "A", "B", "C"));
		Object outcome = trials.run("job tokens cycling A -> B -> C -> A",
				() -> this.client.listStressTestJobs(null, "p-1"));
		assertThat(outcome).isExactlyInstanceOf(RimeException.class)
			.satisfies((ex) -> assertThat(((Throwable) ex).getMessage()).startsWith("RIME answered page 4 of list_jobs"
					+ " with a page token it had already sent in this listing ('A')"));
	}

	@Test
	void resultTokensThatCycleEndTheDownloadAndLeaveNoFile() throws Exception {
		succeededJob();
		this.server.on("/v1/test-cases", cycling("testCases", "A", "B"));
		Path file = this.directory.resolve("results.csv");
		Object outcome = trials.run("test-case tokens cycling A -> B -> A", () -> {
			this.client.job("done").getResultCsv(file);
			return file;
		});
		assertThat(outcome).isExactlyInstanceOf(RimeException.class)
			.satisfies((ex) -> assertThat(((Throwable) ex).getMessage())
				.startsWith("RIME answered page 3 of get_result_csv with a page token it had already sent"));
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).as("no results file, complete or partial").isEmpty();
		}
	}

	@Test
	void aNewTokenOnEveryPageEndsAtTheListingTimeout() {
		AtomicInteger pages = new AtomicInteger();
		this.server.on("/v1/projects", (exchange, body) -> Answer.json(200, "{\"projects\": [], \"hasMore\": true,"
				+ " \"nextPageToken\": \"t" + pages.incrementAndGet() + "\"}").write(exchange, body));
		long start = System.nanoTime();
		Object outcome = trials.run("a new project token on every page", this.client::listProjects);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(outcome).isExactlyInstanceOf(RimeException.class)
			.satisfies((ex) -> assertThat(((Throwable) ex).getMessage()).startsWith("RIME was still sending pages of"
					+ " list_projects after ").endsWith("pages and the listing's timeout of PT2S; stopped so that it ends"));
		assertThat(elapsed).as("the listing's timeout plus at most one call").isLessThan(LISTING_TIMEOUT.plus(CALL_TIMEOUT));
		assertThat(pages.get()).isGreaterThan(1);
	}

	@Test
	void aNewTokenOnEveryResultPageEndsAtTheListingTimeoutAndLeavesNoFile() throws Exception {
		succeededJob();
		AtomicInteger pages = new AtomicInteger();
		this.server.on("/v1/test-cases", (exchange, body) -> Answer.json(200, "{\"testCases\": [{\"testBatchType\":"
				+ " \"t\", \"features\": [\"f\"]}], \"hasMore\": true, \"nextPageToken\": \"t" + pages.incrementAndGet()
				+ "\"}").write(exchange, body));
		Path file = this.directory.resolve("results.csv");
		long start = System.nanoTime();
		Object outcome = trials.run("a new test-case token on every page", () -> {
			this.client.job("done").getResultCsv(file);
			return file;
		});
		assertThat(outcome).isExactlyInstanceOf(RimeException.class)
			.satisfies((ex) -> assertThat(((Throwable) ex).getMessage())
				.startsWith("RIME was still sending pages of get_result_csv after "));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LISTING_TIMEOUT.plus(CALL_TIMEOUT));
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).as("no results file, complete or partial").isEmpty();
		}
	}

	@Test
	void hasMoreWithoutATokenIsATypedErrorNotATruncatedListing() {
		this.server.on("/v1/projects", Answer.json(200, """
				{"projects": [{"project": {"id": {"uuid": "p-1"}}}], "hasMore": true, "nextPageToken": ""}"""));
		Object outcome = trials.run("hasMore=true with an empty token", this.client::listProjects);
		assertThat(outcome).isExactlyInstanceOf(RimeException.class)
			.hasFieldOrPropertyWithValue("message", "RIME answered page 1 of list_projects with hasMore=true but no"
					+ " nextPageToken; stopped, since the rest cannot be asked for");
	}

	@Test
	void anInterruptEndsAnEndlessListing() throws Exception {
		AtomicInteger pages = new AtomicInteger();
		this.server.on("/v1/projects", (exchange, body) -> Answer.json(200, "{\"projects\": [], \"hasMore\": true,"
				+ " \"nextPageToken\": \"t" + pages.incrementAndGet() + "\"}").write(exchange, body));
		AtomicReference<Throwable> failure = new AtomicReference<>();
		try (RimeClient patient = clientBuilder(this.server.baseUrl()).listingTimeout(Duration.ofHours(1)).build()) {
			Thread lister = new Thread(() -> {
				try {
					patient.listProjects();
				}
				catch (RuntimeException ex) {
					failure.set(ex);
				}
			});
			lister.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> pages.get() >= 3);
			lister.interrupt();
			lister.join(CALL_TIMEOUT.toMillis());
			assertThat(lister.isAlive()).as("the listing ended within one call of the interrupt").isFalse();
		}
		assertThat(failure.get()).isInstanceOf(RimeException.class).hasMessageContaining("list_projects");
	}

	private void succeededJob() {
		this.server.on("/v1/jobs/done", Answer.json(200, "{\"job\": {\"jobId\": \"done\", \"status\": \"JOB_STATUS_SUCCEEDED\"}}"));
		this.server.on("/v1/jobs/done/test-run-id", Answer.json(200, "{\"testRunId\": \"tr\"}"));
		this.server.on("/v1/batch-results", Answer.json(200, "{\"testBatches\": [{\"testType\": \"t\", \"testName\": \"T\"}]}"));
	}

	// Pages whose tokens go round: the first page hands out the first token, each page the next.
	private static Answer cycling(String field, String... tokens) {
		AtomicInteger page = new AtomicInteger();
		return (exchange, body) -> {
			String token = tokens[page.getAndIncrement() % tokens.length];
			Answer.json(200, "{\"" + field + "\": [], \"hasMore\": true, \"nextPageToken\": \"" + token + "\"}")
				.write(exchange, body);
		};
	}

	private static RimeClientBuilder clientBuilder(URI address) {
		return RimeClient.builder()
			.address(address)
			.apiKey("sk-paging-0123456789")
			.readTimeout(Duration.ofSeconds(2))
			.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(10)).timeout(CALL_TIMEOUT).build());
	}

}
