package io.rime.watch.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;
import io.rime.reliability.SwitchableFront;
import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherClusterState;
import io.rime.watch.WatcherTestSupport.RecordedEvents;

/**
 * One replica of a service in a cluster test: an application context with the watcher across
 * replicas on, reaching RIME and PostgreSQL each through a front the test can cut. It records the
 * watcher's events and counts the calls its client makes to RIME.
 */
final class ClusterNode implements AutoCloseable {

	final String name;

	final SwitchableFront rime;

	final SwitchableFront database;

	final RecordedEvents events = new RecordedEvents();

	final AtomicInteger rimeCalls = new AtomicInteger();

	final BlockingListener blocker = new BlockingListener();

	private final RimeEmulator emulator;

	private final List<String> properties;

	private ConfigurableApplicationContext context;

	ClusterNode(String name, RimeEmulator emulator, String group, String... more) {
		this.name = name;
		this.emulator = emulator;
		this.rime = new SwitchableFront(emulator.baseUrl());
		this.database = new SwitchableFront(URI.create("http://127.0.0.1:" + ClusterDatabases.postgres().getPort()));
		this.properties = new ArrayList<>(List.of("spring.application.name=" + group,
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:" + this.database.address().getPort()
						+ "/postgres?connectTimeout=1&socketTimeout=3",
				"spring.datasource.username=postgres", "spring.datasource.hikari.connection-timeout=500",
				"spring.datasource.hikari.validation-timeout=250", "spring.datasource.hikari.maximum-pool-size=4",
				"spring.datasource.hikari.initialization-fail-timeout=-1", "rime.address=" + this.rime.address(),
				"rime.api-key=" + emulator.apiKey(), "rime.default-project-id=" + emulator.defaultProjectId(),
				"rime.retry.enabled=false", "rime.watcher.enabled=true", "rime.watcher.poll-interval=1s",
				"rime.watcher.project-ids=" + emulator.defaultProjectId(), "rime.watcher.shutdown-timeout=2s",
				"rime.watcher.cluster.enabled=true", "rime.watcher.cluster.instance-id=" + name,
				"rime.watcher.cluster.lock-ttl=1s", "rime.watcher.cluster.heartbeat=200ms",
				"rime.watcher.cluster.lease-margin=200ms", "rime.watcher.cluster.acquire-interval=100ms",
				"rime.watcher.cluster.in-doubt-after=1s", "rime.watcher.cluster.jdbc.initialize-schema=never",
				"logging.level.io.rime=WARN", "logging.level.org.springframework.integration=ERROR",
				"logging.level.com.zaxxer=ERROR", "spring.main.banner-mode=off"));
		this.properties.addAll(List.of(more));
	}

	ClusterNode start() {
		this.context = new SpringApplicationBuilder(NodeApplication.class).web(WebApplicationType.NONE)
			.properties(this.properties.toArray(String[]::new))
			.listeners(this.events, this.blocker)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("rimeCallCounter", new CallCounter(this.rimeCalls)))
			.logStartupInfo(false)
			.run();
		return this;
	}

	RimeClient client() {
		return this.context.getBean(RimeClient.class);
	}

	RimeJobWatcher watcher() {
		return this.context.getBean(RimeJobWatcher.class);
	}

	RimeWatcherClusterState cluster() {
		return watcher().state().cluster();
	}

	boolean leads() {
		return this.context != null && this.context.isActive() && cluster().leader();
	}

	boolean running() {
		return this.context != null && this.context.isActive();
	}

	/** Cuts the node from RIME and the database for good, as when its machine is gone. */
	void crash() {
		this.rime.down();
		this.database.down();
	}

	/** Stops the application gracefully, as on SIGTERM. */
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Override
	public void close() {
		this.blocker.release.countDown();
		stop();
		this.rime.close();
		this.database.close();
	}

	@Override
	public String toString() {
		return this.name;
	}

	static Duration since(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos);
	}

	/** A listener that blocks on the finished event of one job until released, as a slow listener does. */
	static final class BlockingListener implements ApplicationListener<RimeJobFinishedEvent> {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		private volatile String jobId;

		void blockOn(String jobId) {
			this.jobId = jobId;
		}

		@Override
		public void onApplicationEvent(RimeJobFinishedEvent event) {
			if (event.jobId().equals(this.jobId)) {
				this.entered.countDown();
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RimeAutoConfiguration.class,
			RimeWatcherAutoConfiguration.class })
	static class NodeApplication {

		@Bean
		ObservationRegistry observationRegistry(CallCounter rimeCallCounter) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(rimeCallCounter);
			return registry;
		}

	}

	/** Counts the client's calls to RIME: its operations' observations. */
	record CallCounter(AtomicInteger calls) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			if ("rime.client.operation".equals(context.getName())) {
				this.calls.incrementAndGet();
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
