package io.rime.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;

/**
 * P6: the watcher across replicas with three JVMs and real {@code SIGKILL}s. Starts a PostgreSQL
 * (embedded binaries, no Docker) and an emulator on a real clock, three replica JVMs
 * ({@link ClusterReplica}) of one service, then starts 300 jobs over a minute while killing the
 * leader's JVM three times (each replaced by a new replica). Counts duplicate, lost and
 * redelivered announcements, the failover time from the kill to the first completed cycle of the
 * next leader, the delay from a job's end to its event, RIME list requests per leader cycle,
 * PostgreSQL transactions per second with the cluster idle, PostgreSQL ERROR log lines and the
 * threads of a replica. Writes {@code p6-cluster.json}.
 */
public final class ClusterFailoverBenchmark {

	private static final String GROUP = "p6";

	private static final Duration PENDING = Duration.ofSeconds(2);

	private static final Duration RUNNING = Duration.ofSeconds(3);

	private final Map<String, Process> replicas = new ConcurrentHashMap<>();

	private final Map<String, List<long[]>> events = new ConcurrentHashMap<>();

	private final List<String> redelivered = new CopyOnWriteArrayList<>();

	private final List<long[]> cycles = new CopyOnWriteArrayList<>();

	private final Map<String, String> ready = new ConcurrentHashMap<>();

	private ClusterFailoverBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args optionally the number of jobs (default 300) and of kills (default 3)
	 */
	public static void main(String[] args) throws Exception {
		int jobs = (args.length > 0) ? Integer.parseInt(args[0]) : 300;
		int kills = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		new ClusterFailoverBenchmark().run(jobs, kills);
	}

