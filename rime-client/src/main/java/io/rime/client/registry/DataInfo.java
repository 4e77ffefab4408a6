package io.rime.client.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rime.client.internal.Checks;

/**
 * Where a dataset is and how to read it, as RIME v1's {@code DataInfo} says: a file (CSV, Parquet, a Delta
 * table) at a path RIME can reach, and optionally its label, timestamp and feature roles. Immutable; start
 * with {@link #file(String)} and add parameters with the {@code with…} methods.
 *
 * @param path the path, such as {@code s3://bucket/ref.csv}
 * @param deltaTable whether the path is a Delta table
 * @param labelCol the label column, or {@code null}
 * @param timestampCol the timestamp column, or {@code null}
 * @param nrows how many rows to read, or {@code null} for all
 * @param categoricalFeatures the features to treat as categorical
 * @param protectedFeatures the features to check for bias
 * @param featuresNotInModel the columns the model does not read
 */
public record DataInfo(String path, boolean deltaTable, @Nullable String labelCol, @Nullable String timestampCol,
		@Nullable Long nrows, List<String> categoricalFeatures, List<String> protectedFeatures,
		List<String> featuresNotInModel) {

	/**
	 * Check and copy the values.
	 * @param path the path
	 * @param deltaTable whether the path is a Delta table
	 * @param labelCol the label column, or {@code null}
	 * @param timestampCol the timestamp column, or {@code null}
	 * @param nrows how many rows to read, or {@code null} for all
	 * @param categoricalFeatures the features to treat as categorical
	 * @param protectedFeatures the features to check for bias
	 * @param featuresNotInModel the columns the model does not read
	 */
	public DataInfo {
		Checks.text(path, "path");
		if (labelCol != null) {
			Checks.text(labelCol, "labelCol");
		}
		if (timestampCol != null) {
			Checks.text(timestampCol, "timestampCol");
		}
		if (nrows != null && nrows <= 0) {
			throw new IllegalArgumentException("nrows is " + nrows + "; expected more than zero, or null for all rows");
		}
		categoricalFeatures = List.copyOf(categoricalFeatures);
		protectedFeatures = List.copyOf(protectedFeatures);
		featuresNotInModel = List.copyOf(featuresNotInModel);
	}

	/**
	 * A data file, such as {@code s3://bucket/ref.csv} or a local path on the RIME cluster.
	 * @param path the path
	 * @return the data info
	 */
	public static DataInfo file(String path) {
		return new DataInfo(path, false, null, null, null, List.of(), List.of(), List.of());
	}

	/**
	 * A Delta table.
	 * @param path the table's path
	 * @return the data info
	 */
	public static DataInfo deltaTable(String path) {
		return new DataInfo(path, true, null, null, null, List.of(), List.of(), List.of());
	}

	/**
	 * Return a copy with a label column.
	 * @param labelCol the column holding the label
	 * @return the copy
	 */
	public DataInfo withLabelCol(String labelCol) {
		return new DataInfo(this.path, this.deltaTable, labelCol, this.timestampCol, this.nrows,
				this.categoricalFeatures, this.protectedFeatures, this.featuresNotInModel);
	}

	/**
	 * Return a copy with a timestamp column.
	 * @param timestampCol the column holding each row's time
	 * @return the copy
	 */
	public DataInfo withTimestampCol(String timestampCol) {
		return new DataInfo(this.path, this.deltaTable, this.labelCol, timestampCol, this.nrows,
				this.categoricalFeatures, this.protectedFeatures, this.featuresNotInModel);
	}

	/**
	 * Return a copy that reads only the first rows.
	 * @param nrows how many rows, more than zero
	 * @return the copy
	 */
	public DataInfo withNrows(long nrows) {
		return new DataInfo(this.path, this.deltaTable, this.labelCol, this.timestampCol, nrows,
				this.categoricalFeatures, this.protectedFeatures, this.featuresNotInModel);
	}

	/**
	 * Return a copy with the features to treat as categorical.
	 * @param features the feature names
	 * @return the copy
	 */
	public DataInfo withCategoricalFeatures(List<String> features) {
		return new DataInfo(this.path, this.deltaTable, this.labelCol, this.timestampCol, this.nrows, features,
				this.protectedFeatures, this.featuresNotInModel);
	}

	/**
	 * Return a copy with the features to check for bias.
	 * @param features the feature names
	 * @return the copy
	 */
	public DataInfo withProtectedFeatures(List<String> features) {
		return new DataInfo(this.path, this.deltaTable, this.labelCol, this.timestampCol, this.nrows,
				this.categoricalFeatures, features, this.featuresNotInModel);
	}

	/**
	 * Return a copy with the columns the model does not read.
	 * @param features the column names
	 * @return the copy
	 */
	public DataInfo withFeaturesNotInModel(List<String> features) {
		return new DataInfo(this.path, this.deltaTable, this.labelCol, this.timestampCol, this.nrows,
				this.categoricalFeatures, this.protectedFeatures, features);
	}

}
