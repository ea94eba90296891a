package io.strata.dialect.postgres;

import io.strata.dialect.HistoryDialect;
import io.strata.dialect.StatementLanding;
import io.strata.dialect.Locker;
import io.strata.dialect.Quoter;
import io.strata.model.ColumnType;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** PostgresHistoryDialect is how migrations are applied and recorded on PostgreSQL: transactional DDL, advisory lock, lock_timeout. */
public final class PostgresHistoryDialect implements HistoryDialect {

    private static final StatementLanding LANDING = new PostgresStatementLanding();

    @Override
    public StatementLanding landing() {
        return LANDING;
    }

    /** SQLState of "canceling statement due to lock timeout". */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Quoter quoter;
    private final PostgresTableRenderer tables;
    private final PostgresLocker locker = new PostgresLocker();

    PostgresHistoryDialect(PostgresQuoter quoter) {
        this.quoter = quoter;
        this.tables = new PostgresTableRenderer(quoter);
    }

    @Override
    public String historySchema(Connection connection, String requested) {
        return requested == null || requested.isBlank() ? "public" : requested;
    }

    @Override
    public List<String> createHistoryTables(String schema) {
        return HistoryDialect.standardHistoryTables(quoter, schema, "timestamptz", longTextType());
    }

    @Override
    public String lockTimeoutStatement(Duration timeout) {
        return "SET lock_timeout = " + Math.max(1, timeout.toMillis());
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** UPDATE ... FROM joins the backup by key; {@code keys} and {@code columns} are quoted already. */
    @Override
    public java.util.Optional<TableSize> tableSize(Connection connection, String schema, String table) throws SQLException {
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT pg_total_relation_size(c.oid), "
                + "greatest(c.reltuples, 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new TableSize(rs.getLong(1), rs.getLong(2))) : java.util.Optional.empty();
            }
        }
    }

    @Override
    public void bindText(java.sql.PreparedStatement statement, int index, String value) throws SQLException {
        statement.setObject(index, value, java.sql.Types.OTHER);
    }

    @Override
    public String restoreColumns(String table, String backup, List<String> keys, List<Restored> columns) {
        String set = String.join(", ", columns.stream().map(c -> c.column() + " = " + c.value()).toList());
        String on = String.join(" AND ", keys.stream().map(k -> "t." + k + " = b." + k).toList());
        return "UPDATE " + table + " AS t SET " + set + " FROM " + backup + " AS b WHERE " + on;
    }

    /** OVERRIDING SYSTEM VALUE puts back the original values of GENERATED ALWAYS identity columns too. */
    @Override
    public String restoreRows(String table, String backup, List<Restored> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns.stream().map(Restored::column).toList())
                + ") OVERRIDING SYSTEM VALUE SELECT " + String.join(", ", columns.stream().map(Restored::value).toList())
                + " FROM " + backup + " AS b";
    }

    /**
     * An enum or a domain (a type Strata reads by name only) may be dropped by the plan that drops the column:
     * a backup column of that type would stop DROP TYPE, so the value is kept as its text, which reads back as
     * the same value.
     */
    @Override
    public String backupValue(String column, ColumnType type) {
        return byName(type) ? column + "::text" : column;
    }

    @Override
    public String restoredValue(String value, ColumnType type) {
        return byName(type) ? value + "::" + tables.typeSql(type) : value;
    }

    private static boolean byName(ColumnType type) {
        return type instanceof ColumnType.EnumRef || type instanceof ColumnType.OtherType
                || type instanceof ColumnType.ArrayType a && byName(a.element());
    }

    /** The identity's sequence goes to the largest restored value, so its next value is past it; empty tables keep the start. */
    @Override
    public List<String> restoreIdentity(String table, String column) {
        String col = quoter.ident(column);
        return List.of("SELECT setval(pg_get_serial_sequence(" + literal(table) + ", " + literal(column) + "), max(" + col
                + ")) FROM " + table + " HAVING max(" + col + ") IS NOT NULL");
    }

    @Override
    public java.util.Optional<SequencePositions> sequencePositions() {
        return java.util.Optional.of(new SequencePositions() {
            @Override
            public String read(String sequence) {
                return "SELECT last_value, is_called FROM " + sequence;
            }

            @Override
            public String restore(String sequence, String backup) {
                return "SELECT setval(" + literal(sequence) + ", b.last_value, b.is_called) FROM " + backup + " AS b";
            }
        });
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public Locker locker() {
        return locker;
    }

    @Override
    public io.strata.dialect.DataCheckSql dataChecks() {
        return new io.strata.dialect.DataCheckSql(quoter, "text", "numeric", "~", false,
                new PostgresInputCheck(quoter));
    }
}
