package io.rime.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.rime.client.internal.Checks;

/**
 * A stress test configuration with types instead of a map: RIME v1's {@code testRunConfig} on registered
 * datasets and a registered model. Immutable; build one with {@link #builder()}, change a copy with
 * {@link #toBuilder()}. {@code startStressTest} sends exactly what the equivalent v1 or {@code rime_sdk}
 * 2.x map would.
 */
public final class TestRunConfig {

	private final String runName;

	private final String modelId;

	private final @Nullable String referenceDatasetId;

	private final String evaluationDatasetId;

	private final List<TestCategory> categories;

	private final @Nullable CustomImage customImage;

	private final @Nullable String managedImageName;

	private final @Nullable Long ramRequestMegabytes;

	private final @Nullable Long cpuRequestMillicores;

	private final @Nullable Long randomSeed;

	private final @Nullable Boolean explicitErrors;

	private TestRunConfig(Builder builder) {
		this.runName = builder.runName;
		this.modelId = builder.modelId;
		this.referenceDatasetId = builder.referenceDatasetId;
		this.evaluationDatasetId = builder.evaluationDatasetId;
		this.categories = List.copyOf(builder.categories);
		this.customImage = builder.customImage;
		this.managedImageName = builder.managedImageName;
		this.ramRequestMegabytes = builder.ramRequestMegabytes;
		this.cpuRequestMillicores = builder.cpuRequestMillicores;
		this.randomSeed = builder.randomSeed;
		this.explicitErrors = builder.explicitErrors;
	}

	/**
	 * Start building a configuration.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder holding this configuration's values.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Return the name of the test run.
	 * @return the run name
	 */
	public String runName() {
		return this.runName;
	}

	/**
	 * Return the id of the registered model.
	 * @return the model id
	 */
	public String modelId() {
		return this.modelId;
	}

	/**
	 * Return the id of the registered reference dataset.
	 * @return the id, or {@code null} for none
	 */
	public @Nullable String referenceDatasetId() {
		return this.referenceDatasetId;
	}

	/**
	 * Return the id of the registered evaluation dataset.
	 * @return the id
	 */
	public String evaluationDatasetId() {
		return this.evaluationDatasetId;
	}

	/**
	 * Return the test categories to run.
	 * @return the categories, empty for RIME's default
	 */
	public List<TestCategory> categories() {
		return this.categories;
	}

	/**
	 * Return the image to run on.
	 * @return the image, or {@code null}
	 */
	public @Nullable CustomImage customImage() {
		return this.customImage;
	}

	/**
	 * Return the name of the RIME-managed image to run on.
	 * @return the name, or {@code null}
	 */
	public @Nullable String managedImageName() {
		return this.managedImageName;
	}

	/**
	 * Return the memory to request, in megabytes.
	 * @return the request, or {@code null} for the cluster's default
	 */
	public @Nullable Long ramRequestMegabytes() {
		return this.ramRequestMegabytes;
	}

	/**
	 * Return the CPU to request, in millicores.
	 * @return the request, or {@code null} for the cluster's default
	 */
	public @Nullable Long cpuRequestMillicores() {
		return this.cpuRequestMillicores;
	}

	/**
	 * Return the random seed.
	 * @return the seed, or {@code null} for none
	 */
	public @Nullable Long randomSeed() {
		return this.randomSeed;
	}

	/**
	 * Return whether RIME reports errors it would otherwise silence.
	 * @return the flag, or {@code null} for RIME's default (false)
	 */
	public @Nullable Boolean explicitErrors() {
		return this.explicitErrors;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof TestRunConfig config && toString().equals(config.toString());
	}

	@Override
	public int hashCode() {
		return toString().hashCode();
	}

	@Override
	public String toString() {
		return "TestRunConfig[runName=" + this.runName + ", modelId=" + this.modelId + ", referenceDatasetId="
				+ this.referenceDatasetId + ", evaluationDatasetId=" + this.evaluationDatasetId + ", categories="
				+ this.categories + ", customImage=" + this.customImage + ", managedImageName=" + this.managedImageName
				+ ", ramRequestMegabytes=" + this.ramRequestMegabytes + ", cpuRequestMillicores="
				+ this.cpuRequestMillicores + ", randomSeed=" + this.randomSeed + ", explicitErrors="
				+ this.explicitErrors + "]";
	}

	/**
	 * Builds a {@link TestRunConfig}; {@link #build()} checks that the required values are set.
	 */
	public static final class Builder {

		private @Nullable String runName;

		private @Nullable String modelId;

		private @Nullable String referenceDatasetId;

		private @Nullable String evaluationDatasetId;

		private final Set<TestCategory> categories = new LinkedHashSet<>();

		private @Nullable CustomImage customImage;

		private @Nullable String managedImageName;

		private @Nullable Long ramRequestMegabytes;

		private @Nullable Long cpuRequestMillicores;

		private @Nullable Long randomSeed;

		private @Nullable Boolean explicitErrors;

		private Builder() {
		}

