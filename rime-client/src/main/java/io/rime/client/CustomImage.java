package io.rime.client;

import org.jspecify.annotations.Nullable;

/**
 * A Docker image to run a stress test on instead of the cluster's default image.
 *
 * @param name the full image reference, for example {@code company/testing-engine:latest}
 * @param pullSecret the Kubernetes pull secret to pull it with, or {@code null} for none
 */
public record CustomImage(String name, @Nullable PullSecret pullSecret) {

	/**
	 * Validate the image.
	 * @throws IllegalArgumentException if the name is null or blank
	 */
	public CustomImage {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException(
					"CustomImage name is '" + name + "'; expected an image reference such as 'registry/repo:tag'");
		}
	}

	/**
	 * Create an image pulled without a pull secret.
	 * @param name the full image reference
	 */
	public CustomImage(String name) {
		this(name, null);
	}

	/**
	 * The name of a Kubernetes pull secret that already exists on the RIME cluster (not the
	 * credential itself).
	 *
	 * @param name the secret name
	 */
	public record PullSecret(String name) {

		/**
		 * Validate the secret.
		 * @throws IllegalArgumentException if the name is null or blank
		 */
		public PullSecret {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException(
						"PullSecret name is '" + name + "'; expected the name of a pull secret on the cluster");
			}
		}

	}

}
