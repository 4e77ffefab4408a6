package io.rime.test;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.rime.client.RimeClient;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;
import io.rime.emulator.Seeder;

/**
 * The JUnit extension behind {@link RimeEmulatorTest}: one emulator and one client per test class,
 * started on first use and closed after the class; the emulator is reset after each test method.
 */
public final class RimeEmulatorExtension implements ParameterResolver, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RimeEmulatorExtension.class);

	private static final Set<Class<?>> SUPPORTED = Set.of(RimeEmulator.class, RimeClient.class, Seeder.class,
			MutableClock.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return SUPPORTED.contains(parameter.getParameter().getType());
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		Started started = started(context);
		if (type == RimeClient.class) {
			return started.client();
		}
		if (type == Seeder.class) {
			return started.emulator().seed();
		}
		if (type == MutableClock.class) {
			if (!(started.clock() instanceof MutableClock clock)) {
				throw new ParameterResolutionException("A MutableClock parameter needs @RimeEmulatorTest(manualClock = "
						+ "true) on " + context.getRequiredTestClass().getName());
			}
			return clock;
		}
		return started.emulator();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Started started = classContext(context).getStore(NAMESPACE).get(Started.class, Started.class);
		if (started != null && settings(context).reset()) {
			started.emulator().reset();
		}
	}

	private Started started(ExtensionContext context) {
		return classContext(context).getStore(NAMESPACE).computeIfAbsent(Started.class, (key) -> {
			RimeEmulatorTest annotation = settings(context);
			TestEmulatorSettings settings = TestEmulatorSettings.of(annotation.pendingDuration(), annotation.runningDuration(),
					annotation.validationDuration(), annotation.cancelDuration(), annotation.apiKey(),
					annotation.manualClock());
			Clock clock = settings.newClock();
			RimeEmulator emulator = settings.start(clock);
			RimeClient client = RimeClient.builder()
				.address(emulator.baseUrl())
				.apiKey(emulator.apiKey())
				.defaultProjectId(emulator.defaultProjectId())
				// The emulator answers a repeated Idempotency-Key with the original response.
				.idempotencyKeysHonoured(true)
				.build();
			return new Started(emulator, client, clock);
		}, Started.class);
	}

	private static RimeEmulatorTest settings(ExtensionContext context) {
		Optional<RimeEmulatorTest> annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(),
				RimeEmulatorTest.class);
		return annotation.orElseThrow(() -> new IllegalStateException(
				"Register RimeEmulatorExtension with @RimeEmulatorTest on " + context.getRequiredTestClass().getName()));
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	/**
	 * A test class's emulator and client, closed by JUnit with the class's store.
	 */
	private record Started(RimeEmulator emulator, RimeClient client, Clock clock) implements AutoCloseable {

		@Override
		public void close() {
			try {
				this.client.close();
			}
			finally {
				this.emulator.close();
			}
		}

	}

}
