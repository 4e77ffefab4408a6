package io.rime.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A category of RIME tests, as REST v1's {@code TestCategoryType} names it: what a stress test is asked to
 * run, and what each test result belongs to.
 */
public enum TestCategory {

	/** Inputs RIME has not seen, outliers, out-of-range values. */
	ABNORMAL_INPUTS,

	/** Adversarial attacks on the model. */
	ADVERSARIAL,

	/** Bias and fairness. */
	BIAS_AND_FAIRNESS,

	/** Duplicates and other data problems. */
	DATA_CLEANLINESS,

	/** Distribution drift between reference and evaluation data. */
	DRIFT,

	/** Model performance. */
	MODEL_PERFORMANCE,

	/** Data poisoning. */
	DATA_POISONING_DETECTION,

	/** Performance on subsets. */
	SUBSET_PERFORMANCE,

	/** Performance degradation on subsets. */
	SUBSET_PERFORMANCE_DEGRADATION,

	/** Transformations of inputs. */
	TRANSFORMATIONS,

	/** Evasion attacks. */
	EVASION_ATTACK_DETECTION,

	/** Custom tests. */
	CUSTOM,

	/** Not said, or a category this version of the SDK does not know. */
	UNSPECIFIED;

	private static final String PREFIX = "TEST_CATEGORY_TYPE_";

	/**
	 * Return the REST v1 name.
	 * @return for example {@code TEST_CATEGORY_TYPE_DRIFT}
	 */
	public String wireName() {
		return PREFIX + name();
	}

	/**
	 * Return the category with a REST v1 name; unknown or missing names give {@link #UNSPECIFIED}.
	 * @param wireName for example {@code TEST_CATEGORY_TYPE_DRIFT}, or {@code null}
	 * @return the category
	 */
	public static TestCategory fromWireName(@Nullable String wireName) {
		TestCategory category = (wireName != null) ? find(wireName) : null;
		return (category != null) ? category : UNSPECIFIED;
	}

	/**
	 * Return the category a user named: {@code TEST_CATEGORY_TYPE_DRIFT}, {@code DRIFT} or {@code drift}.
	 * @param name the name
	 * @return the category
	 * @throws IllegalArgumentException if no category has that name, listing them
	 */
	public static TestCategory fromName(@Nullable String name) {
		TestCategory category = (name != null) ? find(name.strip()) : null;
		if (category == null || category == UNSPECIFIED) {
			throw new IllegalArgumentException("Unknown test category '" + name + "'; expected one of "
					+ java.util.Arrays.stream(values()).filter((c) -> c != UNSPECIFIED).map(Enum::name).toList()
					+ ", in any case, with or without the prefix " + PREFIX);
		}
		return category;
	}

	private static @Nullable TestCategory find(String name) {
		String key = name.toUpperCase(Locale.ROOT);
		key = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
		for (TestCategory category : values()) {
			if (category.name().equals(key)) {
				return category;
			}
		}
		return null;
	}

}
