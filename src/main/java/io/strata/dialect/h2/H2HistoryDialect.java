package io.strata.dialect.h2;

import io.strata.dialect.HistoryDialect;
import io.strata.dialect.Locker;
import io.strata.dialect.Quoter;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** H2HistoryDialect records migrations of the embedded store in the same history tables as every target. */
final class H2HistoryDialect implements HistoryDialect {

    /** H2's "timeout trying to lock table". */
    private static final int LOCK_TIMEOUT = 50200;

    private final Quoter quoter;
    private final H2Locker locker = new H2Locker();

    H2HistoryDialect(Quoter quoter) {
        this.quoter = quoter;
    }

    @Override
    public String historySchema(Connection connection, String requested) {
        return requested == null || requested.isBlank() ? "public" : requested;
    }

    @Override
    public List<String> createHistoryTables(String schema) {
        return List.of(
                "CREATE SCHEMA IF NOT EXISTS " + quoter.ident(schema),
                "CREATE TABLE IF NOT EXISTS " + quoter.qualified(schema, "strata_history") + " ("
                        + "installed_rank integer PRIMARY KEY, version varchar(64) NOT NULL, "
                        + "description varchar(200) NOT NULL, kind varchar(16) NOT NULL, checksum varchar(64), "
                        + "checksum_algorithm integer NOT NULL, desired_digest varchar(64), "
                        + "statements_applied integer NOT NULL, statements_total integer NOT NULL, "
                        + "started_at timestamp with time zone NOT NULL, finished_at timestamp with time zone, "
                        + "applied_by varchar(255) NOT NULL, success boolean NOT NULL, error " + longTextType() + ")",
                "CREATE TABLE IF NOT EXISTS " + quoter.qualified(schema, "strata_history_steps") + " ("
                        + "installed_rank integer NOT NULL, ordinal integer NOT NULL, batch integer NOT NULL, "
                        + "in_transaction boolean NOT NULL, statement_hash varchar(64) NOT NULL, statement "
                        + longTextType() + " NOT NULL, applied_at timestamp with time zone, PRIMARY KEY (installed_rank, ordinal))");
    }

    @Override
    public String longTextType() {
        return "character large object";
    }

    @Override
    public String lockTimeoutStatement(Duration timeout) {
        return "SET LOCK_TIMEOUT " + Math.max(1, timeout.toMillis());
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == LOCK_TIMEOUT;
    }

    @Override
    public boolean transactionalDdl() {
        // H2 commits before each DDL statement; the migrator then records statement by statement.
        return false;
    }

    @Override
    public Locker locker() {
        return locker;
    }

    @Override
    public String restoreColumns(String table, String backup, List<String> keys, List<String> columns) {
        throw new UnsupportedOperationException("the store's migrations are never rolled back");
    }

    @Override
    public Optional<TableSize> tableSize(Connection connection, String schema, String table) {
        return Optional.empty();
    }
}
