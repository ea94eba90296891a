package io.strata.migrate;

import io.strata.dialect.HistoryDialect;
import io.strata.dialect.HistoryDialect.TableSize;
import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;
import io.strata.plan.Backfill;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Step;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PreFlightSizing sizes the tables a plan rewrites, scans or backfills, from the server's statistics,
 * and estimates how long each such step runs, so that the operator learns before anything runs that a
 * step will hold a 40 GB table for ten minutes. The rates are this project's measurements on a small
 * host ({@code docs/benchmarks.md}, "pre-flight rates"): estimates, not promises.
 */
public final class PreFlightSizing {

    /** {@code ALTER TABLE ... TYPE} on a 1M-row, 87 MB table (with indexes) took 0.92 s. */
    static final double REWRITE_BYTES_PER_SECOND = 90e6;
    /** {@code CREATE INDEX} on the same 65 MB heap took 0.82 s; a validation reads the heap alone, faster. */
    static final double SCAN_BYTES_PER_SECOND = 80e6;
    /** Backfill batches of 1,000 rows took 8 ms each, trigger included, before the pause between them. */
    static final double BACKFILL_ROWS_PER_SECOND = 120_000;

    /** A quoted table name, with its schema (PostgreSQL) or without (MySQL: the connection's database). */
    private static final Pattern QUALIFIED = Pattern.compile("^(?:[\"`]((?:[^\"`]|\"\"|``)+)[\"`]\\.)?[\"`]((?:[^\"`]|\"\"|``)+)[\"`]$");

    private PreFlightSizing() {
    }

    /** One line per step that rewrites, scans or backfills an existing table, in plan order. */
    public static List<String> lines(Connection connection, HistoryDialect dialect, MigrationPlan plan, Catalog live,
                                     ApplySettings settings) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Step step : plan.steps()) {
            Optional<Backfill> backfill = Backfill.parse(step.sql());
            if (backfill.isPresent()) {
                String defaultSchema = live.schemas().isEmpty() ? "" : live.schemas().get(0).name();
                backfillSize(connection, dialect, backfill.get(), defaultSchema)
                        .ifPresent(s -> out.add(backfillLine(step, s, settings)));
                continue;
            }
            if (!step.lock().rewrite() && !step.lock().scan() || !(step.source() instanceof SchemaChange.InTable in)) {
                continue;
            }
            String schema = live.schema(in.schema()).isEmpty() && live.schemas().size() == 1
                    ? live.schemas().get(0).name() : in.schema();
            Optional<TableSize> size = dialect.tableSize(connection, schema, in.table());
            if (size.isPresent()) {
                out.add(lockedLine(step, schema + "." + in.table(), size.get()));
            }
        }
        return out;
    }

    /** A backfill's table as {@code schema.table}, unquoted; an unqualified one is in {@code defaultSchema}. */
    static Optional<String> backfillTable(Backfill backfill, String defaultSchema) {
        Matcher m = QUALIFIED.matcher(backfill.table());
        return m.matches() ? Optional.of((m.group(1) != null ? unquote(m.group(1)) : defaultSchema) + "." + unquote(m.group(2)))
                : Optional.empty();
    }

    /** The size of a backfill's table from the statistics, or empty when its name or its statistics cannot be read. */
    static Optional<TableSize> backfillSize(Connection connection, HistoryDialect dialect, Backfill backfill,
                                            String defaultSchema) throws SQLException {
        Matcher m = QUALIFIED.matcher(backfill.table());
        if (!m.matches()) {
            return Optional.empty();
        }
        return dialect.tableSize(connection, m.group(1) != null ? unquote(m.group(1)) : defaultSchema, unquote(m.group(2)));
    }

    private static String backfillLine(Step step, TableSize size, ApplySettings settings) {
        long batches = Math.max(1, (size.rows() + settings.batchSize() - 1) / settings.batchSize());
        double seconds = size.rows() / BACKFILL_ROWS_PER_SECOND + batches * settings.batchPause().toMillis() / 1000.0;
        return step.description() + ": ~" + count(size.rows()) + " rows in " + count(batches) + " batches of "
                + count(settings.batchSize()) + ", about " + duration(seconds) + "; writers wait on one batch at a time";
    }

    private static String lockedLine(Step step, String table, TableSize size) {
        boolean rewrite = step.lock().rewrite();
        double seconds = size.bytes() / (rewrite ? REWRITE_BYTES_PER_SECOND : SCAN_BYTES_PER_SECOND);
        String verb = rewrite ? "rewrites " : "reads ";
        String who = step.lock().blocksWritersLong() ? "; writers of the table wait that long" : "; writers are not blocked";
        return step.description() + ": " + verb + table + " (" + megabytes(size.bytes()) + ", ~" + count(size.rows())
                + " rows) under " + step.lock().lock() + ", about " + duration(seconds) + who;
    }

    private static String unquote(String name) {
        return name.replace("\"\"", "\"").replace("``", "`");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String megabytes(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String duration(double seconds) {
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", Math.max(1, seconds * 1000));
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
}
