package io.rime.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import io.rime.emulator.RimeEmulator;

/**
 * Resets the emulator of {@link AutoConfigureRimeEmulator} after each test method, so that the
 * next test of a cached context starts from an empty emulator at the same address.
 */
public final class ResetRimeEmulatorTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		// After Spring's own listeners have run the test's after-methods.
		return 10_000;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		boolean reset = context.getEnvironment()
			.getProperty(RimeEmulatorTestAutoConfiguration.PREFIX + ".reset", Boolean.class, false);
		if (reset && context.containsBean("rimeEmulator")) {
			context.getBean("rimeEmulator", RimeEmulator.class).reset();
		}
	}

}
