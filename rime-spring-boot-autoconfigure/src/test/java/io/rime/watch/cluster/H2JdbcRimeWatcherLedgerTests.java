package io.rime.watch.cluster;

import javax.sql.DataSource;

/**
 * The ledger's contract on H2.
 */
class H2JdbcRimeWatcherLedgerTests extends AbstractJdbcRimeWatcherLedgerTests {

	private static final DataSource H2 = ClusterDatabases.h2("ledger-contract");

	@Override
	DataSource dataSource() {
		return H2;
	}

}
