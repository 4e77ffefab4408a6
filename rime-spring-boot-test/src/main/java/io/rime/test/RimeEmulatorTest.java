package io.rime.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit test class against a RIME emulator, for code that uses the SDK without Spring: the
 * class's tests get a started {@link io.rime.emulator.RimeEmulator}, a
 * {@link io.rime.client.RimeClient} of it, its {@link io.rime.emulator.Seeder} and, with
 * {@link #manualClock()}, its {@link io.rime.emulator.MutableClock} as parameters, and the
 * emulator forgets everything after each test.
 *
 * <pre>{@code
 * @RimeEmulatorTest
 * class GateTests {
 *     @Test
 *     void startsAStressTest(RimeClient rime, Seeder seed) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RimeEmulatorExtension.class)
public @interface RimeEmulatorTest {

	/**
	 * How long a stress test is pending.
	 * @return a duration such as {@code 50ms}
	 */
	String pendingDuration() default "50ms";

	/**
	 * How long a stress test runs.
	 * @return a duration such as {@code 500ms}
	 */
	String runningDuration() default "500ms";

	/**
	 * How long the validation of a registered dataset or model takes.
	 * @return a duration such as {@code 0ms}
	 */
	String validationDuration() default "0ms";

	/**
	 * How long a cancellation takes.
	 * @return a duration such as {@code 50ms}
	 */
	String cancelDuration() default "50ms";

	/**
	 * API key the emulator requires and the client sends.
	 * @return a key, or empty for a random one
	 */
	String apiKey() default "";

	/**
	 * Whether the emulator runs on a {@link io.rime.emulator.MutableClock} that the test moves, so
	 * that jobs change state only when the test says.
	 * @return whether the clock is moved by hand
	 */
	boolean manualClock() default false;

	/**
	 * Whether the emulator forgets its projects, jobs, faults and recorded requests after each test
	 * method.
	 * @return whether to reset after each test
	 */
	boolean reset() default true;

}
