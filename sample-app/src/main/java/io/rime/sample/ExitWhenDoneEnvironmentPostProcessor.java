package io.rime.sample;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code rime.sample.exit-when-done=true} the application is a batch run: it starts no web
 * server, so that a script or CI job needs no free port. An explicit
 * {@code spring.main.web-application-type} wins.
 */
class ExitWhenDoneEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("rime.sample.exit-when-done", Boolean.class, false)
				&& !environment.containsProperty("spring.main.web-application-type")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("rimeSampleExitWhenDone",
						Map.of("spring.main.web-application-type", "none")));
		}
	}

	@Override
	public int getOrder() {
		// after application.yaml and the other property sources are in place
		return Ordered.LOWEST_PRECEDENCE;
	}

}
