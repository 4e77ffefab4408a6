package io.rime.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample application. Runs against an embedded RIME emulator unless {@code rime.address} is
 * set; with {@code --rime.sample.exit-when-done=true} it exits once the start-up stress test has
 * finished, with the exit code of {@link RunOutcome#exitCode()}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	/**
	 * Start the application.
	 * @param args command-line arguments, such as {@code --rime.sample.exit-when-done=true}
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
		SampleProperties properties = context.getBean(SampleProperties.class);
		if (properties.isExitWhenDone()) {
			int exitCode = context.getBean(MainJob.class).awaitExitCode(properties.getTimeout());
			System.exit(SpringApplication.exit(context, () -> exitCode));
		}
	}

}
