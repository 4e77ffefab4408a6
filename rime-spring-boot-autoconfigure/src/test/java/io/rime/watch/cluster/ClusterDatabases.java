package io.rime.watch.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The databases of the cluster tests: one real PostgreSQL per JVM, started from Maven Central's
 * binaries (no Docker), with the watcher's tables, and H2 in memory for fast contract tests.
 */
public final class ClusterDatabases {

	private static EmbeddedPostgres postgres;

	private static Path postgresLog;

	private ClusterDatabases() {
	}

	/** The shared PostgreSQL, started on first use, with the watcher's tables. */
	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgresLog = Files.createTempFile("rime-postgres", ".log");
				long start = System.nanoTime();
				postgres = EmbeddedPostgres.builder()
					.setOutputRedirector(ProcessBuilder.Redirect.appendTo(postgresLog.toFile()))
					.setErrorRedirector(ProcessBuilder.Redirect.appendTo(postgresLog.toFile()))
					.start();
				System.out.printf("[cluster] embedded PostgreSQL started in %d ms on port %d%n",
						(System.nanoTime() - start) / 1_000_000, postgres.getPort());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			createTables(postgres.getPostgresDatabase(), "postgresql");
		}
		return postgres;
	}

	/** The JDBC URL of the shared PostgreSQL, for an application's {@code spring.datasource.url}. */
	public static String postgresUrl() {
		return postgres().getJdbcUrl("postgres", "postgres");
	}

	/** A pool on the shared PostgreSQL. */
	public static HikariDataSource postgresPool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(postgresUrl());
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(8);
		return pool;
	}

	/** The lines PostgreSQL logged at level ERROR since it started. */
	public static List<String> postgresErrors() {
		try {
			File log = postgresLog.toFile();
			return Files.readAllLines(log.toPath()).stream().filter((line) -> line.contains("ERROR:")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new H2 database in memory, with the watcher's tables. */
	public static DataSource h2(String name) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		pool.setMaximumPoolSize(8);
		createTables(pool, "h2");
		return pool;
	}

	private static void createTables(DataSource dataSource, String platform) {
		new ResourceDatabasePopulator(new ClassPathResource("io/rime/watch/cluster/schema-" + platform + ".sql"))
			.execute(dataSource);
	}

}
