package io.rime.autoconfigure.watch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.OnDatabaseInitializationCondition;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.integration.support.locks.PassThruLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.util.ClassUtils;

import io.rime.autoconfigure.InvalidRimeConfigurationException;
import io.rime.watch.RimeWatcherLedger;
import io.rime.watch.cluster.JdbcRimeWatcherLedger;
import io.rime.watch.cluster.LeaderLeaseGate;
import io.rime.watch.cluster.LeaseTrackingLockRegistry;

/**
 * The configurations of the job watcher across replicas, imported by
 * {@link RimeWatcherAutoConfiguration} before the watcher's own, so that the leader's gate and the
 * ledger replace the defaults of one watcher per instance. With
 * {@code rime.watcher.cluster.enabled=true} and a missing library or {@code DataSource}, startup
 * fails with what to add: never a silent fallback to one watcher per replica.
 */
final class RimeWatcherClusterConfigurations {

	private static final String[][] LIBRARIES = {
			{ "org.springframework.integration.support.leader.LockRegistryLeaderInitiator",
					"org.springframework.integration:spring-integration-core" },
			{ "org.springframework.integration.jdbc.lock.JdbcLockRegistry",
					"org.springframework.integration:spring-integration-jdbc" },
			{ "org.springframework.jdbc.core.JdbcTemplate", "org.springframework:spring-jdbc" },
			{ "org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer",
					"org.springframework.boot:spring-boot-starter-jdbc" } };

	private RimeWatcherClusterConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("rime.watcher.enabled")
	@ConditionalOnBooleanProperty("rime.watcher.cluster.enabled")
	@ConditionalOnClass({ LockRegistryLeaderInitiator.class, JdbcLockRegistry.class, JdbcTemplate.class,
			DataSourceScriptDatabaseInitializer.class })
	@EnableConfigurationProperties({ RimeWatcherProperties.class, RimeWatcherClusterProperties.class })
	@Import(DatabaseInitializationDependencyConfigurer.class)
	static class RimeWatcherJdbcClusterConfiguration {

		@Bean
		RimeWatcherClusterSettings rimeWatcherClusterSettings(RimeWatcherProperties watcher,
				RimeWatcherClusterProperties cluster, Environment environment) {
			RimeWatcherConfigurations.RimeJobWatcherConfiguration.settings(watcher);
			return RimeWatcherClusterSettings.of(watcher, cluster, environment);
		}

		@Bean
		RimeWatcherClusterDatabase rimeWatcherClusterDatabase(
				@RimeWatcherDataSource ObjectProvider<DataSource> watcherDataSource,
				ObjectProvider<DataSource> dataSources) {
			DataSource qualified = watcherDataSource.getIfAvailable();
			if (qualified != null) {
				return new RimeWatcherClusterDatabase(qualified);
			}
			DataSource unique = dataSources.getIfUnique();
			if (unique != null) {
				return new RimeWatcherClusterDatabase(unique);
			}
			boolean none = dataSources.stream().findAny().isEmpty();
			throw new InvalidRimeConfigurationException((none
					? "The RIME job watchers across replicas ('rime.watcher.cluster.enabled=true') need a DataSource"
							+ " for their leader election and ledger, but the application has none."
					: "The RIME job watchers across replicas ('rime.watcher.cluster.enabled=true') need one DataSource"
							+ " for their leader election and ledger, but the application has several and none is"
							+ " primary or qualified with @RimeWatcherDataSource."),
					none ? "Add org.springframework.boot:spring-boot-starter-jdbc and a JDBC driver, and set"
							+ " 'spring.datasource.url'; or set 'rime.watcher.cluster.enabled' to false."
							: "Annotate the DataSource bean the watcher should use with"
									+ " @io.rime.autoconfigure.watch.RimeWatcherDataSource, or mark one @Primary.");
		}

