package io.rime.client;

/**
 * A RIME project, under which stress test runs are filed.
 *
 * @param projectId the id to pass to {@link RimeClient#startStressTest(java.util.Map, String)}
 * and {@link RimeClient#listStressTestJobs(java.util.Collection, String)}
 * @param name the project name
 * @param description the project description, empty when it has none
 */
public record RimeProject(String projectId, String name, String description) {
}
