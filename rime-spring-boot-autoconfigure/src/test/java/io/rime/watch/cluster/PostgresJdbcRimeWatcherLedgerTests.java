package io.rime.watch.cluster;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's contract on a real PostgreSQL; a lost race is no ERROR in its log.
 */
class PostgresJdbcRimeWatcherLedgerTests extends AbstractJdbcRimeWatcherLedgerTests {

	private static final DataSource POSTGRES = ClusterDatabases.postgresPool();

	@Override
	DataSource dataSource() {
		return POSTGRES;
	}

	@AfterAll
	static void postgresLoggedNoErrors() {
		assertThat(ClusterDatabases.postgresErrors()).isEmpty();
	}

}