		@Bean
		@ConditionalOnMissingBean(RimeWatcherDataSourceScriptDatabaseInitializer.class)
		@Conditional(OnRimeWatcherDatabaseInitializationCondition.class)
		RimeWatcherDataSourceScriptDatabaseInitializer rimeWatcherDataSourceScriptDatabaseInitializer(
				RimeWatcherClusterDatabase database, RimeWatcherClusterProperties properties) {
			return new RimeWatcherDataSourceScriptDatabaseInitializer(database.dataSource(), properties.getJdbc());
		}

		@Bean
		@DependsOnDatabaseInitialization
		DefaultLockRepository rimeWatcherLockRepository(RimeWatcherClusterDatabase database,
				RimeWatcherClusterSettings settings) {
			DataSource dataSource = database.dataSource();
			// CLIENT_ID is CHAR(36): a UUID; the instance id goes into the ledger instead.
			DefaultLockRepository repository = new DefaultLockRepository(dataSource, UUID.randomUUID().toString());
			repository.setPrefix(settings.tablePrefix());
			repository.setRegion(settings.group());
			// Its own transaction manager: the application may have several, or none.
			repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
			repository.setCheckDatabaseOnStart(false);
			if (isPostgres(dataSource)) {
				// A lost race for the lock is no ERROR in PostgreSQL's log.
				repository.setInsertQuery(repository.getInsertQuery().strip() + " ON CONFLICT DO NOTHING");
			}
			return repository;
		}

		@Bean
		@ConditionalOnMissingBean(name = "rimeWatcherLockRegistry")
		JdbcLockRegistry rimeWatcherLockRegistry(DefaultLockRepository rimeWatcherLockRepository,
				RimeWatcherClusterSettings settings) {
			JdbcLockRegistry registry = new JdbcLockRegistry(rimeWatcherLockRepository, settings.lockTtl());
			registry.setIdleBetweenTries(settings.acquireInterval());
			return registry;
		}

		@Bean
		@ConditionalOnMissingBean(RimeWatcherLedger.class)
		@DependsOnDatabaseInitialization
		JdbcRimeWatcherLedger rimeWatcherLedger(RimeWatcherClusterDatabase database,
				RimeWatcherClusterSettings settings) {
			return new JdbcRimeWatcherLedger(database.dataSource(), settings.tablePrefix(), settings.group(),
					settings.instanceId(), settings.inDoubt(), settings.inDoubtAfter(), settings.retention(),
					Clock.systemUTC());
		}

		@Bean
		LeaderLeaseGate rimeWatcherLeaderLeaseGate(@Qualifier("rimeWatcherLockRegistry") LockRegistry<?> registry,
				JdbcRimeWatcherLedger ledger, RimeWatcherClusterSettings settings) {
			if (registry instanceof DefaultLockRegistry || registry instanceof PassThruLockRegistry) {
				throw new InvalidRimeConfigurationException("The bean 'rimeWatcherLockRegistry' is a "
						+ registry.getClass().getSimpleName() + ", whose locks hold within one JVM only: every replica"
						+ " would lead and announce every job.",
						"Make 'rimeWatcherLockRegistry' a distributed LockRegistry (JdbcLockRegistry, RedisLockRegistry,"
								+ " ...), or remove it to use the starter's JdbcLockRegistry.");
			}
			return new LeaderLeaseGate(new LeaseTrackingLockRegistry(registry), ledger::grant, settings.lockTtl(),
					settings.leaseMargin(), settings.group(), settings.instanceId(), settings.role(),
					Clock.systemUTC());
		}

		@Bean
		@DependsOnDatabaseInitialization
		LockRegistryLeaderInitiator rimeWatcherLeaderInitiator(LeaderLeaseGate gate,
				RimeWatcherClusterDatabase database, RimeWatcherClusterSettings settings) {
			checkTables(database.dataSource(), settings);
			LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(gate.lockRegistry(), gate);
			initiator.setHeartBeatMillis(settings.heartbeat().toMillis());
			initiator.setBusyWaitMillis(settings.acquireInterval().toMillis());
			initiator.setTaskExecutor(new SimpleAsyncTaskExecutor("rime-watcher-leader-"));
			return initiator;
		}

