package io.rime.client.registry;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A dataset registered in RIME; stress tests refer to it by {@link #datasetId()}.
 *
 * @param datasetId the id to use in a stress test configuration
 * @param name the name, unique in its project
 * @param projectIds the projects it is registered in
 * @param creationTime when it was registered, or {@code null} if RIME did not say
 * @param path where it is read from, or {@code null} for a source without a path
 * @param labelCol its label column, or {@code null}
 * @param validityStatus whether RIME could load it
 * @param validityMessage why it is invalid, or {@code null}
 */
public record RimeDataset(String datasetId, String name, List<String> projectIds, @Nullable Instant creationTime,
		@Nullable String path, @Nullable String labelCol, ValidityStatus validityStatus,
		@Nullable String validityMessage) {
}
