package io.rime.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.autoconfigure.emulator.RimeEmulatorAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each misconfiguration fails at startup, with Boot's description and action naming the
 * property, the value and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class RimeConfigurationFailureAnalyzerTests {

	private static final String VALID = "rime.address=https://rime.example.com";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeEmulatorAutoConfiguration.class,
				SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class));

	@Test
	void missingAddressWithoutTheEmulator() {
		FailureAnalysis analysis = analyze(this.contextRunner.withClassLoader(new FilteredClassLoader(RimeEmulator.class)));
		assertThat(analysis.getDescription()).isEqualTo("No RIME address is configured: 'rime.address' is not set"
				+ " and io.rime:rime-emulator is not on the class path to start an embedded emulator.");
		assertThat(analysis.getAction()).isEqualTo("""
				Consider the following:
				\tSet 'rime.address' to the URL of your RIME server, such as https://rime.example.com.
				\tAdd io.rime:rime-emulator to the class path to run against a local emulator.
				\tSet 'rime.enabled' to false if this application does not use RIME.""");
	}

	@Test
	void missingAddressWithTheEmulatorTurnedOff() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues("rime.emulator.enabled=false"));
		assertThat(analysis.getDescription()).isEqualTo("No RIME address is configured: 'rime.address' is not set"
				+ " and the embedded emulator is turned off by 'rime.emulator.enabled=false'.");
		assertThat(analysis.getAction()).contains("\tRemove 'rime.emulator.enabled=false' to run against the"
				+ " embedded emulator.\n");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			rime.example.com:99999      | Invalid value 'rime.example.com:99999' for property 'rime.address': its port 99999 is above 65535.
			ops:pw@my_vpc.rime.com      | Invalid value 'https://******@my_vpc.rime.com/…' for property 'rime.address': it contains user info (credentials); give the API key through 'rime.api-key' instead.
			ftp://rime.example.com      | Invalid value 'ftp://rime.example.com' for property 'rime.address': it is not an http or https URL.
			http://rime example.com     | Invalid value 'http://rime example.com' for property 'rime.address': it is not a valid URL (Illegal character in authority at index 7).
			https://rime.example.com?x=1 | Invalid value 'https://rime.example.com?x=1' for property 'rime.address': it has a query or fragment.
			https://user:pw@rime.example.com | Invalid value 'https://******@rime.example.com/…' for property 'rime.address': it contains user info (credentials); give the API key through 'rime.api-key' instead.
			http:///v1                  | Invalid value 'http:///v1' for property 'rime.address': it has no host.
			""")
	void invalidAddress(String address, String description) {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues("rime.address=" + address));
		assertThat(analysis.getDescription()).isEqualTo(description);
		assertThat(analysis.getAction()).isEqualTo("Set 'rime.address' to a host such as rime.example.com (https is"
				+ " assumed), host:port, or an http or https URL such as https://rime.example.com, without user info,"
				+ " query or fragment.");
	}

	@Test
	void blankAddress() {
		FailureAnalysis analysis = analyze(this.contextRunner.withInitializer(property("rime.address", "  ")));
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid value '  ' for property 'rime.address': it is blank.");
		assertThat(analysis.getAction()).isEqualTo(RimeConfigurationChecks.ADDRESS_ACTION);
	}

	@Test
	void missingAddressWithTheEmulatorAutoConfigurationExcluded() {
		FailureAnalysis analysis = analyze(new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, SslAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class)));
		assertThat(analysis.getDescription()).isEqualTo("No RIME address is configured: 'rime.address' is not set"
				+ " and the embedded emulator was not started (is RimeEmulatorAutoConfiguration excluded?).");
		assertThat(analysis.getAction()).isEqualTo("""
				Consider the following:
				\tSet 'rime.address' to the URL of your RIME server, such as https://rime.example.com.
				\tInclude RimeEmulatorAutoConfiguration to run against the embedded emulator.
				\tSet 'rime.enabled' to false if this application does not use RIME.""");
	}

	@Test
	void anApiKeyThatStillHoldsAnUnresolvedPlaceholderFailsStartupNamingThePropertyNotTheValue() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(VALID,
				"rime.api-key=${RIME_API_KEY_THAT_IS_NOT_SET}"));
		assertThat(analysis.getDescription()).startsWith("Invalid value for property 'rime.api-key': it holds an"
				+ " unresolved ${...} placeholder");
		assertThat(analysis.getAction()).contains("'rime.api-key'");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("RIME_API_KEY_THAT_IS_NOT_SET");
	}

	@Test
	void anUnresolvedApiKeyPlaceholderFailsStartupForTheEmbeddedEmulatorToo() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues("rime.api-key=${NOT_SET_EITHER}"));
		assertThat(analysis.getDescription()).contains("'rime.api-key'", "unresolved");
	}

	@Test
	void apiKeyWithANonAsciiCharacterIsReportedWithoutShowingTheKey() {
		FailureAnalysis analysis = analyze(
				this.contextRunner.withPropertyValues(VALID).withInitializer(apiKey("s3cr\u00e9t")));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value for property 'rime.api-key': it contains the"
				+ " character U+00E9 at index 4, but only printable ASCII is allowed (the key itself is not shown).");
		assertThat(analysis.getAction())
			.isEqualTo("Set 'rime.api-key' to the API key from the RIME web app, exactly as shown there.");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cr");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			rime.retry.delay=-1ms      | rime.retry.delay      | -1ms | 200ms
			rime.retry.jitter=-5ms     | rime.retry.jitter     | -5ms | 100ms
			rime.health.cache-ttl=-1s  | rime.health.cache-ttl | -1s  | 10s
			""")
	void negativeDurations(String setting, String property, String shown, String example) {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(VALID, setting));
		assertThat(analysis.getDescription()).isEqualTo(
				"Invalid value '" + shown + "' for property '" + property + "': expected 0 or a positive duration.");
		assertThat(analysis.getAction())
			.isEqualTo("Set '" + property + "' to 0 or a positive duration, such as " + example + ".");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			rime.retry.max-delay=0  | rime.retry.max-delay | 0s | 5s
			rime.retry.timeout=0    | rime.retry.timeout   | 0s | 30s
			""")
	void zeroRetryDurations(String setting, String property, String shown, String example) {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(VALID, setting));
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid value '" + shown + "' for property '" + property + "': expected a positive duration.");
		assertThat(analysis.getAction())
			.isEqualTo("Set '" + property + "' to a positive duration, such as " + example + ".");
	}

	@Test
	void apiKeyWithANewlineIsReportedEvenForTheEmbeddedEmulator() {
		FailureAnalysis analysis = analyze(this.contextRunner.withInitializer(apiKey("s3cr3t\n")));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value for property 'rime.api-key': it contains a"
				+ " line break at index 6 (the key itself is not shown).");
	}

	@Test
	void blankApiKey() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(VALID, "rime.api-key=   "));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value for property 'rime.api-key': it is blank.");
		assertThat(analysis.getAction()).isEqualTo("Set 'rime.api-key' to the API key from the RIME web app, or"
				+ " remove the property for a server without authentication.");
	}

	@Test
	void apiKeyWithANewlineIsReportedWithoutShowingTheKey() {
		FailureAnalysis analysis = analyze(
				this.contextRunner.withPropertyValues(VALID).withInitializer(apiKey("s3cr3t\n")));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value for property 'rime.api-key': it contains a"
				+ " line break at index 6 (the key itself is not shown).");
		assertThat(analysis.getAction()).isEqualTo("Set 'rime.api-key' to the single-line API key from the RIME web"
				+ " app; when it is read from a file or a secret, remove the trailing line break.");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cr3t");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			rime.connect-timeout=-1s                 | rime.connect-timeout | -1s | 10s
			rime.read-timeout=-500ms                 | rime.read-timeout | -500ms | 30s
			rime.read-timeout=0s                     | rime.read-timeout | 0s | 30s
			spring.http.clients.connect-timeout=-2s  | spring.http.clients.connect-timeout | -2s | 10s
			rime.health.timeout=0                    | rime.health.timeout | 0s | 2s
			""")
	void nonPositiveTimeouts(String setting, String property, String shown, String example) {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(VALID, setting));
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid value '" + shown + "' for property '" + property + "': expected a positive duration.");
		assertThat(analysis.getAction())
			.isEqualTo("Set '" + property + "' to a positive duration, such as " + example + ".");
	}

	@Test
	void negativeMaxRetries() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(VALID, "rime.retry.max-retries=-1"));
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid value '-1' for property 'rime.retry.max-retries': expected 0 or more.");
		assertThat(analysis.getAction()).isEqualTo("Set 'rime.retry.max-retries' to the number of retries after the"
				+ " first call (each call is made at most 1 + max-retries times), or to 0 to turn retries off.");
	}

	@Test
	void multiplierBelowOne() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(VALID, "rime.retry.multiplier=0.5"));
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid value '0.5' for property 'rime.retry.multiplier': expected 1 or more.");
		assertThat(analysis.getAction()).isEqualTo("Set 'rime.retry.multiplier' to 1 for a fixed delay, or to more"
				+ " than 1 (such as 2) for a delay that grows after each retry.");
	}

	@Test
	void maxDelayBelowDelay() {
		FailureAnalysis analysis = analyze(
				this.contextRunner.withPropertyValues(VALID, "rime.retry.delay=2s", "rime.retry.max-delay=500ms"));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value '500ms' for property 'rime.retry.max-delay':"
				+ " it is less than 'rime.retry.delay' (2s).");
	}

	@Test
	void redirectsFollowedByTheHttpLibraryWouldLeakTheApiKey() {
		FailureAnalysis analysis = analyze(
				this.contextRunner.withPropertyValues(VALID, "rime.api-key=abc", "rime.redirects=follow-when-possible"));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value 'follow-when-possible' for property"
				+ " 'rime.redirects': the HTTP library would send the API key to any host a redirect names.");
		assertThat(analysis.getAction()).isEqualTo("Remove 'rime.redirects': the RIME client follows redirects of"
				+ " reads itself (at most 5) and sends the API key to the configured address only.");
	}

	@Test
	void unknownSslBundle() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(VALID, "rime.ssl.bundle=nope",
				"spring.ssl.bundle.jks.other.truststore.location=classpath:tls/emulator-truststore.p12",
				"spring.ssl.bundle.jks.other.truststore.password=changeit",
				"spring.ssl.bundle.jks.other.truststore.type=PKCS12"));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value 'nope' for property 'rime.ssl.bundle': no SSL"
				+ " bundle named 'nope' is configured (configured bundles: other).");
		assertThat(analysis.getAction()).isEqualTo("Configure the bundle under 'spring.ssl.bundle.jks.nope' or"
				+ " 'spring.ssl.bundle.pem.nope', or set 'rime.ssl.bundle' to a configured bundle.");
	}

	@Test
	void unknownEmulatorSslBundle() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues("rime.emulator.ssl-bundle=missing"));
		assertThat(analysis.getDescription()).startsWith("Invalid value 'missing' for property"
				+ " 'rime.emulator.ssl-bundle': no SSL bundle named 'missing' is configured");
	}

	@Test
	void blankApiKeyIsReportedEvenForTheEmbeddedEmulator() {
		FailureAnalysis analysis = analyze(this.contextRunner.withInitializer(apiKey("  ")));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value for property 'rime.api-key': it is blank.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			rime.emulator.pending-duration=-1s      | rime.emulator.pending-duration    | -1s    | 1s
			rime.emulator.running-duration=-250ms   | rime.emulator.running-duration    | -250ms | 5s
			rime.emulator.validation-duration=-1ms  | rime.emulator.validation-duration | -1ms   | 300ms
			rime.emulator.cancel-duration=-2s       | rime.emulator.cancel-duration     | -2s    | 500ms
			rime.emulator.job-ttl=-1s               | rime.emulator.job-ttl             | -1s    | 2d
			""")
	void negativeEmulatorDurations(String setting, String property, String shown, String example) {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues(setting));
		assertThat(analysis.getDescription()).isEqualTo(
				"Invalid value '" + shown + "' for property '" + property + "': expected 0 or a positive duration.");
		assertThat(analysis.getAction())
			.isEqualTo("Set '" + property + "' to 0 or a positive duration, such as " + example + ".");
	}

	@Test
	void emulatorPortOutOfRange() {
		FailureAnalysis analysis = analyze(this.contextRunner.withPropertyValues("rime.emulator.port=70000"));
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid value '70000' for property 'rime.emulator.port': expected 0 to 65535.");
		assertThat(analysis.getAction()).isEqualTo("Set 'rime.emulator.port' to a free port, or to 0 to pick one.");
	}

	@Test
	void theReportLooksLikeBootsOwn(CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("rime.address=ftp://localhost:8080")
			.build();
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START", "Description:",
				"Invalid value 'ftp://localhost:8080' for property 'rime.address': it is not an http or https URL.",
				"Action:", "Set 'rime.address' to a host such as rime.example.com");
	}

	@Test
	void theReportNamesTheFileLineAndColumnWhereTheBadPropertyWasSet() {
		String resource = "io/rime/autoconfigure/origin/retry.properties";
		FailureAnalysis analysis = analyze(this.contextRunner.withInitializer(file(resource)));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value '0s' for property 'rime.retry.timeout'"
				+ " (originating from 'class path resource [" + resource + "] - 3:20'): expected a positive duration.");
	}

	@Test
	void anElementOfAListSetAsOneValueIsReportedWithTheListsOrigin() {
		String resource = "io/rime/autoconfigure/origin/project-ids.properties";
		FailureAnalysis analysis = analyze(this.contextRunner
			.withConfiguration(AutoConfigurations.of(RimeWatcherAutoConfiguration.class))
			.withInitializer(file(resource)));
		assertThat(analysis.getDescription()).startsWith("Invalid value '..' for property 'rime.watcher.project-ids[1]'"
				+ " (originating from 'class path resource [" + resource + "] - 4:26'): expected a project id");
	}

	@Test
	void anApiKeyFromAConfigFileIsReportedWithItsOriginButNeverItsValue(CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("spring.config.location=classpath:io/rime/autoconfigure/origin/api-key.properties")
			.build();
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("Invalid value for property 'rime.api-key' (originating from 'class path"
				+ " resource [io/rime/autoconfigure/origin/api-key.properties] - 3:14'): it contains the character"
				+ " U+00E9 at index 8")
			.doesNotContain("do-not-show");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

	// TestPropertyValues trims values, so the line break is set through a property source.
	private static ApplicationContextInitializer<ConfigurableApplicationContext> apiKey(String apiKey) {
		return property("rime.api-key", apiKey);
	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> property(String name, String value) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("untrimmed", Map.of(name, value)));
	}

	// Loaded as Boot loads application.properties, so that each property knows its line and column.
	private static ApplicationContextInitializer<ConfigurableApplicationContext> file(String resource) {
		return (context) -> {
			try {
				List<PropertySource<?>> sources = new PropertiesPropertySourceLoader().load(resource,
						new ClassPathResource(resource));
				context.getEnvironment().getPropertySources().addFirst(sources.get(0));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	// As Boot runs it: with the environment of the context that failed to start.
	private FailureAnalysis analyze(ApplicationContextRunner runner) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		Environment[] environment = new Environment[1];
		runner.withInitializer((context) -> environment[0] = context.getEnvironment()).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new RimeConfigurationFailureAnalyzer(environment[0]).analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).as("analysis").isNotNull();
		return analysis[0];
	}

}
