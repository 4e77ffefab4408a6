package io.rime.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLContext;

import io.rime.emulator.internal.EmulatorSettings;
import io.rime.emulator.internal.FaultInjector;
import io.rime.emulator.internal.HttpFront;
import io.rime.emulator.internal.RestApi;
import org.jspecify.annotations.Nullable;

/**
 * A local RIME backend that speaks RIME's REST v1 API, in memory, with a job lifecycle that
 * follows its clock and faults that tests can inject.
 *
 * <pre>{@code
 * try (RimeEmulator emulator = RimeEmulator.builder().build().start()) {
 *     URI url = emulator.baseUrl();
 *     String key = emulator.apiKey();
 *     String project = emulator.defaultProjectId();
 * }
 * }</pre>
 *
 * <p>Run standalone with {@code java -jar rime-emulator-<version>.jar --port 8080 --api-key secret}.
 */
public final class RimeEmulator implements AutoCloseable {

	private final int port;

	private final InetAddress bindAddress;

	private final @Nullable SSLContext sslContext;

	private final EmulatorSettings settings;

	private volatile RestApi api;

	private final Seeder seeder;

	private final FaultInjector faultInjector;

	private final Faults faults;

	private final @Nullable String apiKey;

	private @Nullable HttpFront front;

	private volatile @Nullable URI baseUrl;

	private RimeEmulator(Builder builder) {
		this.port = builder.port;
		this.bindAddress = builder.bindAddress;
		this.sslContext = builder.sslContext;
		this.apiKey = builder.apiKey;
		this.faultInjector = new FaultInjector(builder.faultSeed);
		this.faults = new Faults(this.faultInjector);
		EmulatorSettings emulatorSettings = new EmulatorSettings(builder.clock, builder.pendingDuration,
				builder.runningDuration, builder.validationDuration, builder.cancelDuration, builder.jobTtl,
				builder.testCasesPerRun, builder.licenseExpiration(builder.clock), builder.dataChecks);
		this.settings = emulatorSettings;
		this.api = new RestApi(emulatorSettings, this::baseUrl, null);
		this.seeder = new Seeder(() -> this.api.seeding());
	}

