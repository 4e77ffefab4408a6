package io.rime.emulator.internal.checks;

import java.util.List;

/**
 * One kind of data check, as RIME names it: the test type key, the display name, the category,
 * and a description of what the emulator computes and how it judges it.
 *
 * @param type the {@code testType} / {@code testBatchType}
 * @param name the display name ({@code testName})
 * @param category the {@code TEST_CATEGORY_TYPE_*}
 * @param description what was computed, with the thresholds
 */
record Check(String type, String name, String category, String description) {

	static final String DRIFT = "TEST_CATEGORY_TYPE_DRIFT";

	static final String ABNORMAL_INPUTS = "TEST_CATEGORY_TYPE_ABNORMAL_INPUTS";

	static final String DATA_CLEANLINESS = "TEST_CATEGORY_TYPE_DATA_CLEANLINESS";

	private static final String COMPUTED = "Computed by the RIME emulator from the CSV files, after RIME's published "
			+ "definition; thresholds marked (E) are the emulator's own choice. ";

	static final Check NUMERIC_DRIFT = new Check("numeric_feature_drift", "Numeric Feature Drift", DRIFT, COMPUTED
			+ "PSI between the reference and evaluation values of each numeric feature, over bins at reference "
			+ "quantiles (bins = min(n, m) / 100, clamped to 10..100 (E)), each bin count plus one; warning from "
			+ "0.2, fail from 0.6. The Kolmogorov-Smirnov statistic and p-value are reported, not judged. Needs 100 "
			+ "non-null values on each side.");

	static final Check CATEGORICAL_DRIFT = new Check("categorical_feature_drift", "Categorical Feature Drift", DRIFT,
			COMPUTED + "PSI between the category frequencies of each categorical feature, each category count plus "
					+ "one, nulls left out; warning from 0.2, fail from 0.6. The chi-square p-value is reported, not "
					+ "judged. Needs 100 non-null values on each side; features whose reference values are 25% or more "
					+ "distinct are skipped (E).");

	static final Check CATEGORICAL_LABEL_DRIFT = new Check("categorical_label_drift", "Label Drift (Categorical)",
			DRIFT, COMPUTED + "PSI between the label's class frequencies, each count plus one; warning from 0.2, fail "
					+ "from 0.6. Needs 100 non-null labels on each side.");

	static final Check REGRESSION_LABEL_DRIFT = new Check("regression_label_drift", "Label Drift (Regression)", DRIFT,
			COMPUTED + "PSI between the label's values over bins at reference quantiles, as for numeric features; "
					+ "warning from 0.2, fail from 0.6. Needs 100 non-null labels on each side.");

	static final Check NULL_DRIFT = new Check("null_proportion", "Nulls Per Feature Drift", DRIFT, COMPUTED
			+ "Chi-square test with Yates' correction of each feature's null rate, reference against evaluation. "
			+ "RIME flags p < 0.05; because any tiny change is significant in large data, the emulator warns only "
			+ "when the rate also moved by 1 point or more and fails from 5 points (E). Needs 100 rows on each side.");

	static final Check ROW_NULL_DRIFT = new Check("row_null_proportion", "Nulls Per Row Drift", DRIFT, COMPUTED
			+ "PSI between the distributions of the number of null features per row, each count plus one; warning "
			+ "from 0.2, fail from 0.6. Needs 100 rows on each side.");

	static final Check UNSEEN_CATEGORICAL = new Check("unseen_categorical", "Unseen Categorical", ABNORMAL_INPUTS,
			COMPUTED + "Evaluation rows whose categorical value never occurs in the reference: warning from one row, "
					+ "fail from 1% of the rows (E). Not run for features whose reference values are 25% or more "
					+ "distinct, where new values are expected.");

	static final Check NUMERIC_OUTLIERS = new Check("numeric_outliers", "Numeric Outliers", ABNORMAL_INPUTS, COMPUTED
			+ "Evaluation values outside the reference mean +- 3 standard deviations. Because 0.3% of any normal "
			+ "sample lies there, the emulator warns only when the evaluation's share exceeds the reference's "
			+ "significantly (chi-square with Yates' correction, p < 0.05) and fails when it exceeds it by 1 point "
			+ "or more (E). Needs 100 reference values; ascending and ID-like columns are left out.");

	static final Check OUT_OF_RANGE = new Check("out_of_range", "Out of Range", ABNORMAL_INPUTS, COMPUTED
			+ "Evaluation values outside the range inferred from the reference: [0, 1] or [0, inf) when every "
			+ "reference value lies there, else none. Warning from one value, fail from 1% of the rows (E). Needs "
			+ "100 reference values.");

	static final Check NULL_CHECK = new Check("null_check", "Null Check", ABNORMAL_INPUTS, COMPUTED
			+ "Nulls in the evaluation data of features that have no null in the reference: warning from one row, "
			+ "fail from 1% of the rows (E). Needs 100 reference rows.");

	static final Check DUPLICATE_ROWS = new Check("duplicate_rows", "Duplicate Row", DATA_CLEANLINESS, COMPUTED
			+ "Evaluation rows identical to an earlier evaluation row in every column (compared by a 64-bit hash, "
			+ "in the first 1,048,576 rows): warning from one, fail from 5% of the rows (E).");

	/** Every computed check, in the order of the results. */
	static final List<Check> ALL = List.of(NUMERIC_DRIFT, CATEGORICAL_DRIFT, CATEGORICAL_LABEL_DRIFT,
			REGRESSION_LABEL_DRIFT, NULL_DRIFT, ROW_NULL_DRIFT, UNSEEN_CATEGORICAL, NUMERIC_OUTLIERS, OUT_OF_RANGE,
			NULL_CHECK, DUPLICATE_ROWS);

}
