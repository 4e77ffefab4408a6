package io.rime.client.registry;

import org.jspecify.annotations.Nullable;

import io.rime.client.internal.Checks;

/**
 * Where a model is, as RIME v1's {@code ModelInfo} says: a model file RIME can load, or a Hugging Face model.
 *
 * @param path the model file's path, such as {@code s3://bucket/model.py}, or {@code null} for a Hugging
 * Face model
 * @param huggingFaceUri the Hugging Face model URI, or {@code null} for a model file
 */
public record ModelInfo(@Nullable String path, @Nullable String huggingFaceUri) {

	/**
	 * Check the values: exactly one of the two is set.
	 * @param path the model file's path, or {@code null}
	 * @param huggingFaceUri the Hugging Face model URI, or {@code null}
	 */
	public ModelInfo {
		if ((path == null) == (huggingFaceUri == null)) {
			throw new IllegalArgumentException("ModelInfo has " + ((path == null) ? "neither a path nor" : "both a path and")
					+ " a Hugging Face URI; expected exactly one");
		}
		if (path != null) {
			Checks.text(path, "path");
		}
		if (huggingFaceUri != null) {
			Checks.text(huggingFaceUri, "huggingFaceUri");
		}
	}

	/**
	 * A model file, such as {@code s3://bucket/model.py}.
	 * @param path the path
	 * @return the model info
	 */
	public static ModelInfo path(String path) {
		return new ModelInfo(path, null);
	}

	/**
	 * A Hugging Face model.
	 * @param modelUri the model URI
	 * @return the model info
	 */
	public static ModelInfo huggingFace(String modelUri) {
		return new ModelInfo(null, modelUri);
	}

}
