package io.strata.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.dialect.HistoryDialect;
import io.strata.plan.Backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * BackfillRunner runs a {@link Backfill} in primary-key ranges of {@code batchSize} rows: each range is
 * updated and its upper key saved in the history in one transaction, then the runner pauses, so writers
 * wait on one batch's row locks at most and a resumed run starts after the last range that committed.
 * Keyset ranges, not OFFSET or "rows still NULL", keep each batch as cheap as the first.
 */
final class BackfillRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final HistoryDialect dialect;
    private final HistoryTable history;
    private final StatementRunner runner;
    private final int batchSize;
    private final Duration pause;
    private final ApplyProgress progress;

    BackfillRunner(Connection connection, HistoryDialect dialect, HistoryTable history, StatementRunner runner,
                   int batchSize, Duration pause, ApplyProgress progress) {
        this.connection = connection;
        this.dialect = dialect;
        this.history = history;
        this.runner = runner;
        this.batchSize = batchSize;
        this.pause = pause;
        this.progress = progress;
    }

    /**
     * Runs the backfill recorded as {@code step} of migration {@code rank}, telling the progress listener after each
     * committed batch; returns the rows it updated.
     */
    long run(int rank, HistoryStep step, Backfill backfill) throws SQLException {
        List<String> after = decode(step.progress());
        Reporter reporter = progress == ApplyProgress.NONE ? null : new Reporter(backfill);
        long updated = 0;
        while (true) {
            List<String> upTo = upperKey(backfill, after);
            long[] count = new long[1];
            List<String> from = after;
            runner.run(() -> count[0] = inTransaction(rank, step.ordinal(), backfill, from, upTo));
            updated += count[0];
            if (reporter != null) {
                progress.backfill(reporter.after(updated, upTo == null));
            }
            if (upTo == null) {
                return updated;
            }
            after = upTo;
            sleep();
        }
    }

    /** Turns a count of rows done into a {@link BackfillProgress}, with the table's size read once at the start. */
    private final class Reporter {
        private final String table;
        private final String column;
        private final long estimated;
        private final long started = System.nanoTime();

        Reporter(Backfill backfill) throws SQLException {
            // An unqualified MySQL table is in the connection's database, which MariaDB's driver calls its catalog.
            String schema = connection.getSchema() != null ? connection.getSchema() : connection.getCatalog();
            this.table = PreFlightSizing.backfillTable(backfill, schema).orElse(backfill.table());
            this.column = firstColumn(backfill.assign());
            this.estimated = PreFlightSizing.backfillSize(connection, dialect, backfill, schema)
                    .map(HistoryDialect.TableSize::rows).orElse(0L);
        }

        BackfillProgress after(long rowsDone, boolean finished) {
            return new BackfillProgress(table, column, rowsDone, estimated, Duration.ofNanos(System.nanoTime() - started),
                    finished);
        }

        /** {@code quantity} of {@code "quantity" = "qty"::bigint}. */
        private static String firstColumn(String assign) {
            String target = assign.split("\\s*=", 2)[0].trim();
            if (target.length() > 1 && (target.charAt(0) == '"' || target.charAt(0) == '`')) {
                char quote = target.charAt(0);
                return target.substring(1, target.length() - 1).replace("" + quote + quote, "" + quote);
            }
            return target;
        }
    }

    /** The key of the {@code batchSize}-th row after {@code after}, or null when fewer rows are left. */
    private List<String> upperKey(Backfill b, List<String> after) throws SQLException {
        String keys = String.join(", ", b.keys());
        String sql = "SELECT " + keys + " FROM " + b.table() + (after == null ? "" : " WHERE " + greater(b))
                + " ORDER BY " + keys + " LIMIT 1 OFFSET " + (batchSize - 1);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, 1, after);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<String> key = new ArrayList<>();
                for (int i = 1; i <= b.keys().size(); i++) {
                    key.add(rs.getString(i));
                }
                return key;
            }
        }
    }

    /** Updates the rows in ({@code after}, {@code upTo}] and saves {@code upTo} as the progress, in one transaction. */
    private long inTransaction(int rank, int ordinal, Backfill b, List<String> after, List<String> upTo) throws SQLException {
        List<String> where = new ArrayList<>();
        if (after != null) {
            where.add(greater(b));
        }
        if (upTo != null) {
            where.add(row(b.keys()) + " <= " + row(Collections.nCopies(b.keys().size(), "?")));
        }
        String sql = "UPDATE " + b.table() + " SET " + b.assign() + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int next = bind(ps, 1, after);
            bind(ps, next, upTo);
            long count = ps.executeLargeUpdate();
            if (upTo != null) {
                history.saveProgress(rank, ordinal, encode(upTo));
            }
            connection.commit();
            return count;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String greater(Backfill b) {
        return row(b.keys()) + " > " + row(Collections.nCopies(b.keys().size(), "?"));
    }

    /** A key as a row value: {@code (a, b)}, or the bare column for one, which every server plans as an index range. */
    private static String row(List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    private int bind(PreparedStatement ps, int first, List<String> key) throws SQLException {
        if (key == null) {
            return first;
        }
        for (int i = 0; i < key.size(); i++) {
            dialect.bindText(ps, first + i, key.get(i));
        }
        return first + key.size();
    }

    private void sleep() throws SQLException {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted between backfill batches", e);
        }
    }

    private static String encode(List<String> key) {
        try {
            return JSON.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> decode(String progress) {
        if (progress == null || progress.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(progress, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable backfill progress " + progress, e);
        }
    }
}
