package io.rime.emulator.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Archived job logs behind signed, expiring links, as real RIME serves them from object storage:
 * the link needs no API key, and only the emulator can make one.
 */
final class ArchivedLogs {

	static final Duration LINK_LIFETIME = Duration.ofDays(7);

	static final String PATH = "/archived-logs/";

	private final byte[] secret = new byte[32];

	private final EmulatorSettings settings;

	private final Supplier<URI> baseUrl;

	private Jobs jobs;

	ArchivedLogs(EmulatorSettings settings, Supplier<URI> baseUrl) {
		this.settings = settings;
		this.baseUrl = baseUrl;
		new SecureRandom().nextBytes(this.secret);
	}

	void setJobs(Jobs jobs) {
		this.jobs = jobs;
	}

	String signedUrl(String jobId, Instant expires) {
		long expiresSeconds = expires.getEpochSecond();
		return this.baseUrl.get() + PATH + jobId + "?expires=" + expiresSeconds + "&signature="
				+ sign(jobId, expiresSeconds);
	}

	/**
	 * Serves the log text of a failed job to a request with a valid, unexpired signature.
	 * @param jobId the job id from the path
	 * @param request the request with the signature
	 * @return the log text, or 403
	 */
	ApiResponse serve(String jobId, ApiRequest request) {
		String expires = request.queryParam("expires");
		String signature = request.queryParam("signature");
		long expiresSeconds;
		try {
			expiresSeconds = (expires != null) ? Long.parseLong(expires) : -1;
		}
		catch (NumberFormatException ex) {
			expiresSeconds = -1;
		}
		boolean valid = signature != null && MessageDigest.isEqual(
				sign(jobId, expiresSeconds).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
		if (!valid || this.settings.now().getEpochSecond() > expiresSeconds) {
			return ApiResponse.text(403, "Access denied: the link is invalid or has expired\n");
		}
		Job job = this.jobs.require(jobId);
		Job.State state = job.at(this.settings.now());
		StringBuilder log = new StringBuilder();
		log.append(Json.timestamp(job.created())).append(" INFO  job ").append(jobId).append(" requested\n");
		log.append(Json.timestamp(job.created())).append(" INFO  pulling the testing engine image\n");
		if (job.failure() != null) {
			log.append(Json.timestamp(state.completionTime())).append(" ERROR ").append(job.failure()).append('\n');
		}
		log.append(Json.timestamp(state.completionTime())).append(" INFO  job finished with status ")
			.append(state.status()).append('\n');
		return ApiResponse.text(200, log.toString());
	}

	private String sign(String jobId, long expiresSeconds) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			byte[] digest = mac.doFinal((jobId + "\n" + expiresSeconds).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
