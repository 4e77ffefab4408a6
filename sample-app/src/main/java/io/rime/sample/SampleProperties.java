package io.rime.sample;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample application, bound from {@code rime.sample.*}.
 */
@ConfigurationProperties("rime.sample")
public class SampleProperties {

	/**
	 * Whether to run the Titanic stress test when the application has started.
	 */
	private boolean runOnStartup = true;

	/**
	 * Whether to run the start-up stress test as a batch job: no web server is started, and the
	 * application exits once the test has finished, with 0 when it succeeded and its results
	 * were written, 1 when it failed or was cancelled, 2 when it could not be started or did not
	 * finish within the timeout.
	 */
	private boolean exitWhenDone;

	/**
	 * Longest time the application waits for the start-up stress test when exit-when-done is set.
	 */
	private Duration timeout = Duration.ofMinutes(30);

	/**
	 * Name of the project the stress tests are filed under; it is created when no project of
	 * that name exists.
	 */
	private String projectName = "titanic-sample";

	/**
	 * Name of the start-up stress test run.
	 */
	private String runName = "titanic";

	/**
	 * Column of the datasets that holds the label.
	 */
	private String labelCol = "Survived";

	/**
	 * Path of the reference dataset. When not set, a part of the bundled Titanic CSV is copied to
	 * a temporary folder and used; set it (an s3:// URI, for example) for a real RIME.
	 */
	private @Nullable String refPath;

	/**
	 * Path of the evaluation dataset. When not set, a part of the bundled Titanic CSV is copied to
	 * a temporary folder and used.
	 */
	private @Nullable String evalPath;

	/**
	 * Path of the model. When not set, the bundled stand-in model is copied to a temporary folder
	 * and used.
	 */
	private @Nullable String modelPath;

	/**
	 * Docker image to run the stress tests on instead of the cluster's default image, such as
	 * registry.example.com/rime-titanic:1.0. The embedded emulator fails any image whose name
	 * contains 'does-not-exist', to show a failed job.
	 */
	private @Nullable String customImage;

	/**
	 * Kubernetes pull secret on the RIME cluster to pull the custom image with.
	 */
	private @Nullable String customImagePullSecret;

	/**
	 * Folder the result CSVs of finished stress tests are written to, one file per job.
	 */
	private Path resultsDir = Path.of("rime-results");

	/**
	 * How often the progress of the start-up stress test is read and logged.
	 */
	private Duration progressInterval = Duration.ofSeconds(1);

	public boolean isRunOnStartup() {
		return this.runOnStartup;
	}

	public void setRunOnStartup(boolean runOnStartup) {
		this.runOnStartup = runOnStartup;
	}

	public boolean isExitWhenDone() {
		return this.exitWhenDone;
	}

	public void setExitWhenDone(boolean exitWhenDone) {
		this.exitWhenDone = exitWhenDone;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public String getProjectName() {
		return this.projectName;
	}

	public void setProjectName(String projectName) {
		this.projectName = projectName;
	}

	public String getRunName() {
		return this.runName;
	}

	public void setRunName(String runName) {
		this.runName = runName;
	}

	public String getLabelCol() {
		return this.labelCol;
	}

	public void setLabelCol(String labelCol) {
		this.labelCol = labelCol;
	}

	public @Nullable String getRefPath() {
		return this.refPath;
	}

	public void setRefPath(@Nullable String refPath) {
		this.refPath = refPath;
	}

	public @Nullable String getEvalPath() {
		return this.evalPath;
	}

	public void setEvalPath(@Nullable String evalPath) {
		this.evalPath = evalPath;
	}

	public @Nullable String getModelPath() {
		return this.modelPath;
	}

	public void setModelPath(@Nullable String modelPath) {
		this.modelPath = modelPath;
	}

	public @Nullable String getCustomImage() {
		return this.customImage;
	}

	public void setCustomImage(@Nullable String customImage) {
		this.customImage = customImage;
	}

	public @Nullable String getCustomImagePullSecret() {
		return this.customImagePullSecret;
	}

	public void setCustomImagePullSecret(@Nullable String customImagePullSecret) {
		this.customImagePullSecret = customImagePullSecret;
	}

	public Path getResultsDir() {
		return this.resultsDir;
	}

	public void setResultsDir(Path resultsDir) {
		this.resultsDir = resultsDir;
	}

	public Duration getProgressInterval() {
		return this.progressInterval;
	}

	public void setProgressInterval(Duration progressInterval) {
		this.progressInterval = progressInterval;
	}

}
