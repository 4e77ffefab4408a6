package io.rime.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherClusterState;

/**
 * P6: one replica of a service with the watcher across replicas on, run in its own JVM by
 * {@link ClusterFailoverBenchmark}. It reports on standard output, one line each: {@code READY}
 * with its threads, {@code EVENT jobId redelivered millis} per finished event, and
 * {@code CYCLE millis epoch} per completed poll cycle while it leads.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ClusterReplica {

	/**
	 * Run the replica until its process ends.
	 * @param args Spring Boot arguments ({@code --key=value})
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClusterReplica.class)
			.web(WebApplicationType.NONE)
			.run(args);
		RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
		Map<String, Integer> threads = new TreeMap<>();
		Thread.getAllStackTraces().keySet().forEach((thread) -> threads.merge(group(thread.getName()), 1, Integer::sum));
		report("READY " + Thread.activeCount() + " " + threads);
		Instant last = null;
		while (context.isActive()) {
			Instant poll = watcher.state().lastSuccessfulPoll();
			RimeWatcherClusterState cluster = watcher.state().cluster();
			if (poll != null && !poll.equals(last) && cluster != null && cluster.epoch() != 0) {
				report("CYCLE " + poll.toEpochMilli() + " " + cluster.epoch());
				last = poll;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@EventListener
	void finished(RimeJobFinishedEvent event) {
		report("EVENT " + event.jobId() + " " + event.redelivered() + " " + System.currentTimeMillis());
	}

	private static String group(String name) {
		return name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
	}

	private static synchronized void report(String line) {
		System.out.println(line);
		System.out.flush();
	}

}
