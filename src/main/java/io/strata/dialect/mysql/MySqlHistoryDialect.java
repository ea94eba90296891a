package io.strata.dialect.mysql;

import io.strata.dialect.HistoryDialect;
import io.strata.dialect.Locker;
import io.strata.dialect.Quoter;
import io.strata.dialect.StatementLanding;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * MySqlHistoryDialect is how migrations are applied and recorded on MySQL/MariaDB: every DDL statement
 * commits on its own, so progress is recorded per statement; named lock; lock_wait_timeout.
 */
public final class MySqlHistoryDialect implements HistoryDialect {

    /** ER_LOCK_WAIT_TIMEOUT, raised for row locks and metadata locks alike. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    /** Every DDL statement commits on its own, so any of them may have landed unrecorded. */
    private static final StatementLanding LANDING = new MySqlStatementLanding();

    private final Quoter quoter;
    private final MySqlLocker locker = new MySqlLocker();

    MySqlHistoryDialect(Quoter quoter) {
        this.quoter = quoter;
    }

    @Override
    public String historySchema(Connection connection, String requested) throws SQLException {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            String db = rs.getString(1);
            if (db == null) {
                throw io.strata.error.StrataException.badInput("the MySQL URL names no database: add /DATABASE to it");
            }
            return db;
        }
    }

    @Override
    public List<String> createHistoryTables(String schema) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + quoter.qualified(schema, "strata_history") + " ("
                        + "installed_rank int PRIMARY KEY, version varchar(64) NOT NULL, "
                        + "description varchar(200) NOT NULL, kind varchar(16) NOT NULL, checksum varchar(64), "
                        + "checksum_algorithm int NOT NULL, desired_digest varchar(64), "
                        + "statements_applied int NOT NULL, statements_total int NOT NULL, "
                        + "started_at datetime(3) NOT NULL, finished_at datetime(3) NULL, applied_by varchar(255) NOT NULL, "
                        + "success boolean NOT NULL, error text)",
                "CREATE TABLE IF NOT EXISTS " + quoter.qualified(schema, "strata_history_steps") + " ("
                        + "installed_rank int NOT NULL, ordinal int NOT NULL, batch int NOT NULL, "
                        + "in_transaction boolean NOT NULL, statement_hash varchar(64) NOT NULL, statement longtext NOT NULL, "
                        + "applied_at datetime(3) NULL, PRIMARY KEY (installed_rank, ordinal))");
    }

    /**
     * lock_wait_timeout counts whole seconds, at least one, so a shorter timeout is rounded up. MariaDB
     * 10.11 and 11.4 refuse a fraction in SET SESSION and in SET STATEMENT ("Incorrect argument type"),
     * and {@code ALTER TABLE t WAIT 0.5} parses but gives up at once, as NOWAIT would (seen after 2 ms):
     * rounding up only ever waits longer than asked, never fails a statement that had time to run.
     */
    @Override
    public String lockTimeoutStatement(Duration timeout) {
        // Metadata locks (DDL) and InnoDB row locks (a backfill batch) wait for the same, whole seconds.
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return "SET SESSION lock_wait_timeout = " + seconds + ", innodb_lock_wait_timeout = " + seconds;
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == LOCK_WAIT_TIMEOUT;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String longTextType() {
        return "longtext";
    }

    /** A multi-table UPDATE joins the backup by key; {@code keys} and {@code columns} are quoted already. */
    @Override
    public java.util.Optional<TableSize> tableSize(Connection connection, String schema, String table) throws SQLException {
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(data_length, 0) + "
                + "COALESCE(index_length, 0), COALESCE(table_rows, 0) FROM information_schema.TABLES "
                + "WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new TableSize(rs.getLong(1), rs.getLong(2))) : java.util.Optional.empty();
            }
        }
    }

    @Override
    public String restoreColumns(String table, String backup, List<String> keys, List<Restored> columns) {
        String on = String.join(" AND ", keys.stream().map(k -> "t." + k + " = b." + k).toList());
        String set = String.join(", ", columns.stream().map(c -> "t." + c.column() + " = " + c.value()).toList());
        return "UPDATE " + table + " AS t JOIN " + backup + " AS b ON " + on + " SET " + set;
    }

    @Override
    public StatementLanding landing() {
        return LANDING;
    }

    @Override
    public Locker locker() {
        return locker;
    }

    @Override
    public io.strata.dialect.DataCheckSql dataChecks() {
        return new io.strata.dialect.DataCheckSql(quoter, "CHAR", "DECIMAL(65,30)", "REGEXP", true,
                new MySqlInputCheck());
    }
}
