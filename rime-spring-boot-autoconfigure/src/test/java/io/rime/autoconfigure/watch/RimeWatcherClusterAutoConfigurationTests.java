package io.rime.autoconfigure.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import io.rime.autoconfigure.InvalidRimeConfigurationException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.endpoint.RimeEndpointAutoConfiguration;
import io.rime.autoconfigure.health.RimeHealthContributorAutoConfiguration;
import io.rime.endpoint.RimeEndpoint;
import io.rime.endpoint.RimeEndpoint.ClusterDescriptor;
import io.rime.health.RimeHealthIndicator;
import io.rime.watch.RimeJobWatcherMetrics;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherGate;
import io.rime.watch.RimeWatcherLedger;
import io.rime.watch.WatcherTestSupport;
import io.rime.watch.cluster.JdbcRimeWatcherLedger;
import io.rime.watch.cluster.LeaderLeaseGate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration of the watcher across replicas: off unless asked for; on, with an H2
 * database, the election and the ledger replace the defaults; each missing piece fails at startup
 * naming what to add.
 */
class RimeWatcherClusterAutoConfigurationTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));

	private RimeEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = WatcherTestSupport.emulator(this.clock);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RimeAutoConfiguration.class,
					RimeWatcherAutoConfiguration.class))
			.withPropertyValues("rime.address=" + this.emulator.baseUrl(), "rime.api-key=" + this.emulator.apiKey(),
					"rime.retry.enabled=false", "rime.watcher.enabled=true",
					"spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.application.name=model-gate");
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void withoutTheClusterPropertyEachInstanceWatchesOnItsOwnAsBefore() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(RimeJobWatcher.class)
				.doesNotHaveBean(LeaderLeaseGate.class)
				.doesNotHaveBean(RimeWatcherLedger.class)
				.doesNotHaveBean(LockRegistryLeaderInitiator.class)
				.doesNotHaveBean(RimeWatcherClusterProperties.class);
			assertThat(context.getBean(RimeWatcherGate.class)).isSameAs(RimeWatcherGate.ALWAYS);
			assertThat(context.getBean(RimeJobWatcher.class).state().cluster()).isNull();
		});
	}

	@Test
	void withTheClusterOnTheElectionAndTheLedgerReplaceTheDefaultsAndTheTablesAreCreatedInAnEmbeddedDatabase() {
		this.contextRunner.withPropertyValues("rime.watcher.cluster.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(LeaderLeaseGate.class)
				.hasSingleBean(JdbcRimeWatcherLedger.class)
				.hasSingleBean(LockRegistryLeaderInitiator.class)
				.hasSingleBean(JdbcLockRegistry.class)
				.hasSingleBean(RimeWatcherDataSourceScriptDatabaseInitializer.class);
			assertThat(context.getBean(RimeWatcherGate.class)).isInstanceOf(LeaderLeaseGate.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM RIME_WATCHER_JOB", Integer.class)).isZero();
			RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
			assertThat(watcher.state().cluster()).isNotNull();
			assertThat(watcher.state().cluster().group()).isEqualTo("model-gate");
			org.awaitility.Awaitility.await().until(() -> watcher.state().cluster().leader());
			assertThat(jdbc.queryForObject("SELECT EPOCH FROM RIME_WATCHER_LEADER WHERE GROUP_ID = 'model-gate'",
					Long.class)).isEqualTo(watcher.state().cluster().epoch());
		});
	}

	@Test
	void theEndpointHealthAndMetersShowTheClusterAndHealthDoesNotDependOnLeadership() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(RimeEndpointAutoConfiguration.class,
					RimeHealthContributorAutoConfiguration.class))
			.withPropertyValues("rime.watcher.cluster.enabled=true", "rime.watcher.cluster.instance-id=pod-1",
					"management.endpoints.web.exposure.include=rime")
			.run((context) -> {
				RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
				org.awaitility.Awaitility.await().until(() -> watcher.state().cluster().leader());
				ClusterDescriptor cluster = context.getBean(RimeEndpoint.class).rime().watcher().cluster();
				assertThat(cluster.group()).isEqualTo("model-gate");
				assertThat(cluster.instanceId()).isEqualTo("pod-1");
				assertThat(cluster.role()).isEqualTo("leader");
				assertThat(cluster.epoch()).isPositive();
				assertThat(cluster.leaseValidFor()).startsWith("PT");
				assertThat(cluster.lastGrant()).isNotNull();
				assertThat(cluster.grants()).isEqualTo(1);

				Health health = context.getBean(RimeHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails().get("watcher").toString()).contains("role=leader", "group=model-gate",
						"instanceId=pod-1");

				SimpleMeterRegistry meters = new SimpleMeterRegistry();
				context.getBean(RimeJobWatcherMetrics.class).bindTo(meters);
				assertThat(meters.get("rime.watcher.leader").gauge().value()).isEqualTo(1);
				assertThat(meters.get("rime.watcher.cluster.grants").functionCounter().count()).isEqualTo(1);
				assertThat(meters.get("rime.watcher.cluster.claims").functionCounters())
					.extracting((counter) -> counter.getId().getTag("outcome"))
					.containsExactlyInAnyOrder("won", "taken", "fenced");
				assertThat(meters.get("rime.watcher.cluster.redeliveries").functionCounter().count()).isZero();
				assertThat(meters.get("rime.watcher.cluster.ledger.errors").functionCounter().count()).isZero();
			});
	}

	@Test
	void withoutTheClusterNeitherTheEndpointNorTheMetersShowOne() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(RimeEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=rime")
			.run((context) -> {
				assertThat(context.getBean(RimeEndpoint.class).rime().watcher().cluster()).isNull();
				SimpleMeterRegistry meters = new SimpleMeterRegistry();
				context.getBean(RimeJobWatcherMetrics.class).bindTo(meters);
				assertThat(meters.find("rime.watcher.leader").meter()).isNull();
				assertThat(meters.find("rime.watcher.cluster.claims").meters()).isEmpty();
			});
	}

	@Test
	void withSchemaInitialisationOffAndNoTablesStartupFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("rime.watcher.cluster.enabled=true", "rime.watcher.cluster.jdbc.initialize-schema=never")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRimeConfigurationException.class)
				.hasMessageContaining("RIME_LOCK")
				.hasMessageContaining("rime.watcher.cluster.jdbc.initialize-schema"));
	}

	@Test
	void withSchemaInitialisationAlwaysTheTablesAreCreatedAndAnExistingSchemaIsKept() {
		String url = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner
			.withPropertyValues("rime.watcher.cluster.enabled=true", "rime.watcher.cluster.jdbc.initialize-schema=always",
					url)
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("rime.watcher.cluster.enabled=true", "rime.watcher.cluster.jdbc.initialize-schema=always",
					url)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void withoutAGroupStartupFailsBecauseTwoServicesCouldShareOne() {
		this.contextRunner.withPropertyValues("rime.watcher.cluster.enabled=true", "spring.application.name=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRimeConfigurationException.class)
				.hasMessageContaining("'rime.watcher.cluster.group'")
				.hasMessageContaining("Set 'spring.application.name'"));
	}

	@Test
	void withoutSpringIntegrationJdbcStartupFailsNamingTheDependency() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcLockRegistry.class))
			.withPropertyValues("rime.watcher.cluster.enabled=true")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(InvalidRimeConfigurationException.class)
					.hasMessageContaining("org.springframework.integration:spring-integration-jdbc is not on the class path")
					.hasMessageContaining("or set 'rime.watcher.cluster.enabled' to false");
			});
	}

	@Test
	void withoutADataSourceStartupFailsNamingWhatToAdd() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class))
			.withPropertyValues("rime.address=" + this.emulator.baseUrl(), "rime.api-key=" + this.emulator.apiKey(),
					"rime.watcher.enabled=true", "rime.watcher.cluster.enabled=true",
					"spring.application.name=model-gate")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRimeConfigurationException.class)
				.hasMessageContaining("need a DataSource")
				.hasMessageContaining("spring-boot-starter-jdbc"));
	}

	@Test
	void theRimeWatcherDataSourceWinsOverTheApplicationsPrimaryOne() {
		this.contextRunner.withUserConfiguration(TwoDataSources.class)
			.withPropertyValues("rime.watcher.cluster.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate watcher = new JdbcTemplate(context.getBean("watcherDataSource", DataSource.class));
				assertThat(watcher.queryForObject("SELECT COUNT(*) FROM RIME_WATCHER_JOB", Integer.class)).isZero();
				JdbcTemplate application = new JdbcTemplate(context.getBean("applicationDataSource", DataSource.class));
				assertThat(application.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
						+ " WHERE TABLE_NAME = 'RIME_WATCHER_JOB'", Integer.class)).isZero();
			});
	}

	@Test
	void aLockRegistryOfTheApplicationsNamedRimeWatcherLockRegistryReplacesTheStartersOne() {
		this.contextRunner.withUserConfiguration(OwnLockRegistry.class)
			.withPropertyValues("rime.watcher.cluster.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(JdbcLockRegistry.class);
				assertThat(context.getBean(JdbcLockRegistry.class)).isSameAs(OwnLockRegistry.REGISTRY);
				RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
				org.awaitility.Awaitility.await().until(() -> watcher.state().cluster().leader());
				assertThat(OwnLockRegistry.obtained).isTrue();
			});
	}

	@Test
	void aJvmLocalLockRegistryIsRefused() {
		this.contextRunner.withBean("rimeWatcherLockRegistry", LockRegistry.class, DefaultLockRegistry::new)
			.withPropertyValues("rime.watcher.cluster.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRimeConfigurationException.class)
				.hasMessageContaining("DefaultLockRegistry")
				.hasMessageContaining("JVM"));
	}

	@Test
	void aHeartbeatThatLeavesNoLeaseBetweenRenewalsIsRefused() {
		this.contextRunner
			.withPropertyValues("rime.watcher.cluster.enabled=true", "rime.watcher.cluster.lock-ttl=1s",
					"rime.watcher.cluster.heartbeat=900ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRimeConfigurationException.class)
				.hasMessageContaining("'rime.watcher.cluster.heartbeat' (900ms)"));
	}

	@Test
	void theReadmeListsEveryClusterPropertyAndTheShippedScripts() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		assertThat(readme).contains("## Several instances", "`rime.watcher.cluster.enabled` | `false`",
				"`rime.watcher.cluster.acquire-interval` | `500ms`", "`rime.watcher.cluster.retention` | `3d`",
				"`rime.watcher.cluster.in-doubt` | `redeliver`", "`rime.watcher.cluster.jdbc.table-prefix` | `RIME_`");
		RimeWatcherClusterProperties defaults = new RimeWatcherClusterProperties();
		assertThat(defaults.isEnabled()).isFalse();
		assertThat(defaults.getAcquireInterval()).hasMillis(500);
		assertThat(defaults.getRetention()).hasDays(3);
		assertThat(defaults.getJdbc().getTablePrefix()).isEqualTo("RIME_");
		for (String platform : new String[] { "postgresql", "mysql", "h2" }) {
			assertThat(getClass().getResource("/io/rime/watch/cluster/schema-" + platform + ".sql")).isNotNull();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLockRegistry {

		static JdbcLockRegistry REGISTRY;

		static volatile boolean obtained;

		@Bean
		JdbcLockRegistry rimeWatcherLockRegistry(DataSource dataSource) {
			org.springframework.integration.jdbc.lock.DefaultLockRepository repository =
					new org.springframework.integration.jdbc.lock.DefaultLockRepository(dataSource);
			repository.setPrefix("RIME_");
			repository.setTransactionManager(
					new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
			repository.afterPropertiesSet();
			repository.afterSingletonsInstantiated();
			REGISTRY = new JdbcLockRegistry(repository) {

				@Override
				public org.springframework.integration.support.locks.DistributedLock obtain(Object lockKey) {
					obtained = true;
					return super.obtain(lockKey);
				}

			};
			return REGISTRY;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		@org.springframework.context.annotation.Primary
		DataSource applicationDataSource() {
			return DataSourceBuilder.create().url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
		}

		@Bean
		@RimeWatcherDataSource
		DataSource watcherDataSource() {
			return DataSourceBuilder.create().url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
		}

	}

}
