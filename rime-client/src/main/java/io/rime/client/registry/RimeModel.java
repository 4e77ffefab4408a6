package io.rime.client.registry;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A model registered in RIME; stress tests refer to it by {@link #modelId()}.
 *
 * @param modelId the id to use in a stress test configuration
 * @param name the name, unique in its project
 * @param projectIds the projects it is registered in
 * @param creationTime when it was registered, or {@code null} if RIME did not say
 * @param path the model file, or {@code null} for a model without one
 * @param validityStatus whether RIME could load it
 * @param validityMessage why it is invalid, or {@code null}
 */
public record RimeModel(String modelId, String name, List<String> projectIds, @Nullable Instant creationTime,
		@Nullable String path, ValidityStatus validityStatus, @Nullable String validityMessage) {
}
