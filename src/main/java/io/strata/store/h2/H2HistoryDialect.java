package io.strata.store.h2;

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
        return HistoryDialect.standardHistoryTables(quoter, schema, "timestamp with time zone", longTextType());
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
    public String restoreColumns(String table, String backup, List<String> keys, List<Restored> columns) {
        // H2 has no UPDATE ... FROM: each column is read back from the matching backup row.
        String match = String.join(" AND ", keys.stream().map(k -> "t." + k + " = b." + k).toList());
        String set = String.join(", ", columns.stream()
                .map(c -> c.column() + " = (SELECT " + c.value() + " FROM " + backup + " b WHERE " + match + ")").toList());
        return "UPDATE " + table + " t SET " + set + " WHERE EXISTS (SELECT 1 FROM " + backup + " b WHERE " + match + ")";
    }

    @Override
    public Optional<TableSize> tableSize(Connection connection, String schema, String table) {
        return Optional.empty();
    }
}
