package io.rime.autoconfigure.watch;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.PropertiesBasedDataSourceScriptDatabaseInitializer;

/**
 * Creates the tables of the job watcher across replicas in its database, following
 * {@code rime.watcher.cluster.jdbc.initialize-schema} as Spring Boot's own initializers do; MariaDB
 * runs the MySQL script.
 */
public class RimeWatcherDataSourceScriptDatabaseInitializer
		extends PropertiesBasedDataSourceScriptDatabaseInitializer<RimeWatcherClusterProperties.Jdbc> {

	/**
	 * Create an initializer.
	 * @param dataSource the watcher's database
	 * @param properties where the scripts are and when they run
	 */
	public RimeWatcherDataSourceScriptDatabaseInitializer(DataSource dataSource,
			RimeWatcherClusterProperties.Jdbc properties) {
		super(dataSource, properties, Map.of(DatabaseDriver.MARIADB, "mysql"));
	}

}
