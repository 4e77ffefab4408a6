package io.rime.sample;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The sample application. Runs against an embedded RIME emulator unless {@code rime.address} is
 * set; with {@code --rime.sample.exit-when-done=true} it exits once the start-up stress test has
 * finished, with the exit code of {@link RunOutcome#exitCode()}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	/**
	 * Refuse a number or a boolean where the REST API expects text, such as
	 * {@code {"projectId": 42}}: Jackson would read it as the project {@code "42"} and ask RIME for it.
	 * @return the customizer
	 */
	@Bean
	JsonMapperBuilderCustomizer strictTextFields() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	/**
	 * Start the application.
	 * @param args command-line arguments, such as {@code --rime.sample.exit-when-done=true}
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
		if (context.getBean(SampleProperties.class).isExitWhenDone()) {
			System.exit(exitWhenDone(context));
		}
	}

	/**
	 * Wait for the start-up stress test, then close the application.
	 * @param context the running application
	 * @return the exit code: {@link RunOutcome#exitCode()} unless an {@code ExitCodeGenerator}
	 * bean says otherwise
	 */
	static int exitWhenDone(ConfigurableApplicationContext context) {
		SampleProperties properties = context.getBean(SampleProperties.class);
		int exitCode = context.getBean(MainJob.class).awaitExitCode(properties.getTimeout());
		return SpringApplication.exit(context, () -> exitCode);
	}

}
