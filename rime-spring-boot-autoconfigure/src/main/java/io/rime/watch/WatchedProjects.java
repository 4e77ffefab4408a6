package io.rime.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.rime.client.JobMetadata;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;

/**
 * The projects a {@link JobTracker} lists in a cycle, and the one list call per project: the
 * configured projects, or every project the key can see (read again only after the refresh
 * interval), plus the projects of the jobs being watched. Used by the watcher's thread only.
 */
class WatchedProjects {

	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private final RimeClient client;

	private final RimeWatcherSettings settings;

	private final Clock clock;

	private final Set<String> unknownProjects = new HashSet<>();

	private @Nullable List<String> visibleProjects;

	private @Nullable Instant visibleProjectsReadAt;

	WatchedProjects(RimeClient client, RimeWatcherSettings settings, Clock clock) {
		this.client = client;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The projects to list in this cycle.
	 * @param checkpoint run before a call to RIME
	 * @param projectsOfWatchedJobs the projects of the jobs being watched, always listed
	 * @return the project ids, each once
	 */
	Collection<String> toList(Runnable checkpoint, Collection<String> projectsOfWatchedJobs) {
		Set<String> projectIds = new LinkedHashSet<>(this.settings.projectIds());
		if (projectIds.isEmpty()) {
			projectIds.addAll(visibleProjects(checkpoint));
		}
		projectIds.addAll(projectsOfWatchedJobs);
		return projectIds;
	}

	private List<String> visibleProjects(Runnable checkpoint) {
		Instant now = this.clock.instant();
		List<String> visible = this.visibleProjects;
		Instant readAt = this.visibleProjectsReadAt;
		if (visible == null || readAt == null || !now.isBefore(readAt.plus(this.settings.projectRefreshInterval()))) {
			checkpoint.run();
			visible = this.client.listProjects().stream().map((project) -> project.projectId()).toList();
			this.visibleProjects = visible;
			this.visibleProjectsReadAt = now;
		}
		return visible;
	}

	/**
	 * The active jobs of a project: one paged list call.
	 * @param projectId the project
	 * @return its active jobs; none when RIME does not know the project
	 */
	List<JobMetadata> activeJobs(String projectId) {
		try {
			List<JobMetadata> active = this.client.listStressTestJobStatuses(RimeJobWatcher.ACTIVE_STATUSES, projectId);
			this.unknownProjects.remove(projectId);
			return active;
		}
		catch (RimeApiException ex) {
			if (ex.getHttpStatus() == 404) {
				// The project is gone; its watched jobs are read one by one and end as unknown.
				if (this.unknownProjects.add(projectId)) {
					logger.warn("RIME job watcher: RIME does not know project '" + projectId
							+ "' (HTTP 404); it has no jobs to watch. Check 'rime.watcher.project-ids'.");
				}
				return List.of();
			}
			throw ex;
		}
	}

}