	private void run(int jobCount, int killCount) throws Exception {
		Path pgLog = Files.createTempFile("p6-postgres", ".log");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(pgLog.toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(pgLog.toFile()))
			.start();
				RimeEmulator emulator = RimeEmulator.builder()
					.apiKey(BenchSupport.API_KEY)
					.pendingDuration(PENDING)
					.runningDuration(RUNNING)
					.validationDuration(Duration.ofMillis(1))
					.build()
					.start();
				RimeClient client = RimeClient.builder().address(emulator.baseUrl()).apiKey(emulator.apiKey()).build()) {
			new ResourceDatabasePopulator(new ClassPathResource("io/rime/watch/cluster/schema-postgresql.sql"))
				.execute(postgres.getPostgresDatabase());
			JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
			String projectId = emulator.defaultProjectId();
			Map<String, Object> config = emulator.seed().testRunConfig(projectId);
			List<String> common = List.of("--spring.application.name=" + GROUP,
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres") + "&socketTimeout=3",
					"--spring.datasource.hikari.maximum-pool-size=4", "--rime.address=" + emulator.baseUrl(),
					"--rime.api-key=" + emulator.apiKey(), "--rime.watcher.enabled=true",
					"--rime.watcher.poll-interval=1s", "--rime.watcher.project-ids=" + projectId,
					"--rime.watcher.cluster.enabled=true", "--rime.watcher.cluster.lock-ttl=1s",
					"--rime.watcher.cluster.acquire-interval=200ms", "--rime.watcher.cluster.in-doubt-after=2s",
					"--rime.watcher.cluster.jdbc.initialize-schema=never", "--spring.main.banner-mode=off",
					"--logging.level.root=WARN", "--management.endpoints.enabled-by-default=false");
			int next = 1;
			for (; next <= 3; next++) {
				startReplica("r" + next, common);
			}
			awaitUntil(Duration.ofSeconds(120), () -> this.ready.size() >= 3 && leader(jdbc) != null);

			long runStart = System.currentTimeMillis();
			Map<String, Long> endsAt = new LinkedHashMap<>();
			List<long[]> kills = new ArrayList<>();
			long interval = Duration.ofMinutes(1).toMillis() / jobCount;
			int killEvery = jobCount / (killCount + 1);
			int requestsBefore = listRequests(emulator);
			for (int i = 0; i < jobCount; i++) {
				String jobId = client.startStressTest(config, projectId).jobId();
				endsAt.put(jobId, System.currentTimeMillis() + PENDING.plus(RUNNING).toMillis());
				if (i > 0 && i % killEvery == 0 && kills.size() < killCount) {
					String leader = leader(jdbc);
					long epoch = epoch(jdbc);
					Process process = this.replicas.remove(leader);
					long killedAt = System.currentTimeMillis();
					process.destroyForcibly();
					System.out.printf("P6 SIGKILL leader %s (epoch %d) after %d jobs%n", leader, epoch, i);
					kills.add(new long[] { killedAt, epoch });
					startReplica("r" + next++, common);
				}
				Thread.sleep(interval);
			}
			awaitUntil(Duration.ofSeconds(90), () -> this.events.keySet().containsAll(endsAt.keySet()));
			int listRequests = listRequests(emulator) - requestsBefore;
			long leaderCycles = this.cycles.stream().filter((cycle) -> cycle[0] >= runStart).count();

			// Idle cluster: one leader and two followers, no job moving.
			long xactBefore = transactions(jdbc);
			long idleStart = System.nanoTime();
			Thread.sleep(10_000);
			double transactionsPerSecond = (transactions(jdbc) - xactBefore)
					/ (Duration.ofNanos(System.nanoTime() - idleStart).toMillis() / 1000.0);

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("jobs", jobCount);
			result.put("sigkills", kills.size());
			result.put("duplicates", endsAt.keySet().stream().filter((id) -> this.events.get(id).size() > 1)
				.filter((id) -> !this.redelivered.contains(id)).count());
			result.put("lost", endsAt.keySet().stream().filter((id) -> !this.events.containsKey(id)).count());
			result.put("redelivered", this.redelivered.size());
			List<Double> failovers = new ArrayList<>();
			for (long[] kill : kills) {
				this.cycles.stream()
					.filter((cycle) -> cycle[1] > kill[1] && cycle[0] >= kill[0])
					.mapToLong((cycle) -> cycle[0])
					.min()
					.ifPresent((first) -> failovers.add((double) (first - kill[0])));
			}
			double[] failover = failovers.stream().mapToDouble(Double::doubleValue).toArray();
			result.put("failoverMillisP50", BenchSupport.median(failover));
			result.put("failoverMillisMax", failovers.stream().mapToDouble(Double::doubleValue).max().orElse(0));
			result.put("failoverGoalMillis", 2000);
			List<Double> steady = new ArrayList<>();
			List<Double> inGap = new ArrayList<>();
			for (Map.Entry<String, Long> job : endsAt.entrySet()) {
				List<long[]> delivered = this.events.get(job.getKey());
				if (delivered == null) {
					continue;
				}
				double delay = delivered.get(0)[0] - job.getValue();
				boolean gap = kills.stream().anyMatch((kill) -> job.getValue() >= kill[0]
						&& job.getValue() <= kill[0] + (long) (failovers.isEmpty() ? 0 : failovers.get(0)) + 1000);
				(gap ? inGap : steady).add(delay);
			}
			result.put("finishToEventMillisP50Steady", BenchSupport.median(steady.stream().mapToDouble(Double::doubleValue).toArray()));
			result.put("finishToEventMillisMaxSteady", steady.stream().mapToDouble(Double::doubleValue).max().orElse(0));
			result.put("finishToEventMillisP50InGap", BenchSupport.median(inGap.stream().mapToDouble(Double::doubleValue).toArray()));
			result.put("finishToEventMillisMaxInGap", inGap.stream().mapToDouble(Double::doubleValue).max().orElse(0));
			result.put("jobsEndingInGap", inGap.size());
			result.put("listRequestsPerLeaderCycle", (double) listRequests / Math.max(1, leaderCycles));
			result.put("listRequestsPerCycleOneInstance", 1.0);
			result.put("postgresTransactionsPerSecondIdleCluster", transactionsPerSecond);
			result.put("postgresErrorLogLines", Files.readAllLines(pgLog).stream().filter((line) -> line.contains("ERROR:")).count());
			result.put("replicaThreads", this.ready);
			System.out.println("P6 " + result);
			BenchSupport.writeResult("p6-cluster", result);
		}
		finally {
			this.replicas.values().forEach(Process::destroy);
			for (Process process : this.replicas.values()) {
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	private void startReplica(String name, List<String> common) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), ClusterReplica.class.getName(),
				"--rime.watcher.cluster.instance-id=" + name));
		command.addAll(common);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		this.replicas.put(name, process);
		Thread reader = new Thread(() -> read(name, process), "p6-" + name);
		reader.setDaemon(true);
		reader.start();
	}

	private void read(String name, Process process) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				String[] parts = line.split(" ", 3);
				if (line.startsWith("EVENT ")) {
					String[] event = line.split(" ");
					this.events.computeIfAbsent(event[1], (id) -> new CopyOnWriteArrayList<>())
						.add(new long[] { Long.parseLong(event[3]) });
					if (Boolean.parseBoolean(event[2])) {
						this.redelivered.add(event[1]);
					}
				}
				else if (line.startsWith("CYCLE ")) {
					String[] cycle = line.split(" ");
					this.cycles.add(new long[] { Long.parseLong(cycle[1]), Long.parseLong(cycle[2]) });
				}
				else if (line.startsWith("READY ")) {
					this.ready.put(name, parts[1] + " " + parts[2]);
				}
			}
		}
		catch (IOException ex) {
			// The replica was killed.
		}
	}

	private static String leader(JdbcTemplate jdbc) {
		List<String> owners = jdbc.queryForList("SELECT OWNER_ID FROM RIME_WATCHER_LEADER WHERE GROUP_ID = ?",
				String.class, GROUP);
		return owners.isEmpty() ? null : owners.get(0);
	}

	private static long epoch(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT EPOCH FROM RIME_WATCHER_LEADER WHERE GROUP_ID = ?", Long.class, GROUP);
	}

	private static long transactions(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'",
				Long.class);
	}

	private static int listRequests(RimeEmulator emulator) {
		return (int) emulator.requests().stream().filter((request) -> request.target().startsWith("/v1/jobs/project/")).count();
	}

	private static void awaitUntil(Duration timeout, java.util.function.BooleanSupplier condition)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Timed out after " + timeout);
			}
			Thread.sleep(100);
		}
	}

}
