package io.rime.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a RIME server says about itself; a cheap, authenticated call, suitable for health checks.
 *
 * @param version the control-plane version, {@code null} if the server did not say
 * @param buildVersion the annotated version including the build timestamp, or {@code null}
 * @param customerName the license owner, or {@code null}
 * @param plan the RIME plan as sent by the server, for example {@code RI_PLAN_DEFAULT}
 * ({@code RI_PLAN_UNSPECIFIED} when absent)
 * @param licenseExpiry when the license expires, or {@code null}
 * @param gracePeriodEnd when the grace period after expiry ends, or {@code null}
 */
public record RimeInfo(@Nullable String version, @Nullable String buildVersion, @Nullable String customerName,
		String plan, @Nullable Instant licenseExpiry, @Nullable Instant gracePeriodEnd) {
}
