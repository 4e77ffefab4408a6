package io.rime.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Runs a Spring Boot test ({@code @SpringBootTest} or a slice) against a RIME emulator that the
 * test owns: it starts even when {@code rime.address} is set, the {@code RimeClient} bean is
 * pointed at it, and it is a {@link io.rime.emulator.RimeEmulator} bean, for faults, seeding and
 * recorded requests. The emulator forgets everything after each test method unless
 * {@link #reset()} is {@code false}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureRimeEmulator
 * class ModelGateTests {
 *     @Autowired RimeEmulator emulator;
 *     ...
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping(RimeEmulatorTestAutoConfiguration.PREFIX)
public @interface AutoConfigureRimeEmulator {

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
	 * API key the emulator requires; the client sends it instead of {@code rime.api-key}.
	 * @return a key, or empty for a random one
	 */
	String apiKey() default "";

	/**
	 * Whether the emulator runs on a {@link io.rime.emulator.MutableClock} bean that the test
	 * moves, so that jobs change state only when the test says.
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