		// A missing table fails here with the property to set, not at the first election.
		private static void checkTables(DataSource dataSource, RimeWatcherClusterSettings settings) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			String prefix = settings.tablePrefix();
			try {
				for (String table : List.of("LOCK", "WATCHER_LEADER", "WATCHER_JOB")) {
					jdbc.queryForObject("SELECT COUNT(*) FROM " + prefix + table + " WHERE 1 = 0", Integer.class);
				}
			}
			catch (org.springframework.jdbc.BadSqlGrammarException ex) {
				throw new InvalidRimeConfigurationException("The tables of the RIME job watchers across replicas ("
						+ prefix + "LOCK, " + prefix + "WATCHER_LEADER, " + prefix + "WATCHER_JOB) do not exist: "
						+ ex.getSQLException().getMessage(),
						"Set 'rime.watcher.cluster.jdbc.initialize-schema' to 'always' to create them at startup, or"
								+ " create them with io/rime/watch/cluster/schema-<platform>.sql from the starter's jar"
								+ " in a Flyway or Liquibase migration.");
			}
			catch (org.springframework.dao.DataAccessException ex) {
				// The database is down: the election waits for it, the watcher fails closed meanwhile.
			}
		}

		private static boolean isPostgres(DataSource dataSource) {
			try {
				String url = JdbcUtils.extractDatabaseMetaData(dataSource, (metaData) -> metaData.getURL());
				return DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.POSTGRESQL;
			}
			catch (MetaDataAccessException ex) {
				return false;
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("rime.watcher.enabled")
	@ConditionalOnBooleanProperty("rime.watcher.cluster.enabled")
	@Conditional(MissingClusterLibrariesCondition.class)
	static class MissingClusterLibrariesConfiguration {

		MissingClusterLibrariesConfiguration(ConfigurableListableBeanFactory beanFactory) {
			List<String> missing = missingLibraries(beanFactory.getBeanClassLoader());
			throw new InvalidRimeConfigurationException("The RIME job watchers across replicas"
					+ " ('rime.watcher.cluster.enabled=true') elect their leader with Spring Integration's JDBC lock"
					+ " and keep a ledger in a database, but " + String.join(", ", missing)
					+ ((missing.size() == 1) ? " is" : " are") + " not on the class path.",
					"Add " + String.join(", ", missing) + " (and a JDBC driver), or set 'rime.watcher.cluster.enabled'"
							+ " to false for one watcher per instance.");
		}

	}

	static List<String> missingLibraries(@Nullable ClassLoader classLoader) {
		List<String> missing = new ArrayList<>();
		for (String[] library : LIBRARIES) {
			if (!ClassUtils.isPresent(library[0], classLoader)) {
				missing.add(library[1]);
			}
		}
		return missing;
	}

	/**
	 * Matches when a library the cluster needs is missing.
	 */
	static class MissingClusterLibrariesCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> missing = missingLibraries(context.getClassLoader());
			ConditionMessage.Builder message = ConditionMessage.forCondition("RIME watcher cluster libraries");
			return missing.isEmpty() ? ConditionOutcome.noMatch(message.available("all"))
					: ConditionOutcome.match(message.didNotFind("library", "libraries").items(missing));
		}

	}

	/**
	 * Matches unless {@code rime.watcher.cluster.jdbc.initialize-schema} is {@code never}.
	 */
	static class OnRimeWatcherDatabaseInitializationCondition extends OnDatabaseInitializationCondition {

		OnRimeWatcherDatabaseInitializationCondition() {
			super("RIME watcher cluster", "rime.watcher.cluster.jdbc.initialize-schema");
		}

	}

	/**
	 * The database the watchers elect their leader and keep their ledger in; not a
	 * {@code DataSource} bean, so that the application's own stays the only candidate.
	 */
	record RimeWatcherClusterDatabase(DataSource dataSource) {
	}

}
