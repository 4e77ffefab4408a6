package io.rime.emulator.internal.checks;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Runs the data checks of a test run: reads the reference, then the evaluation, and turns what
 * they hold into test batches and cases; model-dependent batches are listed with every case
 * skipped, because the emulator does not run models.
 */
public final class DataChecks {

	/** How many rows a pass reads between two progress reports (and cancellation checks). */
	public static final int CHECKPOINT_ROWS = 65_536;

	/** Why a model-dependent case is skipped. */
	public static final String NEEDS_MODEL = "needs the model: the emulator does not run models";

	static final String NO_REFERENCE = "no reference dataset: this check compares the evaluation data with a reference";

	private DataChecks() {
	}

	/**
	 * The test types a run will report, in order, before its files are read; a label drift batch
	 * is listed as categorical until the label column's type is known.
	 * @param spec the run
	 * @param modelBatches the model-dependent batches
	 * @return the test types
	 */
	public static List<String> plannedBatchTypes(DataCheckSpec spec, List<SkippedBatch> modelBatches) {
		List<String> types = new ArrayList<>();
		for (Check check : Check.ALL) {
			if (check == Check.REGRESSION_LABEL_DRIFT || (check == Check.CATEGORICAL_LABEL_DRIFT
					&& spec.labelColumn() == null) || !spec.runs(check.category())) {
				continue;
			}
			types.add(check.type());
		}
		modelBatches.stream().filter((batch) -> spec.runs(batch.category())).forEach((batch) -> types.add(batch.type()));
		return types;
	}

