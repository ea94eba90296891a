package io.strata.migrate;

import io.strata.dialect.LiveSchema;
import io.strata.dialect.Dialect;
import io.strata.dialect.HistoryDialect;
import io.strata.dialect.JdbcUrls;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.plan.MigrationPlan;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * TargetSession is one migrator's connection to a target database, holding its migration lock: opened,
 * named {@code strata apply} so other sessions see who holds the lock, given the short lock timeout,
 * locked, and with the history tables created. Everything a run reads or writes goes through it.
 */
public final class TargetSession implements AutoCloseable {

    /** What other sessions see as the lock holder's application. */
    public static final String APPLICATION_NAME = "strata apply";

    private final Connection connection;
    private final Dialect dialect;
    private final HistoryDialect historyDialect;
    private final String historySchema;
    private final boolean dedicatedSchema;
    private final MigrationLock lock;
    private final HistoryTable history;
    private final Executor executor;
    private final ApplySettings settings;
    /** The target's URL without secrets, as a prompt names it. */
    private final String target;
    private final ApplyProgress progress;

    private TargetSession(Connection connection, Dialect dialect, ApplySettings settings, String url,
                          ApplyProgress progress) throws SQLException {
        this.progress = progress;
        this.connection = connection;
        this.dialect = dialect;
        this.historyDialect = dialect.history();
        this.settings = settings;
        this.target = JdbcUrls.redact(url);
        this.historySchema = historyDialect.historySchema(connection, settings.historySchema());
        this.dedicatedSchema = settings.historySchema() != null && !settings.historySchema().isBlank();
        this.lock = MigrationLock.acquire(connection, historyDialect.locker(), settings.lockWait(), JdbcUrls.redact(url));
        try (Statement s = connection.createStatement()) {
            s.execute(historyDialect.lockTimeoutStatement(settings.lockTimeout()));
        }
        this.history = new HistoryTable(connection, historyDialect, dialect.quoter(), historySchema);
        history.create();
        StatementRunner runner = new StatementRunner(historyDialect, settings);
        this.executor = new Executor(connection, historyDialect, history, runner,
                new BackfillRunner(connection, historyDialect, history, runner, settings.batchSize(), settings.batchPause(),
                        progress),
                settings.revertOnFailure());
    }

    /**
     * Connects to {@code url} and takes its lock; a lock kept by another session past the wait is a
     * {@link LockUnavailableException} naming that session.
     */
    public static TargetSession open(Dialect dialect, String url, ApplySettings settings) {
        return open(dialect, url, settings, ApplyProgress.NONE);
    }

    /** As {@link #open(Dialect, String, ApplySettings)}, telling {@code progress} how the runs of this session go. */
    public static TargetSession open(Dialect dialect, String url, ApplySettings settings, ApplyProgress progress) {
        Connection connection = dialect.open(url);
        try {
            connection.setAutoCommit(true);
            nameSession(connection);
            return new TargetSession(connection, dialect, settings, url, progress);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw failure("cannot prepare " + JdbcUrls.redact(url) + " for migration", (SQLException) e);
        }
    }

    /** The live schema as a plan should see it: without the history tables. */
    public Catalog inspect() {
        Catalog live = dialect.inspector().inspect(connection, List.of());
        return LiveSchema.withoutHistory(live, historySchema, dedicatedSchema);
    }

    public List<HistoryRow> history() {
        try {
            return history.rows();
        } catch (SQLException e) {
            throw failure("cannot read strata_history", e);
        }
    }

    /** The newest migration when it did not finish. */
    public java.util.Optional<HistoryRow> pending() {
        try {
            return history.pending();
        } catch (SQLException e) {
            throw failure("cannot read strata_history", e);
        }
    }

    /** The newest phased plan recorded toward {@code desiredDigest}, with its applied phases. */
    public java.util.Optional<PhaseRecord.Recorded> recordedPlan(String desiredDigest) {
        try {
            return history.recordedPlan(desiredDigest);
        } catch (SQLException e) {
            throw failure("cannot read strata_history", e);
        }
    }

    /** Whether the target's tables hold rows, read exactly; see {@link TableRows}. */
    public TableRows tableRows() {
        return TableRows.of(connection, dialect.quoter());
    }

    /** The pre-flight estimates of {@code plan} on this target; see {@link PreFlightSizing}. */
    public List<String> sizing(MigrationPlan plan, Catalog live) {
        try {
            return PreFlightSizing.lines(connection, historyDialect, plan, live, settings);
        } catch (SQLException e) {
            throw failure("cannot size the tables of the plan", e);
        }
    }

    /** Shows the pre-flight estimates before the plan runs; false when nobody listens and the result must carry them. */
    boolean announce(List<String> sizing) {
        return progress.preflight(sizing);
    }

