package io.strata.migrate;

import io.strata.dialect.LiveSchema;
import io.strata.dialect.Dialect;
import io.strata.dialect.DevDatabase;
import io.strata.dialect.JdbcUrls;
import io.strata.dialect.SqlScript;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Step;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * DryRun runs a whole plan and leaves nothing behind. Where the dialect has transactional DDL and
 * every statement may run in a transaction, the plan (with its backups) runs on the target in one
 * transaction that is rolled back, so it meets the real data; otherwise the target's schema, rendered
 * as DDL, is replayed on a scratch database of the dev server (default: a new database on the target's
 * own server) and the plan runs there. It writes no history and takes no migration lock.
 */
public final class DryRun implements AutoCloseable {

    private final Dialect dialect;
    private final Connection connection;
    private final String url;
    private final ApplySettings settings;

    private DryRun(Dialect dialect, Connection connection, String url, ApplySettings settings) {
        this.dialect = dialect;
        this.connection = connection;
        this.url = url;
        this.settings = settings;
    }

    public static DryRun open(Dialect dialect, String url, ApplySettings settings) {
        return new DryRun(dialect, dialect.open(url), url, settings);
    }

    /** The live schema as a plan should see it, read without creating the history tables. */
    public Catalog inspect() {
        try {
            String schema = dialect.history().historySchema(connection, settings.historySchema());
            boolean dedicated = settings.historySchema() != null && !settings.historySchema().isBlank();
            return LiveSchema.withoutHistory(dialect.inspector().inspect(connection, List.of()), schema, dedicated);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot inspect " + JdbcUrls.redact(url) + ": " + e.getMessage(), e);
        }
    }

    /** Whether the target's tables hold rows, read exactly; see {@link TableRows}. */
    public TableRows tableRows() {
        return TableRows.of(connection, dialect.quoter());
    }

    /** The pre-flight estimates of {@code plan} on the target. */
    public List<String> sizing(MigrationPlan plan, Catalog live) {
        try {
            return PreFlightSizing.lines(connection, dialect.history(), plan, live, settings);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot size the tables of the plan: " + e.getMessage(), e);
        }
    }

    /**
     * The pre-flight data checks of {@code plan} on the target's own rows, read-only: a scratch copy has none, and a
     * rolled-back transaction would stop at the first row a step fails on instead of counting them all.
     */
    public DataCheckReport dataChecks(MigrationPlan plan, Catalog live, Catalog desired) {
        return DataCheckRunner.check(connection, dialect.history(), plan, live, desired, live);
    }

    /**
     * Runs {@code batches} (the plan with its backups) in a rolled-back transaction when they allow it,
     * else the statements of {@code plan} on a scratch copy of {@code live} on {@code devUrl}, or on the
     * target's server when that is null.
     */
    public ApplyResult run(String version, List<Batch> batches, MigrationPlan plan, Catalog live, String devUrl) {
        boolean transactional = dialect.history().transactionalDdl() && batches.stream().allMatch(Batch::transactional);
        return transactional ? inTransaction(version, batches) : onScratch(version, plan, live, devUrl);
    }

    private ApplyResult inTransaction(String version, List<Batch> batches) {
        List<String> statements = batches.stream().flatMap(b -> b.statements().stream()).toList();
        String running = null;
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute(dialect.history().lockTimeoutStatement(settings.lockTimeout()));
                for (String sql : statements) {
                    running = sql;
                    s.execute(sql);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return failed(version, running, e.getMessage());
        }
        return new ApplyResult(ApplyResult.Outcome.DRY_RUN, version, statements.size(), statements.size(),
                "dry run of version " + version + ": " + StatementCount.of(statements.size())
                        + " ran in a transaction that was rolled back; nothing changed", List.of());
    }

    /** The scratch copy holds the schema without rows: the plan's SQL and order are tried, not its data. */
    private ApplyResult onScratch(String version, MigrationPlan plan, Catalog live, String devUrl) {
        List<String> statements = plan.steps().stream().map(Step::sql).toList();
        String schema = String.join(";\n", dialect.renderer().createStatements(live));
        try (DevDatabase scratch = dialect.devDatabase(devUrl != null ? devUrl : url)) {
            scratch.replay(List.of(new SqlScript("schema of " + JdbcUrls.redact(url), schema.isEmpty() ? "" : schema + ";"),
                    new SqlScript("plan of version " + version, String.join(";\n", statements) + ";")));
        } catch (StrataException e) {
            return failed(version, null, e.getMessage());
        }
        return new ApplyResult(ApplyResult.Outcome.DRY_RUN, version, statements.size(), statements.size(),
                "dry run of version " + version + ": " + StatementCount.of(statements.size())
                        + " ran on a scratch copy of the schema, which holds no rows (the target's rows met only the data "
                        + "checks); nothing changed", List.of());
    }

    private static ApplyResult failed(String version, String statement, String message) {
        String where = statement == null ? "" : "\n  " + Executor.abbreviate(statement);
        return new ApplyResult(ApplyResult.Outcome.FAILED, version, 0, 0, "dry run of version " + version
                + " failed: " + Executor.firstLine(message) + where, List.of());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