	/**
	 * Computes the results.
	 * @param spec the run
	 * @param testRunId the test run id the results carry
	 * @param modelBatches the model-dependent batches, listed when their category runs
	 * @param progress told of progress; throws to cancel
	 * @return the results
	 * @throws MalformedCsvException when a file cannot be read as a table
	 */
	public static DataCheckReport run(DataCheckSpec spec, String testRunId, List<SkippedBatch> modelBatches,
			Progress progress) {
		Passes.Reference reference = (spec.reference() != null) ? Passes.reference(spec, spec.reference(), progress)
				: null;
		long referenceBytes = (spec.reference() != null) ? spec.reference().toFile().length() : 0;
		Passes.Evaluation evaluation = Passes.evaluation(spec, reference, progress, referenceBytes);
		List<String> columns = (reference != null) ? reference.header() : Passes.header(spec);
		List<Integer> features = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			String name = columns.get(i);
			if (!name.equals(spec.labelColumn()) && !spec.excludedColumns().contains(name)) {
				features.add(i);
			}
		}
		DataCheckReport report = new DataCheckReport();
		Cases cases = new Cases(spec, reference, evaluation, columns, features);
		for (Check check : Check.ALL) {
			if (spec.runs(check.category()) && cases.applies(check)) {
				report.add(testRunId, check.type(), check.name(), check.category(), check.description(),
						cases.of(check));
			}
		}
		for (SkippedBatch batch : modelBatches) {
			if (spec.runs(batch.category())) {
				List<TestCase> skipped = new ArrayList<>();
				if (batch.perFeature()) {
					for (int feature : features) {
						skipped.add(TestCase.skip(columns.get(feature), NEEDS_MODEL));
					}
				}
				else {
					skipped.add(TestCase.skip(null, NEEDS_MODEL));
				}
				report.add(testRunId, batch.type(), batch.name(), batch.category(),
						"Not run: " + batch.name() + " " + NEEDS_MODEL + " or predictions.", skipped);
			}
		}
		return report;
	}

	/**
	 * The test cases of each check, from what the passes counted.
	 */
	private static final class Cases {

		private final DataCheckSpec spec;

		private final Passes.@Nullable Reference reference;

		private final Passes.Evaluation evaluation;

		private final List<String> columns;

		private final List<Integer> features;

		Cases(DataCheckSpec spec, Passes.@Nullable Reference reference, Passes.Evaluation evaluation,
				List<String> columns, List<Integer> features) {
			this.spec = spec;
			this.reference = reference;
			this.evaluation = evaluation;
			this.columns = columns;
			this.features = features;
		}

		boolean applies(Check check) {
			if (check == Check.CATEGORICAL_LABEL_DRIFT || check == Check.REGRESSION_LABEL_DRIFT) {
				if (this.spec.labelColumn() == null) {
					return false;
				}
				ColumnModel label = label();
				boolean numeric = label != null && label.kind == ColumnModel.Kind.NUMERIC;
				return numeric == (check == Check.REGRESSION_LABEL_DRIFT);
			}
			return true;
		}

		List<TestCase> of(Check check) {
			if (this.reference == null && check != Check.DUPLICATE_ROWS) {
				return List.of(TestCase.skip(null, NO_REFERENCE));
			}
			if (check == Check.DUPLICATE_ROWS) {
				return List.of(AbnormalCases.duplicates(this.evaluation.rows(),
						(this.reference != null) ? this.reference.rows() : null));
			}
			long refRows = this.reference.rows().rows;
			long evalRows = this.evaluation.rows().rows;
			if (check == Check.ROW_NULL_DRIFT) {
				return List.of(DriftCases.rowNulls(this.reference.rows().nullsPerRow, this.evaluation.rows().nullsPerRow,
						refRows, evalRows));
			}
			if (check == Check.CATEGORICAL_LABEL_DRIFT || check == Check.REGRESSION_LABEL_DRIFT) {
				int index = this.columns.indexOf(this.spec.labelColumn());
				ColumnModel model = this.reference.columns()[index];
				EvalColumn eval = this.evaluation.columns()[index];
				return List.of((check == Check.REGRESSION_LABEL_DRIFT) ? DriftCases.numeric(this.spec.labelColumn(), model, eval)
						: DriftCases.categorical(this.spec.labelColumn(), model, eval));
			}
			return perFeature((model, eval) -> feature(check, model, eval, refRows, evalRows));
		}

		private @Nullable TestCase feature(Check check, ColumnModel model, EvalColumn eval, long refRows, long evalRows) {
			boolean numeric = model.kind == ColumnModel.Kind.NUMERIC;
			String name = model.name;
			if (check == Check.NULL_DRIFT) {
				return DriftCases.nulls(name, refRows, model.nulls, evalRows, eval.nulls);
			}
			if (check == Check.NULL_CHECK) {
				return (model.nulls == 0) ? AbnormalCases.nullCheck(name, refRows, eval, evalRows) : null;
			}
			boolean wanted = (check == Check.NUMERIC_DRIFT || check == Check.NUMERIC_OUTLIERS
					|| check == Check.OUT_OF_RANGE) ? numeric : !numeric;
			if (!wanted) {
				return null;
			}
			if (model.excludedBecause != null) {
				return (check == Check.NUMERIC_DRIFT || check == Check.CATEGORICAL_DRIFT)
						? TestCase.skip(name, model.excludedBecause) : null;
			}
			if (check == Check.NUMERIC_DRIFT) {
				return DriftCases.numeric(name, model, eval);
			}
			if (check == Check.CATEGORICAL_DRIFT) {
				return DriftCases.categorical(name, model, eval);
			}
			if (check == Check.UNSEEN_CATEGORICAL) {
				return (model.unseenAllowed || model.highCardinality()) ? null
						: AbnormalCases.unseen(name, eval, evalRows);
			}
			if (check == Check.NUMERIC_OUTLIERS) {
				return model.ascending ? null : AbnormalCases.outliers(name, model, eval);
			}
			return AbnormalCases.outOfRange(name, model, eval, evalRows);
		}

		private List<TestCase> perFeature(java.util.function.BiFunction<ColumnModel, EvalColumn, @Nullable TestCase> each) {
			List<TestCase> cases = new ArrayList<>();
			for (int index : this.features) {
				TestCase testCase = each.apply(this.reference.columns()[index], this.evaluation.columns()[index]);
				if (testCase != null) {
					cases.add(testCase);
				}
			}
			return cases;
		}

		private @Nullable ColumnModel label() {
			if (this.reference == null) {
				return null;
			}
			return this.reference.columns()[this.columns.indexOf(this.spec.labelColumn())];
		}

	}


}
