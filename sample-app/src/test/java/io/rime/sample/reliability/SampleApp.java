package io.rime.sample.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import io.rime.sample.SampleApplication;
import io.rime.sample.TestResults;

/**
 * Starts the sample application as {@code java -jar} would, with properties given on the command
 * line (so that they override its {@code application.yaml}), without running its start-up job.
 */
final class SampleApp {

	private SampleApp() {
	}

	static ConfigurableApplicationContext start(WebApplicationType type, Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("spring.main.banner-mode", "off");
		all.put("rime.sample.run-on-startup", "false");
		all.put("server.port", "0");
		int equals = TestResults.PROPERTY.indexOf('=');
		all.put(TestResults.PROPERTY.substring(0, equals), TestResults.PROPERTY.substring(equals + 1));
		all.putAll(properties);
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setWebApplicationType(type);
		return application.run(all.entrySet().stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
