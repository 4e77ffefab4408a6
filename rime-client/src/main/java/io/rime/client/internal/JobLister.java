package io.rime.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.rime.client.JobStatus;
import io.rime.client.RimeApiException;
import io.rime.client.RimeProject;

/**
 * Lists stress test jobs across all pages, of one project or, since RIME v1 has no
 * workspace-wide job list, of every project the key can see.
 */
final class JobLister {

	private final RimeApi api;

	private final PagedReads pagedReads;

	/**
	 * Create the lister.
	 * @param api the API
	 * @param pagedReads walks the pages
	 */
	public JobLister(RimeApi api, PagedReads pagedReads) {
		this.api = api;
		this.pagedReads = pagedReads;
	}

	/**
	 * List jobs.
	 * @param statuses the statuses to select, empty for all
	 * @param projectId the project, or {@code null} for all projects
	 * @param withProgress whether the jobs must carry their progress (RIME's FULL view, a bigger answer)
	 * @return the jobs, in no particular order
	 */
	public List<Wire.Job> list(Collection<JobStatus> statuses, @Nullable String projectId, boolean withProgress) {
		Set<JobStatus> wanted = statuses.isEmpty() ? EnumSet.allOf(JobStatus.class) : EnumSet.copyOf(statuses);
		// Servers cannot filter for statuses they have but this SDK does not know: filter here then.
		List<String> wireStatuses = new ArrayList<>();
		if (!wanted.contains(JobStatus.UNKNOWN_JOB_STATUS)) {
			wanted.forEach((status) -> wireStatuses.addAll(WireMapper.wireStatuses(status)));
		}
		long deadline = this.pagedReads.deadline();
		Collection<String> projectIds = (projectId != null) ? List.of(projectId) : allProjectIds(deadline);
		List<Wire.Job> jobs = new ArrayList<>();
		for (String id : projectIds) {
			PagedReads.Cursor<Wire.ListJobsResponse> pages = this.pagedReads.open("list_jobs", deadline,
					(token) -> this.api.listJobs(id, wireStatuses, token, withProgress));
			for (Wire.ListJobsResponse page = firstPage(pages, projectId == null); page != null; page = pages.next()) {
				if (page.jobs() != null) {
					page.jobs().stream()
						.filter((job) -> job != null && HttpCall.isAddressable(job.jobId()))
						.filter((job) -> wanted.contains(WireMapper.status(job.status())))
						.forEach(jobs::add);
				}
			}
		}
		return jobs;
	}

	/**
	 * List every project the key can see.
	 * @return the projects, in the server's order
	 */
	public List<RimeProject> projects() {
		return projects(this.pagedReads.deadline());
	}

	private List<RimeProject> projects(long deadline) {
		Map<String, RimeProject> projects = new LinkedHashMap<>();
		this.pagedReads.forEach("list_projects", deadline, (token) -> this.api.listProjects("list_projects", token), (page) -> {
			if (page.projects() != null) {
				for (Wire.ProjectWithDetails details : page.projects()) {
					Wire.Project project = (details != null) ? details.project() : null;
					if (project != null && project.id() != null && project.id().uuid() != null) {
						projects.putIfAbsent(project.id().uuid(), WireMapper.project(project, project.id().uuid()));
					}
				}
			}
		});
		return List.copyOf(projects.values());
	}

	// A project deleted since the walk listed it has no jobs to show. A later page that is gone is
	// another matter: skipping it would drop jobs from the answer unseen.
	private static Wire.@Nullable ListJobsResponse firstPage(PagedReads.Cursor<Wire.ListJobsResponse> pages,
			boolean mayBeGone) {
		try {
			return pages.next();
		}
		catch (RimeApiException ex) {
			if (mayBeGone && ex.getHttpStatus() == 404) {
				return null;
			}
			throw ex;
		}
	}

	// A project whose id is a dot segment cannot be asked for its jobs; RIME's ids are UUIDs.
	private Collection<String> allProjectIds(long deadline) {
		return projects(deadline).stream().map(RimeProject::projectId).filter(HttpCall::isAddressable).toList();
	}

}