	/**
	 * Starts a builder with the defaults: a free port on the loopback address, a random API key,
	 * about one second pending and five seconds running per stress test.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts serving.
	 * @return this emulator
	 * @throws UncheckedIOException when the port cannot be bound
	 */
	public synchronized RimeEmulator start() {
		if (this.front != null) {
			throw new IllegalStateException("The emulator is already started at " + this.baseUrl);
		}
		try {
			HttpFront front = new HttpFront(new InetSocketAddress(this.bindAddress, this.port),
					() -> this.api, this.faultInjector, this.apiKey, this.sslContext);
			front.start();
			this.front = front;
			String host = this.bindAddress.getHostAddress();
			this.baseUrl = URI.create(((this.sslContext != null) ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + front.port());
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot start the RIME emulator on " + this.bindAddress + ":" + this.port, ex);
		}
	}

	/**
	 * Returns the base URL of the API, such as {@code http://127.0.0.1:41234}, or
	 * {@code https://…} when the emulator serves TLS.
	 * @return the base URL
	 * @throws IllegalStateException before {@link #start()}
	 */
	public URI baseUrl() {
		URI url = this.baseUrl;
		if (url == null) {
			throw new IllegalStateException("The emulator has not been started: call start() first");
		}
		return url;
	}

	/**
	 * Returns the port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return baseUrl().getPort();
	}

	/**
	 * Returns the API key that every {@code /v1} call must send in the {@code rime-api-key}
	 * header.
	 * @return the key, or {@code null} when the emulator accepts calls without one
	 */
	public @Nullable String apiKey() {
		return this.apiKey;
	}

	/**
	 * Returns the id of the project that exists from the start.
	 * @return the project id
	 */
	public String defaultProjectId() {
		return this.api.defaultProjectId();
	}

	/**
	 * Returns the faults to inject, changeable while the emulator runs.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Returns the way to put projects, registrations and jobs in place for a test, without HTTP.
	 * @return the seeder
	 */
	public Seeder seed() {
		return this.seeder;
	}

	/**
	 * Returns the clock that the job lifecycle reads: a {@link MutableClock} when the builder was
	 * given one, so that a test can move it.
	 * @return the clock
	 */
	public Clock clock() {
		return this.settings.clock();
	}

	/**
	 * Forgets everything that happened since the emulator was built: projects but the default one
	 * (which keeps its id), registrations, jobs, results, idempotency keys, faults and recorded
	 * requests, so that the next test starts from a fresh emulator at the same address with the
	 * same key. The clock is left where it is.
	 */
	public synchronized void reset() {
		RestApi old = this.api;
		this.api = new RestApi(this.settings, this::baseUrl, old.defaultProjectId());
		old.close();
		this.faults.clear();
		if (this.front != null) {
			this.front.forgetRecordedRequests();
		}
	}

	/**
	 * Returns the most recent requests (up to 10,000), oldest first.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		HttpFront front = this.front;
		return (front != null) ? front.recordedRequests() : List.of();
	}

	/**
	 * Stops serving; the emulator cannot be started again.
	 */
	@Override
	public synchronized void close() {
		if (this.front != null) {
			this.front.stop();
		}
		this.api.close();
	}

	@Override
	public String toString() {
		return "RimeEmulator[" + ((this.baseUrl != null) ? this.baseUrl : "not started") + "]";
	}

	/**
	 * How long a started stress test stays pending by default.
	 */
	public static final Duration DEFAULT_PENDING_DURATION = Duration.ofSeconds(1);

	/**
	 * How long a stress test runs by default.
	 */
	public static final Duration DEFAULT_RUNNING_DURATION = Duration.ofSeconds(5);

	/**
	 * How long validating a registered dataset or model takes by default.
	 */
	public static final Duration DEFAULT_VALIDATION_DURATION = Duration.ofMillis(300);

	/**
	 * How long a stress test takes to cancel by default.
	 */
	public static final Duration DEFAULT_CANCEL_DURATION = Duration.ofMillis(500);

	/**
	 * How long finished jobs are kept by default, as RIME does.
	 */
	public static final Duration DEFAULT_JOB_TTL = Duration.ofDays(2);

	/**
	 * Runs the emulator standalone until the process is stopped.
	 * @param args {@code --port N}, {@code --api-key KEY}, {@code --bind ADDRESS}, durations and
	 * {@code --fault SPEC}; {@code --help} lists them
	 */
	public static void main(String[] args) {
		System.exit(Standalone.run(args, System.out, System.err));
	}

	/**
	 * Settings of a {@link RimeEmulator}.
	 */
	public static final class Builder {

		private int port;

		private InetAddress bindAddress = InetAddress.getLoopbackAddress();

		private @Nullable String apiKey = randomKey();

		private @Nullable SSLContext sslContext;

		private Clock clock = Clock.systemUTC();

		private Duration pendingDuration = DEFAULT_PENDING_DURATION;

		private Duration runningDuration = DEFAULT_RUNNING_DURATION;

		private Duration validationDuration = DEFAULT_VALIDATION_DURATION;

		private Duration cancelDuration = DEFAULT_CANCEL_DURATION;

		private Duration jobTtl = DEFAULT_JOB_TTL;

		private @Nullable Long testCasesPerRun;

		private @Nullable Instant licenseExpiration;

		private long faultSeed = 42;

		private boolean dataChecks = true;

		private Builder() {
		}

		/**
		 * Sets the port (default 0: a free port).
		 * @param port from 0 to 65535
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Emulator port must be from 0 to 65535, but was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets the address to listen on (default: the loopback address).
		 * @param address the address
		 * @return this builder
		 */
		public Builder bindAddress(InetAddress address) {
			this.bindAddress = required(address, "bindAddress");
			return this;
		}

		/**
		 * Sets the API key that calls must send (default: a random key).
		 * @param apiKey the key, or {@code null} to accept calls without one
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			if (apiKey != null && apiKey.isBlank()) {
				throw new IllegalArgumentException("Emulator API key must not be blank; pass null to turn auth off");
			}
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Serves HTTPS with the given context (default: plain HTTP), so that clients can test
		 * their trust settings against a real TLS handshake.
		 * @param sslContext a context initialised with the server's key material
		 * @return this builder
		 */
		public Builder sslContext(@Nullable SSLContext sslContext) {
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * Sets the clock that the job lifecycle, expiry and timestamps read.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = required(clock, "clock");
			return this;
		}

		/**
		 * Sets the time from a stress test's start to its running phase (default 1 s).
		 * @param duration the time
		 * @return this builder
		 */
		public Builder pendingDuration(Duration duration) {
			this.pendingDuration = nonNegative(duration, "pendingDuration");
			return this;
		}

		/**
		 * Sets the time a stress test runs (default 5 s).
		 * @param duration the time
		 * @return this builder
		 */
		public Builder runningDuration(Duration duration) {
			this.runningDuration = nonNegative(duration, "runningDuration");
			return this;
		}

		/**
		 * Sets the time a registry validation job takes (default 300 ms).
		 * @param duration the time
		 * @return this builder
		 */
		public Builder validationDuration(Duration duration) {
			this.validationDuration = nonNegative(duration, "validationDuration");
			return this;
		}

		/**
		 * Sets the time from a cancel request to the cancelled status (default 500 ms).
		 * @param duration the time
		 * @return this builder
		 */
		public Builder cancelDuration(Duration duration) {
			this.cancelDuration = nonNegative(duration, "cancelDuration");
			return this;
		}

		/**
		 * Sets how long a finished job stays readable (default 2 days, as in RIME).
		 * @param ttl the time
		 * @return this builder
		 */
		public Builder jobTtl(Duration ttl) {
			this.jobTtl = nonNegative(ttl, "jobTtl");
			return this;
		}

		/**
		 * Sets the number of test cases every run produces (default: one per feature per test
		 * batch). Test cases are computed when read, so a million cost no memory.
		 * @param count one or more
		 * @return this builder
		 */
		public Builder testCasesPerRun(long count) {
			if (count < 1) {
				throw new IllegalArgumentException("Emulator testCasesPerRun must be 1 or more, but was " + count);
			}
			this.testCasesPerRun = count;
			return this;
		}

		/**
		 * Sets when the license that {@code /v1/rime-info} reports expires (default: a year from
		 * the clock's start); its grace period ends 14 days later.
		 * @param expiration the time
		 * @return this builder
		 */
		public Builder licenseExpiration(Instant expiration) {
			this.licenseExpiration = required(expiration, "licenseExpiration");
			return this;
		}

		/**
		 * Sets whether a stress test whose datasets are local CSV files gets its data checks
		 * (drift, abnormal inputs, data cleanliness) computed from the files (default true), or
		 * generated results like a stress test on remote data.
		 * @param enabled whether to compute them
		 * @return this builder
		 */
		public Builder dataChecks(boolean enabled) {
			this.dataChecks = enabled;
			return this;
		}

		/**
		 * Sets the seed that makes fault rates repeatable (default 42).
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder faultSeed(long seed) {
			this.faultSeed = seed;
			return this;
		}

		/**
		 * Builds the emulator; call {@link RimeEmulator#start()} to serve.
		 * @return the emulator
		 */
		public RimeEmulator build() {
			return new RimeEmulator(this);
		}

		private Instant licenseExpiration(Clock clock) {
			return (this.licenseExpiration != null) ? this.licenseExpiration
					: clock.instant().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		}

		private static String randomKey() {
			byte[] bytes = new byte[24];
			new SecureRandom().nextBytes(bytes);
			return "emu-" + HexFormat.of().formatHex(bytes);
		}

		private static <T> T required(@Nullable T value, String name) {
			if (value == null) {
				throw new IllegalArgumentException("Emulator " + name + " must not be null");
			}
			return value;
		}

		private static Duration nonNegative(@Nullable Duration duration, String name) {
			if (duration == null || duration.isNegative()) {
				throw new IllegalArgumentException(
						"Emulator " + name + " must be zero or positive, but was " + duration);
			}
			return duration;
		}

	}

}
