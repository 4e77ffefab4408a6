package io.rime.emulator.internal.checks;

/**
 * A model-dependent test batch that a computed run lists with every case skipped.
 *
 * @param type the test type
 * @param name the display name
 * @param category the test category
 * @param perFeature whether it has one case per feature, or one for the whole model
 */
public record SkippedBatch(String type, String name, String category, boolean perFeature) {
}
