package io.rime.test;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.emulator.RimeEmulatorAutoConfiguration;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * imported by {@link AutoConfigureRimeEmulator}: the test's emulator, as a bean that
 * {@link RimeEmulatorAutoConfiguration} then points the client at.
 */
@AutoConfiguration(before = { RimeEmulatorAutoConfiguration.class, RimeAutoConfiguration.class })
public final class RimeEmulatorTestAutoConfiguration {

	static final String PREFIX = "rime.test.emulator";

	private static final Log logger = LogFactory.getLog(RimeEmulatorTestAutoConfiguration.class);

	private final TestEmulatorSettings settings;

	RimeEmulatorTestAutoConfiguration(Environment environment) {
		Binder binder = Binder.get(environment);
		this.settings = TestEmulatorSettings.of(text(binder, "pending-duration", "50ms"),
				text(binder, "running-duration", "500ms"), text(binder, "validation-duration", "0ms"),
				text(binder, "cancel-duration", "50ms"), text(binder, "api-key", ""),
				binder.bind(PREFIX + ".manual-clock", Boolean.class).orElse(false));
	}

	@Bean(destroyMethod = "close")
	RimeEmulator rimeEmulator() {
		RimeEmulator emulator = this.settings.start(this.settings.newClock());
		logger.info("RIME: @AutoConfigureRimeEmulator started an emulator at " + emulator.baseUrl()
				+ "; the client uses it instead of 'rime.address'.");
		return emulator;
	}

	@Bean
	@ConditionalOnBooleanProperty(PREFIX + ".manual-clock")
	MutableClock rimeEmulatorClock(RimeEmulator emulator) {
		return (MutableClock) emulator.clock();
	}

	private static String text(Binder binder, String name, String fallback) {
		return binder.bind(PREFIX + "." + name, String.class).orElse(fallback);
	}

}
