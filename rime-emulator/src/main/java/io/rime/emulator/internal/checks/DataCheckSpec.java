package io.rime.emulator.internal.checks;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a computed test run checks.
 *
 * @param reference the reference CSV, or {@code null} when the run has none
 * @param referenceName how error messages name the reference file (its registered path)
 * @param evaluation the evaluation CSV
 * @param evaluationName how error messages name the evaluation file
 * @param labelColumn the label column, or {@code null}
 * @param categoricalFeatures features declared categorical (they are never typed numeric)
 * @param excludedColumns columns left out of every check
 * @param categories the test categories to run ({@code TEST_CATEGORY_TYPE_*}); empty runs all
 */
public record DataCheckSpec(@Nullable Path reference, String referenceName, Path evaluation, String evaluationName,
		@Nullable String labelColumn, Set<String> categoricalFeatures, Set<String> excludedColumns,
		List<String> categories) {

	public DataCheckSpec {
		categoricalFeatures = Set.copyOf(categoricalFeatures);
		excludedColumns = Set.copyOf(excludedColumns);
		categories = List.copyOf(categories);
	}

	boolean runs(String category) {
		return this.categories.isEmpty() || this.categories.contains(category);
	}

}
