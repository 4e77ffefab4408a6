package io.rime.client.internal;

import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.rime.client.observation.DefaultRimeClientObservationConvention;
import io.rime.client.observation.RimeClientObservationContext;
import io.rime.client.observation.RimeClientObservationConvention;
import io.rime.client.observation.RimeClientObservationDocumentation;

/**
 * Runs each SDK operation inside one {@code rime.client.operation} observation.
 */
final class Observations {

	private static final RimeClientObservationConvention DEFAULT_CONVENTION = new DefaultRimeClientObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable RimeClientObservationConvention convention;

	/**
	 * Create the helper.
	 * @param registry the registry, {@link ObservationRegistry#NOOP} to observe nothing
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public Observations(ObservationRegistry registry, @Nullable RimeClientObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * Run an operation observed.
	 * @param <T> the result type
	 * @param operation the operation name, for example {@code get_job}
	 * @param projectId the project it works on, or {@code null}
	 * @param jobId the job it works on, or {@code null}
	 * @param action the operation; it may add ids it learns to the context
	 * @return what the action returned
	 */
	public <T> T observe(String operation, @Nullable String projectId, @Nullable String jobId,
			Function<RimeClientObservationContext, T> action) {
		RimeClientObservationContext context = new RimeClientObservationContext(operation);
		context.setProjectId(projectId);
		context.setJobId(jobId);
		Observation observation = RimeClientObservationDocumentation.OPERATION.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		return observation.observe(() -> action.apply(context));
	}

}