		private Builder(TestRunConfig config) {
			this.runName = config.runName;
			this.modelId = config.modelId;
			this.referenceDatasetId = config.referenceDatasetId;
			this.evaluationDatasetId = config.evaluationDatasetId;
			this.categories.addAll(config.categories);
			this.customImage = config.customImage;
			this.managedImageName = config.managedImageName;
			this.ramRequestMegabytes = config.ramRequestMegabytes;
			this.cpuRequestMillicores = config.cpuRequestMillicores;
			this.randomSeed = config.randomSeed;
			this.explicitErrors = config.explicitErrors;
		}

		/**
		 * Set the name of the test run (required).
		 * @param runName the name
		 * @return this builder
		 */
		public Builder runName(String runName) {
			this.runName = text(runName, "runName");
			return this;
		}

		/**
		 * Set the registered model to test (required).
		 * @param modelId the model id, as {@code registerModel} returns it
		 * @return this builder
		 */
		public Builder modelId(String modelId) {
			this.modelId = text(modelId, "modelId");
			return this;
		}

		/**
		 * Set the registered reference dataset.
		 * @param referenceDatasetId the dataset id, or {@code null} for none
		 * @return this builder
		 */
		public Builder referenceDatasetId(@Nullable String referenceDatasetId) {
			this.referenceDatasetId = (referenceDatasetId != null) ? text(referenceDatasetId, "referenceDatasetId")
					: null;
			return this;
		}

		/**
		 * Set the registered evaluation dataset (required).
		 * @param evaluationDatasetId the dataset id
		 * @return this builder
		 */
		public Builder evaluationDatasetId(String evaluationDatasetId) {
			this.evaluationDatasetId = text(evaluationDatasetId, "evaluationDatasetId");
			return this;
		}

		/**
		 * Set the test categories to run, replacing earlier ones; none for RIME's default.
		 * @param categories the categories
		 * @return this builder
		 */
		public Builder categories(TestCategory... categories) {
			return categories(Arrays.asList(categories));
		}

		/**
		 * Set the test categories to run, replacing earlier ones; none for RIME's default.
		 * @param categories the categories
		 * @return this builder
		 */
		public Builder categories(List<TestCategory> categories) {
			List<TestCategory> checked = new ArrayList<>();
			for (int i = 0; i < categories.size(); i++) {
				TestCategory category = categories.get(i);
				if (category == null || category == TestCategory.UNSPECIFIED) {
					throw new IllegalArgumentException("categories[" + i + "] is " + category
							+ "; expected a test category such as DRIFT");
				}
				checked.add(category);
			}
			this.categories.clear();
			this.categories.addAll(checked);
			return this;
		}

		/**
		 * Set the image to run on; clears a managed image.
		 * @param customImage the image, or {@code null} for the cluster's default
		 * @return this builder
		 */
		public Builder customImage(@Nullable CustomImage customImage) {
			this.customImage = customImage;
			if (customImage != null) {
				this.managedImageName = null;
			}
			return this;
		}

		/**
		 * Set the RIME-managed image to run on; clears a custom image.
		 * @param managedImageName the image name, or {@code null} for the cluster's default
		 * @return this builder
		 */
		public Builder managedImageName(@Nullable String managedImageName) {
			this.managedImageName = (managedImageName != null) ? text(managedImageName, "managedImageName") : null;
			if (managedImageName != null) {
				this.customImage = null;
			}
			return this;
		}

		/**
		 * Set the resources to request for the test's container.
		 * @param ramRequestMegabytes memory in megabytes, more than zero
		 * @param cpuRequestMillicores CPU in millicores, more than zero
		 * @return this builder
		 */
		public Builder resources(long ramRequestMegabytes, long cpuRequestMillicores) {
			this.ramRequestMegabytes = positive(ramRequestMegabytes, "ramRequestMegabytes");
			this.cpuRequestMillicores = positive(cpuRequestMillicores, "cpuRequestMillicores");
			return this;
		}

		/**
		 * Set the random seed, for repeatable results.
		 * @param randomSeed the seed
		 * @return this builder
		 */
		public Builder randomSeed(long randomSeed) {
			this.randomSeed = randomSeed;
			return this;
		}

		/**
		 * Set whether RIME reports errors it would otherwise silence.
		 * @param explicitErrors the flag
		 * @return this builder
		 */
		public Builder explicitErrors(boolean explicitErrors) {
			this.explicitErrors = explicitErrors;
			return this;
		}

		/**
		 * Build the configuration.
		 * @return the configuration
		 * @throws IllegalArgumentException naming a required value that is missing
		 */
		public TestRunConfig build() {
			if (this.runName == null) {
				throw new IllegalArgumentException("runName is not set; expected a name for the test run");
			}
			if (this.modelId == null) {
				throw new IllegalArgumentException("modelId is not set; expected the id of a registered model");
			}
			if (this.evaluationDatasetId == null) {
				throw new IllegalArgumentException(
						"evaluationDatasetId is not set; expected the id of a registered evaluation dataset");
			}
			return new TestRunConfig(this);
		}

		private static String text(@Nullable String value, String name) {
			return Checks.text(value, name);
		}

		private static long positive(long value, String name) {
			if (value <= 0) {
				throw new IllegalArgumentException(name + " is " + value + "; expected more than zero");
			}
			return value;
		}

	}

}
