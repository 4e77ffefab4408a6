package io.rime.client.results;

/**
 * Test batch counts by severity, as RIME counts them for a test run.
 *
 * @param none batches with nothing to report
 * @param low batches with a low severity (warnings)
 * @param high batches with a high severity (alerts)
 */
public record SeverityCounts(long none, long low, long high) {
}
