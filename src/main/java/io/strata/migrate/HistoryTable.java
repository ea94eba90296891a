package io.strata.migrate;

import io.strata.plan.Checksums;
import io.strata.dialect.HistoryDialect;
import io.strata.dialect.Quoter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HistoryTable reads and writes a target's {@code strata_history} and {@code strata_history_steps}
 * on one connection; the caller holds the migration lock and decides the transaction boundaries.
 */
final class HistoryTable {

    private static final String COLUMNS = "installed_rank, version, description, kind, checksum, checksum_algorithm, "
            + "desired_digest, statements_applied, statements_total, started_at, finished_at, applied_by, success, error";

    private final Connection connection;
    private final HistoryDialect dialect;
    private final String history;
    private final String steps;
    private final String schema;
    private final java.util.Map<String, List<String>> columnCache = new java.util.HashMap<>();

    HistoryTable(Connection connection, HistoryDialect dialect, Quoter quoter, String schema) {
        this.connection = connection;
        this.dialect = dialect;
        this.schema = schema;
        this.history = quoter.qualified(schema, "strata_history");
        this.steps = quoter.qualified(schema, "strata_history_steps");
    }

    /**
     * Creates both tables when missing, and adds the columns rollback needs to tables an earlier Strata
     * created without them: checked in information_schema, since MySQL has no ADD COLUMN IF NOT EXISTS.
     */
    void create() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : dialect.createHistoryTables(schema)) {
                s.execute(sql);
            }
            List<String> stepColumns = columns("strata_history_steps");
            if (!stepColumns.contains("reverse_sql")) {
                s.execute("ALTER TABLE " + steps + " ADD COLUMN reverse_sql " + dialect.longTextType());
            }
            if (!stepColumns.contains("backup_table")) {
                s.execute("ALTER TABLE " + steps + " ADD COLUMN backup_table varchar(300)");
            }
            if (!stepColumns.contains("progress")) {
                s.execute("ALTER TABLE " + steps + " ADD COLUMN progress varchar(2000)");
            }
            List<String> historyColumns = columns("strata_history");
            if (!historyColumns.contains("rolled_back")) {
                s.execute("ALTER TABLE " + history + " ADD COLUMN rolled_back boolean NOT NULL DEFAULT false");
            }
            if (!historyColumns.contains("plan_id")) {
                s.execute("ALTER TABLE " + history + " ADD COLUMN phase varchar(20)");
                s.execute("ALTER TABLE " + history + " ADD COLUMN plan_id varchar(100)");
                s.execute("ALTER TABLE " + history + " ADD COLUMN plan_json " + dialect.longTextType());
            }
            if (!historyColumns.contains("data_checks")) {
                s.execute("ALTER TABLE " + history + " ADD COLUMN data_checks varchar(16)");
            }
        } finally {
            columnCache.clear();
        }
    }

    /**
     * The column names of one history table, lower case; read once per table and session, since the history
     * is read on every apply and resume and only {@link #create} changes its columns (and then forgets them).
     */
    private List<String> columns(String table) throws SQLException {
        List<String> known = columnCache.get(table);
        if (known != null) {
            return known;
        }
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        // An empty list means the table is not there (yet): not worth remembering.
        if (!out.isEmpty()) {
            columnCache.put(table, List.copyOf(out));
        }
        return out;
    }

    /** Whether the tables have the rollback columns; status reads old tables without changing them. */
    private boolean evolved() throws SQLException {
        return columns("strata_history").contains("rolled_back");
    }

    /** Whether the history table exists, without creating it: status must not write. */
    static boolean exists(Connection connection, String schema) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "strata_history", null)) {
            while (rs.next()) {
                String owner = rs.getString("TABLE_SCHEM") != null ? rs.getString("TABLE_SCHEM") : rs.getString("TABLE_CAT");
                if (schema.equals(owner)) {
                    return true;
                }
            }
        }
        return false;
    }

    List<HistoryRow> rows() throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        // One look at the table's columns: tables made by older versions lack the later ones.
        List<String> columns = columns("strata_history");
        String rolledBack = columns.contains("rolled_back") ? "rolled_back" : "false";
        String phase = columns.contains("phase") ? "phase" : "NULL";
        String planJson = columns.contains("plan_json") ? "plan_json" : "NULL";
        String dataChecks = columns.contains("data_checks") ? "data_checks" : "NULL";
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + ", " + rolledBack + ", " + phase + ", " + planJson + ", " + dataChecks + " FROM " + history
                     + " ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(new HistoryRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getInt(9), instant(rs.getTimestamp(10)),
                        instant(rs.getTimestamp(11)), rs.getString(12), rs.getBoolean(13), rs.getString(14),
                        rs.getBoolean(15), rs.getString(16), rs.getString(17), rs.getString(18)));
            }
        }
        return rows;
    }

    /** The newest row when it did not finish: the migration a new run must resume or set aside. */
    Optional<HistoryRow> pending() throws SQLException {
        List<HistoryRow> rows = rows();
        return rows.isEmpty() || !rows.get(rows.size() - 1).incomplete()
                ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
    }

    List<HistoryStep> steps(int rank) throws SQLException {
        List<HistoryStep> out = new ArrayList<>();
        String undo = evolved() ? "reverse_sql, backup_table" : "NULL, NULL";
        String progress = columns("strata_history_steps").contains("progress") ? "progress" : "NULL";
        try (PreparedStatement ps = connection.prepareStatement("SELECT ordinal, batch, in_transaction, statement_hash, "
                + "statement, applied_at, " + undo + ", " + progress + " FROM " + steps + " WHERE installed_rank = ? ORDER BY ordinal")) {
            ps.setInt(1, rank);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryStep(rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6) != null,
                            new Undo(ReverseText.decode(rs.getString(7)), rs.getString(8)), rs.getString(9)));
                }
            }
        }
        return out;
    }

    /** Records a migration as started, with every statement it will run; returns its rank. */
    int start(Migration migration, String appliedBy) throws SQLException {
        int rank = nextRank();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + history + " (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, rank);
            ps.setString(2, migration.version());
            ps.setString(3, truncate(migration.description(), 200));
            ps.setString(4, migration.kind());
            ps.setString(5, migration.checksum());
            ps.setInt(6, Checksums.ALGORITHM);
            ps.setString(7, migration.desiredDigest());
            ps.setInt(8, 0);
            ps.setInt(9, migration.statementCount());
            ps.setTimestamp(10, Timestamp.from(Instant.now()));
            ps.setTimestamp(11, null);
            ps.setString(12, truncate(appliedBy, 255));
            ps.setBoolean(13, migration.statementCount() == 0);
            ps.setString(14, null);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + steps
                + " (installed_rank, ordinal, batch, in_transaction, statement_hash, statement, applied_at, reverse_sql, "
                + "backup_table) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
            for (HistoryStep step : migration.steps()) {
                ps.setInt(1, rank);
                ps.setInt(2, step.ordinal());
                ps.setInt(3, step.batch());
                ps.setBoolean(4, step.inTransaction());
                ps.setString(5, step.statementHash());
                ps.setString(6, step.statement());
                ps.setString(7, ReverseText.encode(step.undo().reverse()));
                ps.setString(8, step.undo().backupTable());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (migration.phase() != null) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + history
                    + " SET phase = ?, plan_id = ?, plan_json = ? WHERE installed_rank = ?")) {
                ps.setString(1, migration.phase().phase().name());
                ps.setString(2, migration.phase().planId());
                ps.setString(3, migration.phase().planJson());
                ps.setInt(4, rank);
                ps.executeUpdate();
            }
        }
        if (migration.dataChecks() != null) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + history
                    + " SET data_checks = ? WHERE installed_rank = ?")) {
                ps.setString(1, migration.dataChecks());
                ps.setInt(2, rank);
                ps.executeUpdate();
            }
        }
        if (migration.statementCount() == 0) {
            finish(rank, null);
        }
        return rank;
    }

    /** Marks statements applied and counts them in the history row, in the caller's transaction. */
    void markApplied(int rank, List<Integer> ordinals) throws SQLException {
        setAppliedAt(rank, ordinals, Timestamp.from(Instant.now()));
    }

    /**
     * Marks statements as no longer applied, since their reverses ran: what a failed run's history says stands
     * is then exactly what the database holds. In the caller's transaction.
     */
    void markReverted(int rank, List<Integer> ordinals) throws SQLException {
        setAppliedAt(rank, ordinals, null);
    }

    private void setAppliedAt(int rank, List<Integer> ordinals, Timestamp at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + steps + " SET applied_at = ? WHERE installed_rank = ? AND ordinal = ?")) {
            for (int ordinal : ordinals) {
                ps.setTimestamp(1, at);
                ps.setInt(2, rank);
                ps.setInt(3, ordinal);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + history + " SET statements_applied = "
                + "(SELECT COUNT(*) FROM " + steps + " WHERE installed_rank = ? AND applied_at IS NOT NULL) "
                + "WHERE installed_rank = ?")) {
            ps.setInt(1, rank);
            ps.setInt(2, rank);
            ps.executeUpdate();
        }
    }

    /**
     * The plan of the newest phased apply toward {@code desiredDigest}, and which of its phases succeeded
     * and were not rolled back; empty when no phased apply was recorded (or the history predates phases).
     */
    Optional<PhaseRecord.Recorded> recordedPlan(String desiredDigest) throws SQLException {
        if (!columns("strata_history").contains("plan_id")) {
            return Optional.empty();
        }
        String planId;
        String planJson;
        try (PreparedStatement ps = connection.prepareStatement("SELECT plan_id, plan_json FROM " + history
                + " WHERE desired_digest = ? AND plan_id IS NOT NULL ORDER BY installed_rank DESC")) {
            ps.setString(1, desiredDigest);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                planId = rs.getString(1);
                planJson = rs.getString(2);
            }
        }
        java.util.Set<io.strata.plan.PhaseKind> applied = java.util.EnumSet.noneOf(io.strata.plan.PhaseKind.class);
        try (PreparedStatement ps = connection.prepareStatement("SELECT phase FROM " + history
                + " WHERE plan_id = ? AND success = ? AND rolled_back = ?")) {
            ps.setString(1, planId);
            ps.setBoolean(2, true);
            ps.setBoolean(3, false);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.add(io.strata.plan.PhaseKind.valueOf(rs.getString(1)));
                }
            }
        }
        return Optional.of(new PhaseRecord.Recorded(planId, planJson, applied));
    }

    /** Records how far a batched backfill got, in the caller's transaction (the one that committed that far). */
    void saveProgress(int rank, int ordinal, String progress) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + steps + " SET progress = ? WHERE installed_rank = ? AND ordinal = ?")) {
            ps.setString(1, progress);
            ps.setInt(2, rank);
            ps.setInt(3, ordinal);
            ps.executeUpdate();
        }
    }

    /** Records the end of a run: success when {@code error} is null, else failed with the reason. */
    void finish(int rank, String error) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + history + " SET finished_at = ?, success = ?, error = ? WHERE installed_rank = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setBoolean(2, error == null);
            ps.setString(3, error);
            ps.setInt(4, rank);
            ps.executeUpdate();
        }
    }

    /** A failed run that is resumed is running again: it has no finish until it ends. */
    void reopen(int rank) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + history + " SET finished_at = NULL, error = NULL WHERE installed_rank = ?")) {
            ps.setInt(1, rank);
            ps.executeUpdate();
        }
    }

    /** Marks an applied migration as taken back by a rollback. */
    void markRolledBack(int rank) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + history + " SET rolled_back = ? WHERE installed_rank = ?")) {
            ps.setBoolean(1, true);
            ps.setInt(2, rank);
            ps.executeUpdate();
        }
    }

    /** Every backup table the history names, with the migration that made it; the caller checks which still exist. */
    List<Backup> backupsRecorded() throws SQLException {
        List<Backup> out = new ArrayList<>();
        if (!evolved()) {
            return out;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT h.installed_rank, h.version, h.started_at, s.backup_table FROM "
                     + history + " h JOIN " + steps + " s ON s.installed_rank = h.installed_rank "
                     + "WHERE s.backup_table IS NOT NULL ORDER BY h.installed_rank, s.ordinal")) {
            while (rs.next()) {
                out.add(new Backup(rs.getInt(1), rs.getString(2), instant(rs.getTimestamp(3)), rs.getString(4)));
            }
        }
        return out;
    }

    private int nextRank() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(installed_rank), 0) + 1 FROM " + history)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
