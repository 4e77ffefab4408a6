package io.rime.client.results;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One value RIME measured for a test case, such as a drift case's PSI, with the threshold it is judged by.
 * A metric holds one value field; {@link #value()} returns it as {@code rime_sdk} reads it.
 *
 * @param name the metric name, such as {@code psi}
 * @param category the category without RIME's {@code TEST_METRIC_CATEGORY_} prefix, such as {@code DRIFT_STAT}
 * @param floatValue the value, if it is a number with a fraction
 * @param intValue the value, if it is a whole number
 * @param strValue the value, if it is a text
 * @param floatList the value, if it is a list of numbers with fractions
 * @param intList the value, if it is a list of whole numbers
 * @param strList the value, if it is a list of texts
 * @param threshold the threshold the value is judged by, or {@code null}
 */
public record TestMetric(String name, String category, @Nullable Double floatValue, @Nullable Long intValue,
		@Nullable String strValue, List<Double> floatList, List<Long> intList, List<String> strList,
		@Nullable Threshold threshold) {

	/**
	 * Return the metric's key as RIME's own clients name result columns.
	 * @return for example {@code DRIFT_STAT:psi}
	 */
	public String key() {
		return this.category + ":" + this.name;
	}

	/**
	 * Return the value: the first one set of float, int, text, float list, int list and text list.
	 * @return the value, or {@code null} if the metric holds none
	 */
	public @Nullable Object value() {
		if (this.floatValue != null) {
			return this.floatValue;
		}
		if (this.intValue != null) {
			return this.intValue;
		}
		if (this.strValue != null) {
			return this.strValue;
		}
		return !this.floatList.isEmpty() ? this.floatList : !this.intList.isEmpty() ? this.intList
				: !this.strList.isEmpty() ? this.strList : null;
	}

	/**
	 * Return the value as a number, for comparing it with its threshold.
	 * @return the float or int value, or {@code null} if the metric holds neither
	 */
	public @Nullable Double number() {
		return (this.floatValue != null) ? this.floatValue : (this.intValue != null) ? (Double) this.intValue.doubleValue()
				: null;
	}

	/**
	 * The bounds RIME judges a metric by: for an upper bound, a value from {@code low} warns and from
	 * {@code high} fails.
	 *
	 * @param low the lower bound, or {@code null}
	 * @param high the upper bound, or {@code null}
	 * @param type how the bounds apply, such as {@code TYPE_UPPER_BOUND}
	 */
	public record Threshold(@Nullable Double low, @Nullable Double high, String type) {
	}

}
