package io.strata.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A HistoryDialect is what the migration executor needs from a dialect beyond planning: where the
 * history tables live and how they are created, how a statement is told to give way on a lock, and
 * the advisory lock that keeps migrators apart.
 */
public interface HistoryDialect {

    /** Whether a statement that ran outside a transaction when its process died took effect; see {@link StatementLanding}. */
    default StatementLanding landing() {
        return StatementLanding.UNKNOWN;
    }

    /** The schema (PostgreSQL) or database (MySQL) that holds the history: {@code requested}, else the default. */
    String historySchema(Connection connection, String requested) throws SQLException;

    /** Statements that create {@code strata_history} and {@code strata_history_steps} in {@code schema} when missing. */
    List<String> createHistoryTables(String schema);

    /**
     * The history tables in standard SQL, given a dialect's timestamp-with-time-zone and long-text types: what
     * PostgreSQL and H2 (the embedded store) create, so both keep one layout.
     */
    static List<String> standardHistoryTables(Quoter quoter, String schema, String timestamp, String longText) {
        return List.of(
                "CREATE SCHEMA IF NOT EXISTS " + quoter.ident(schema),
                "CREATE TABLE IF NOT EXISTS " + quoter.qualified(schema, "strata_history") + " ("
                        + "installed_rank integer PRIMARY KEY, version varchar(64) NOT NULL, "
                        + "description varchar(200) NOT NULL, kind varchar(16) NOT NULL, checksum varchar(64), "
                        + "checksum_algorithm integer NOT NULL, desired_digest varchar(64), "
                        + "statements_applied integer NOT NULL, statements_total integer NOT NULL, "
                        + "started_at " + timestamp + " NOT NULL, finished_at " + timestamp + ", applied_by varchar(255) NOT NULL, "
                        + "success boolean NOT NULL, error " + longText + ")",
                "CREATE TABLE IF NOT EXISTS " + quoter.qualified(schema, "strata_history_steps") + " ("
                        + "installed_rank integer NOT NULL, ordinal integer NOT NULL, batch integer NOT NULL, "
                        + "in_transaction boolean NOT NULL, statement_hash varchar(64) NOT NULL, statement " + longText + " NOT NULL, "
                        + "applied_at " + timestamp + ", PRIMARY KEY (installed_rank, ordinal))");
    }

    /** The statement that makes every following statement of the session give up after waiting {@code timeout} for a lock. */
    String lockTimeoutStatement(Duration timeout);

    /** Whether {@code e} says a statement gave up waiting for a lock (and so may be retried). */
    boolean isLockTimeout(java.sql.SQLException e);

    /** Whether DDL can run inside a transaction that is rolled back as a whole on failure. */
    boolean transactionalDdl();

    Locker locker();

    /** The column type of the history's long text columns (statements, reverses). */
    default String longTextType() {
        return "text";
    }

    /**
     * The statement that copies {@code columns} of the rows of {@code backup} (aliased {@code b}) back into
     * {@code table}, matching rows by {@code keys}: how a dropped column or a narrowed type gets its values back.
     */
    String restoreColumns(String table, String backup, List<String> keys, List<Restored> columns);

    /**
     * A column to restore (quoted) and the expression over the backup row {@code b} that gives its value back:
     * {@code b.column}, cast back to the column's type when {@link #backupValue} kept it as text.
     */
    record Restored(String column, String value) {
    }

    /**
     * How the backup copies a column of {@code type}: as it is, or as text when its type may be dropped by the
     * same plan (a PostgreSQL enum or domain), which a backup column of that type would keep from being dropped.
     */
    default String backupValue(String column, io.strata.model.ColumnType type) {
        return column;
    }

    /** The value {@link #backupValue} backed up, read back as a column of {@code type}. */
    default String restoredValue(String value, io.strata.model.ColumnType type) {
        return value;
    }

    /**
     * Statements that move the generator of identity column {@code column} (its name, unquoted) of {@code table}
     * past the largest value restored into it, so new rows do not collide with restored ones. None where the
     * server does it itself (MySQL raises AUTO_INCREMENT past every value inserted).
     */
    default List<String> restoreIdentity(String table, String column) {
        return List.of();
    }

    /**
     * Binds a value read back as text (a backfill's saved primary key) so that the server reads it as the
     * column's own type: MySQL converts a string itself; PostgreSQL needs it sent untyped.
     */
    default void bindText(java.sql.PreparedStatement statement, int index, String value) throws java.sql.SQLException {
        statement.setString(index, value);
    }

    /**
     * The size of a table on disk (with its indexes) and its estimated row count, from the server's
     * statistics (no scan), or empty when the table is not there.
     */
    java.util.Optional<TableSize> tableSize(Connection connection, String schema, String table) throws java.sql.SQLException;

    /**
     * How the pre-flight data checks are written for this dialect, or null when it has none (they are then
     * not run: Strata's own store applies no planned schema changes).
     */
    default DataCheckSql dataChecks() {
        return null;
    }

    /** A table's size: {@code bytes} with its indexes, {@code rows} as the statistics estimate them. */
    record TableSize(long bytes, long rows) {
    }

    /**
     * How a sequence's position is backed up before the sequence is dropped and set back by its reverse: the query
     * that reads it, and the statement that restores it from the backup table.
     */
    interface SequencePositions {
        /** The query reading the position of {@code sequence} (quoted). */
        String read(String sequence);

        /** The statement setting {@code sequence} back to the position {@link #read} saved in {@code backup}. */
        String restore(String sequence, String backup);
    }

    /** How sequence positions are kept, or empty where the dialect has no sequences in its model (MySQL). */
    default java.util.Optional<SequencePositions> sequencePositions() {
        return java.util.Optional.empty();
    }

    /** The statement that inserts every row of {@code backup} (aliased {@code b}) into {@code table}: how a dropped table gets its rows back. */
    default String restoreRows(String table, String backup, List<Restored> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns.stream().map(Restored::column).toList())
                + ") SELECT " + String.join(", ", columns.stream().map(Restored::value).toList()) + " FROM " + backup + " b";
    }
}
