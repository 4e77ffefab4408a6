package io.rime.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.RimeEmulator;

/**
 * P1: the cost of {@code RimeStressTestJob.getStatus()} beside the same {@code GET /v1/jobs/{id}}
 * written by hand, all against one {@link FixedJobServer} answering a body recorded from the
 * emulator. Hand-written calls send the API key and map the body with Jackson to
 * {@link RecordedJob}; the SDK also maps it to its public {@link JobMetadata}. {@code sdkInBoot} is
 * the starter's client in a Spring Boot application, with Boot's observations on.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class CallOverheadBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FixedJobServer server;

	private URI jobUri;

	private URL jobUrl;

	private HttpClient jdkClient;

	private HttpRequest jdkRequest;

	private RestClient restClientJdk;

	private RestClient restClientSimple;

	private RestClient restClientSimpleTimeouts;

	private RestClient restClientApache;

	private CloseableHttpClient apacheClient;

	private CloseableHttpClient sdkApacheClient;

	private RimeClient sdkDefault;

	private RimeClient sdkObserved;

	private RimeClient sdkJdk;

	private RimeClient sdkApache;

	private RimeStressTestJob sdkDefaultJob;

	private RimeStressTestJob sdkObservedJob;

	private RimeStressTestJob sdkJdkJob;

	private RimeStressTestJob sdkApacheJob;

	private ConfigurableApplicationContext boot;

	private RimeStressTestJob sdkInBootJob;

	@Setup(Level.Trial)
	public void start() throws IOException {
		RecordedBody recorded = RecordedBody.runningJob();
		this.server = new FixedJobServer(recorded.body());
		this.jobUri = URI.create(this.server.baseUrl() + "/v1/jobs/" + recorded.jobId() + "?view=JOB_VIEW_FULL");
		this.jobUrl = this.jobUri.toURL();
		this.jdkClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.jdkRequest = HttpRequest.newBuilder(this.jobUri)
			.header("rime-api-key", BenchSupport.API_KEY)
			.header("Accept", "application/json")
			.build();
		// As the SDK needs: no factory follows redirects on its own.
		this.apacheClient = HttpClients.custom().disableRedirectHandling().build();
		this.sdkApacheClient = HttpClients.custom().disableRedirectHandling().build();
		this.restClientJdk = restClient(new JdkClientHttpRequestFactory(this.jdkClient));
		this.restClientSimple = restClient(new SimpleClientHttpRequestFactory());
		// What a careful hand-written client sets, and the SDK's defaults.
		SimpleClientHttpRequestFactory withTimeouts = new SimpleClientHttpRequestFactory();
		withTimeouts.setConnectTimeout(Duration.ofSeconds(10));
		withTimeouts.setReadTimeout(Duration.ofSeconds(30));
		this.restClientSimpleTimeouts = restClient(withTimeouts);
		this.restClientApache = restClient(new HttpComponentsClientHttpRequestFactory(this.apacheClient));

		this.sdkDefault = sdk().build();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		this.sdkObserved = sdk().observationRegistry(observations).build();
		this.sdkJdk = sdk().restClientBuilder(RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory(
					HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())))
			.build();
		this.sdkApache = sdk()
			.restClientBuilder(RestClient.builder()
				.requestFactory(new HttpComponentsClientHttpRequestFactory(this.sdkApacheClient)))
			.build();
		this.sdkDefaultJob = this.sdkDefault.job(recorded.jobId());
		this.sdkObservedJob = this.sdkObserved.job(recorded.jobId());
		this.sdkJdkJob = this.sdkJdk.job(recorded.jobId());
		this.sdkApacheJob = this.sdkApache.job(recorded.jobId());
		this.boot = bootApplication();
		this.sdkInBootJob = this.boot.getBean(RimeClient.class).job(recorded.jobId());
	}

	// The starter's client as an application gets it: Boot's observed RestClient.Builder and
	// ObservationRegistry (actuator and Micrometer are on this module's classpath).
	private ConfigurableApplicationContext bootApplication() {
		SpringApplication application = new SpringApplication(StartupBenchmark.Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--rime.address=" + this.server.baseUrl(), "--rime.api-key=" + BenchSupport.API_KEY,
				"--spring.main.banner-mode=off", "--spring.main.log-startup-info=false");
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.boot.close();
		this.sdkDefault.close();
		this.sdkObserved.close();
		this.sdkJdk.close();
		this.sdkApache.close();
		this.apacheClient.close();
		this.sdkApacheClient.close();
		this.server.close();
	}

	private RimeClientBuilder sdk() {
		return RimeClient.builder().address(this.server.baseUrl()).apiKey(BenchSupport.API_KEY);
	}

	private static RestClient restClient(ClientHttpRequestFactory requestFactory) {
		return RestClient.builder().requestFactory(requestFactory).build();
	}

	@Benchmark
	public RecordedJob rawJdkHttpClient() throws IOException, InterruptedException {
		HttpResponse<InputStream> response = this.jdkClient.send(this.jdkRequest,
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			return ok(response.statusCode(), JSON.readValue(body, RecordedJob.class));
		}
	}

	@Benchmark
	public RecordedJob rawHttpUrlConnection() throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.jobUrl.openConnection();
		connection.setRequestProperty("rime-api-key", BenchSupport.API_KEY);
		connection.setRequestProperty("Accept", "application/json");
		int status = connection.getResponseCode();
		try (InputStream body = connection.getInputStream()) {
			return ok(status, JSON.readValue(body, RecordedJob.class));
		}
	}

	@Benchmark
	public RecordedJob restClientJdkHttpClient() {
		return get(this.restClientJdk);
	}

	@Benchmark
	public RecordedJob restClientSimple() {
		return get(this.restClientSimple);
	}

	@Benchmark
	public RecordedJob restClientSimpleTimeouts() {
		return get(this.restClientSimpleTimeouts);
	}

	@Benchmark
	public RecordedJob restClientApache() {
		return get(this.restClientApache);
	}

	@Benchmark
	public JobMetadata sdkDefault() {
		return this.sdkDefaultJob.getStatus();
	}

	@Benchmark
	public JobMetadata sdkDefaultObserved() {
		return this.sdkObservedJob.getStatus();
	}

	@Benchmark
	public JobMetadata sdkInBoot() {
		return this.sdkInBootJob.getStatus();
	}

	@Benchmark
	public JobMetadata sdkJdkHttpClient() {
		return this.sdkJdkJob.getStatus();
	}

	@Benchmark
	public JobMetadata sdkApache() {
		return this.sdkApacheJob.getStatus();
	}

	private RecordedJob get(RestClient client) {
		return client.get().uri(this.jobUri).header("rime-api-key", BenchSupport.API_KEY).retrieve()
			.body(RecordedJob.class);
	}

	private static RecordedJob ok(int status, RecordedJob job) {
		if (status != 200) {
			throw new IllegalStateException("The server answered " + status);
		}
		return job;
	}

	/**
	 * A {@code JOB_VIEW_FULL} body of a running stress test job, as the emulator writes it.
	 */
	record RecordedBody(String jobId, byte[] body) {

		static RecordedBody runningJob() {
			try (RimeEmulator emulator = RimeEmulator.builder()
				.apiKey(BenchSupport.API_KEY)
				.pendingDuration(Duration.ofMillis(1))
				.validationDuration(Duration.ofMillis(1))
				.runningDuration(Duration.ofHours(1))
				.build()
				.start(); RimeClient client = BenchSupport.client(emulator)) {
				String projectId = emulator.defaultProjectId();
				RimeStressTestJob job = client.startStressTest(emulator.seed().testRunConfig(projectId),
						projectId);
				BenchSupport.await("a running job", Duration.ofSeconds(10),
						() -> job.getStatus().status() == JobStatus.RUNNING);
				return new RecordedBody(job.jobId(),
						BenchSupport.get(emulator, "/v1/jobs/" + job.jobId() + "?view=JOB_VIEW_FULL"));
			}
		}

	}

}
