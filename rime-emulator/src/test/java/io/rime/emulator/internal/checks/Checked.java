package io.rime.emulator.internal.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of a run of the data checks, read the way a test asks about it.
 */
final class Checked {

	static final List<SkippedBatch> MODEL_BATCHES = List.of(
			new SkippedBatch("subset_accuracy", "Subset Accuracy", "TEST_CATEGORY_TYPE_SUBSET_PERFORMANCE", true),
			new SkippedBatch("single_feature_changes", "Single-Feature Changes", "TEST_CATEGORY_TYPE_ADVERSARIAL", true));

	final DataCheckReport report;

	private Checked(DataCheckReport report) {
		this.report = report;
	}

	static Checked run(@Nullable Path reference, Path evaluation, @Nullable String label, List<String> categories) {
		DataCheckSpec spec = new DataCheckSpec(reference, (reference != null) ? reference.getFileName().toString() : "",
				evaluation, evaluation.getFileName().toString(), label, Set.of(), Set.of(), categories);
		return new Checked(DataChecks.run(spec, "run-1", MODEL_BATCHES, (bytes) -> {
		}));
	}

	static Checked run(Path reference, Path evaluation) {
		return run(reference, evaluation, null, List.of());
	}

	static Path write(Path folder, String name, String text) {
		try {
			return Files.writeString(folder.resolve(name), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The case of a test type on a feature ({@code null} for a whole-row check). */
	JsonNode testCase(String type, @Nullable String feature) {
		for (ObjectNode testCase : this.report.testCases()) {
			JsonNode features = testCase.path("features");
			boolean matches = (feature == null) ? features.isEmpty()
					: features.size() == 1 && features.get(0).asString().equals(feature);
			if (testCase.path("testBatchType").asString().equals(type) && matches) {
				return testCase;
			}
		}
		throw new AssertionError("no " + type + " case on " + feature + " in " + this.report.testCases());
	}

	boolean has(String type, String feature) {
		return this.report.testCases()
			.stream()
			.anyMatch((testCase) -> testCase.path("testBatchType").asString().equals(type)
					&& testCase.path("features").toString().equals("[\"" + feature + "\"]"));
	}

	JsonNode batch(String type) {
		return this.report.batches()
			.stream()
			.filter((batch) -> batch.path("testType").asString().equals(type))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no batch " + type + " in " + this.report.batchTypes()));
	}

	static String status(JsonNode testCase) {
		return testCase.path("status").asString("TEST_CASE_STATUS_PASS").replace("TEST_CASE_STATUS_", "");
	}

	static JsonNode metric(JsonNode testCase, String name) {
		for (JsonNode metric : testCase.path("metrics")) {
			if (metric.path("metric").asString().equals(name)) {
				return metric;
			}
		}
		throw new AssertionError("no metric " + name + " in " + testCase);
	}

	static double number(JsonNode testCase, String name) {
		return metric(testCase, name).path("floatValue").asDouble();
	}

	static long count(JsonNode testCase, String name) {
		return Long.parseLong(metric(testCase, name).path("intValue").asString());
	}

	static String text(JsonNode testCase, String name) {
		return metric(testCase, name).path("strValue").asString();
	}

}