    /**
     * The pre-flight data checks of {@code plan} (made from {@code base} to {@code desired}) on this target, whose
     * schema is {@code live} now (see {@link DataChecks}); none when the dialect has no way to write them.
     */
    public DataCheckReport dataChecks(MigrationPlan plan, Catalog base, Catalog desired, Catalog live) {
        return DataCheckRunner.check(connection, historyDialect, plan, base, desired, live);
    }

    /** Records {@code migration} and runs it. */
    public ApplyResult run(Migration migration) {
        try {
            return executor.run(migration, appliedBy());
        } catch (SQLException e) {
            throw failure("cannot record version " + migration.version() + " in strata_history", e);
        }
    }

    /** Runs what is left of {@code row}. */
    public ApplyResult resume(HistoryRow row) {
        try {
            return executor.resume(row);
        } catch (SQLException e) {
            throw failure("cannot record version " + row.version() + " in strata_history", e);
        }
    }

    /** Takes back the versions applied after {@code toVersion}, or the newest one; see {@link Rollback}. */
    public List<ApplyResult> rollback(String toVersion) {
        return rollback(toVersion, Approval.GRANTED);
    }

    /** As {@link #rollback(String)}, once {@code approval} approves the statements that will run. */
    public List<ApplyResult> rollback(String toVersion, Approval approval) {
        try {
            return new Rollback(connection, historyDialect, history, executor).run(toVersion, appliedBy(), approval, target);
        } catch (SQLException e) {
            throw failure("cannot roll back " + (toVersion == null ? "the newest version" : "to version " + toVersion), e);
        }
    }

    /** The backups that still exist. */
    public List<Backup> backups() {
        try {
            return BackupStore.list(connection, history);
        } catch (SQLException e) {
            throw failure("cannot list the backups in " + BackupPlanner.SCHEMA, e);
        }
    }

    /** Drops {@code backups}; a version that needed them cannot be rolled back afterwards. */
    public void prune(List<Backup> backups) {
        try {
            BackupStore.drop(connection, dialect.quoter(), backups);
        } catch (SQLException e) {
            throw failure("cannot drop backups in " + BackupPlanner.SCHEMA, e);
        }
    }

    /** The backups of the target at {@code url}, read without the lock or creating anything. */
    public static List<Backup> readBackups(Dialect dialect, String url, String requestedSchema) {
        try (Connection connection = dialect.open(url)) {
            String schema = dialect.history().historySchema(connection, requestedSchema);
            if (!HistoryTable.exists(connection, schema)) {
                return List.of();
            }
            return BackupStore.list(connection, new HistoryTable(connection, dialect.history(), dialect.quoter(), schema));
        } catch (SQLException e) {
            throw failure("cannot read the backups at " + JdbcUrls.redact(url), e);
        }
    }

    /**
     * The history of the target at {@code url} without taking the lock or creating anything: empty when
     * no migration was ever recorded there.
     */
    public static List<HistoryRow> readHistory(Dialect dialect, String url, String requestedSchema) {
        try (Connection connection = dialect.open(url)) {
            return readHistory(dialect, connection, requestedSchema);
        } catch (SQLException e) {
            throw failure("cannot read strata_history at " + JdbcUrls.redact(url), e);
        }
    }

    /**
     * {@link #readHistory(Dialect, String, String)} over a connection the caller holds (health and drift inspect
     * the same database): the one reader of {@code strata_history} outside a migration. Empty when Strata never
     * migrated the database.
     */
    public static List<HistoryRow> readHistory(Dialect dialect, Connection connection, String requestedSchema)
            throws SQLException {
        String schema = dialect.history().historySchema(connection, requestedSchema);
        if (!HistoryTable.exists(connection, schema)) {
            return List.of();
        }
        return new HistoryTable(connection, dialect.history(), dialect.quoter(), schema).rows();
    }

    /**
     * Records {@code version} as applied without running anything, adopting a database that was built
     * before Strata; refused when the history already holds a migration.
     */
    public ApplyResult baseline(String version, String description) {
        List<HistoryRow> rows = history();
        if (!rows.isEmpty()) {
            throw StrataException.badInput("strata_history already holds " + rows.size()
                    + " row(s), the newest version " + rows.get(rows.size() - 1).version()
                    + ": baseline only adopts a database without history");
        }
        Migration marker = new Migration(version, description, "baseline", null, null, List.of(), null, null);
        run(marker);
        return new ApplyResult(ApplyResult.Outcome.APPLIED, version, 0, 0, "baselined at version " + version, List.of());
    }

    /** Who runs the migration: the operating system user and machine. */
    static String appliedBy() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (SQLException ignored) {
            // the session ends below, and the lock with it
        }
        closeQuietly(connection);
    }

    /** ApplicationName is a JDBC client-info property; a driver that ignores it still works. */
    private static void nameSession(Connection connection) {
        try {
            connection.setClientInfo("ApplicationName", APPLICATION_NAME);
        } catch (SQLException ignored) {
            // only the holder's description is poorer
        }
    }

    private static StrataException failure(String what, SQLException e) {
        return new StrataException(ErrorCode.INTERNAL, what + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
