package io.rime.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a project's model does, as RIME's {@code ModelTask} names it; RIME 2.x needs it to pick tests.
 */
public enum ModelTask {

	/** Predicts a number. */
	REGRESSION,

	/** Predicts one of two classes. */
	BINARY_CLASSIFICATION,

	/** Predicts one of several classes. */
	MULTICLASS_CLASSIFICATION,

	/** Tags named entities in text. */
	NAMED_ENTITY_RECOGNITION,

	/** Ranks items. */
	RANKING,

	/** Finds objects in images. */
	OBJECT_DETECTION,

	/** Natural-language inference. */
	NATURAL_LANGUAGE_INFERENCE,

	/** Fills masked tokens. */
	FILL_MASK,

	/** Flags anomalies. */
	ANOMALY_DETECTION,

	/** Not said, or a task this version of the SDK does not know. */
	UNSPECIFIED;

	/**
	 * Return the REST v1 name.
	 * @return for example {@code MODEL_TASK_BINARY_CLASSIFICATION}
	 */
	public String wireName() {
		return "MODEL_TASK_" + name();
	}

	/**
	 * Return the task with a REST v1 name; unknown or missing names give {@link #UNSPECIFIED}.
	 * @param wireName for example {@code MODEL_TASK_REGRESSION}, or {@code null}
	 * @return the task
	 */
	public static ModelTask fromWireName(@Nullable String wireName) {
		if (wireName == null) {
			return UNSPECIFIED;
		}
		String name = wireName.toUpperCase(Locale.ROOT);
		name = name.startsWith("MODEL_TASK_") ? name.substring("MODEL_TASK_".length()) : name;
		for (ModelTask task : values()) {
			if (task.name().equals(name)) {
				return task;
			}
		}
		return UNSPECIFIED;
	}

}
