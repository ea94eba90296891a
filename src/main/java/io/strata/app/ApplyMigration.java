package io.strata.app;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.plan.MigrationPlan;
import io.strata.plan.PhaseKind;
import io.strata.plan.Planner;
import io.strata.plan.apply.ApplyResult;
import io.strata.plan.apply.ApplySettings;
import io.strata.plan.apply.BackupPlanner;
import io.strata.plan.apply.Batch;
import io.strata.plan.apply.Checksums;
import io.strata.plan.apply.DryRun;
import io.strata.plan.apply.HistoryRow;
import io.strata.plan.apply.LockUnavailableException;
import io.strata.plan.apply.Migration;
import io.strata.plan.apply.PreFlight;
import io.strata.plan.apply.TargetSession;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * ApplyMigration is the use case behind {@code strata apply}: under the target's migration lock,
 * inspect it, check it is where the user expects, plan the way to the desired schema and run it,
 * recording every statement in {@code strata_history}. An unfinished earlier run toward the same
 * desired schema is resumed instead of planned again.
 */
public final class ApplyMigration {

    /**
     * What to apply.
     *
     * @param to      the desired schema (file, directory, model file or JDBC URL)
     * @param url     the target database
     * @param expect  the schema the target should be at now, or null to skip the drift check
     * @param version the version to record, or null for a UTC timestamp
     * @param dryRun  run the plan where it leaves nothing behind (see {@link DryRun}) instead of applying it
     * @param allowDataLoss run a step that destroys data it cannot back up (a table without primary key)
     * @param devUrl  the dev server a dry run's scratch copy goes to, or null for the target's own server
     * @param phase   run only this phase of the plan (each phase is then applied and recorded on its own,
     *                with the application deploy the plan names in between), or null for the whole plan
     */
    public record Request(String to, String url, String expect, String version, String description,
                          ApplySettings settings, boolean dryRun, boolean allowDataLoss, String devUrl,
                          PhaseKind phase) {
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final SourceLoader loader;

    public ApplyMigration(SourceLoader loader) {
        this.loader = loader;
    }

    /**
     * What identifies a desired schema across runs, so a resumed apply can tell it is heading for the
     * same target: the model's JSON (map keys sorted), without a MySQL schema's name, since a replayed
     * file lives in a scratch database with a random name.
     */
    static String desiredDigest(Catalog desired) {
        boolean mysql = desired.dialect().equals("mysql");
        List<Schema> schemas = desired.schemas().stream().map(s -> mysql ? s.withName("") : s).toList();
        return Checksums.sha256(ModelFiles.toJson(List.of(schemas, desired.extensions())));
    }

    public ApplyResult run(Request request) {
        Dialect dialect = Dialects.forUrl(request.url());
        // Sources are loaded before the lock: replaying them can take seconds nobody should wait for.
        List<LoadedSource> loaded = loader.loadAll(request.expect() == null ? List.of(request.to())
                : List.of(request.to(), request.expect()));
        LoadedSource desired = loaded.get(0);
        Catalog expected = loaded.size() > 1 ? loaded.get(1).catalog() : null;
        if (request.dryRun()) {
            return dryRun(dialect, request, desired, expected);
        }
        String digest = desiredDigest(desired.catalog());
        try (TargetSession session = TargetSession.open(dialect, request.url(), request.settings())) {
            Optional<HistoryRow> pending = session.pending();
            if (pending.isPresent() && pending.get().kind().equals("apply") && pending.get().statementsApplied() > 0) {
                return resume(session, pending.get(), digest);
            }
            Prepared run = prepare(dialect, request, expected, session.inspect(), desired);
            if (run.stop() != null) {
                return run.stop();
            }
            String description = request.description() != null ? request.description()
                    : "apply " + desired.label() + (request.phase() == null ? "" : " (" + request.phase() + ")");
            return session.run(Migration.of(run.version(), description, "apply", digest, run.batches()));
        } catch (LockUnavailableException e) {
            return ApplyResult.locked(e.getMessage());
        }
    }

    private static ApplyResult dryRun(Dialect dialect, Request request, LoadedSource desired, Catalog expected) {
        try (DryRun dry = DryRun.open(dialect, request.url(), request.settings())) {
            Catalog live = dry.inspect();
            Prepared run = prepare(dialect, request, expected, live, desired);
            return run.stop() != null ? run.stop() : dry.run(run.version(), run.batches(), run.plan(), live, request.devUrl());
        }
    }

    /** What to run against a live schema: the plan, its version and its batches with backups; or, in {@code stop}, why nothing runs. */
    private record Prepared(ApplyResult stop, MigrationPlan plan, String version, List<Batch> batches) {
    }

    /** Nothing runs when the target drifted from the expected schema, or is already at the desired one. */
    private static Prepared prepare(Dialect dialect, Request request, Catalog expected, Catalog live, LoadedSource desired) {
        if (expected != null) {
            List<String> drift = PreFlight.drift(expected, live);
            if (!drift.isEmpty()) {
                return new Prepared(new ApplyResult(ApplyResult.Outcome.DRIFT, null, 0, 0, "the target differs from "
                        + request.expect() + " in " + drift.size() + " place(s); nothing was run", drift), null, null, null);
            }
        }
        MigrationPlan whole = Planner.plan(live, desired.catalog(), dialect, live.serverVersion());
        MigrationPlan plan = request.phase() == null ? whole : whole.only(request.phase());
        if (plan.isEmpty() && !whole.isEmpty()) {
            return new Prepared(ApplyResult.upToDate("the plan to " + desired.label() + " has no " + request.phase()
                    + " phase left; phases remaining: " + whole.phases().stream().map(p -> p.kind().name()).toList()),
                    plan, null, null);
        }
        if (plan.isEmpty()) {
            return new Prepared(ApplyResult.upToDate("the target is already at " + desired.label() + "; nothing to apply"),
                    plan, null, null);
        }
        String version = request.version() != null ? request.version() : ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
        return new Prepared(null, plan, version, BackupPlanner.batches(plan, live, dialect, version, request.allowDataLoss()));
    }

    /**
     * Finishes an interrupted run. Its remaining statements were planned for the desired schema it
     * recorded; planning anew from a half-applied database toward another one could repeat or skip work.
     */
    private static ApplyResult resume(TargetSession session, HistoryRow pending, String digest) {
        if (!digest.equals(pending.desiredDigest())) {
            return new ApplyResult(ApplyResult.Outcome.FAILED, pending.version(), pending.statementsApplied(),
                    pending.statementsTotal(), "version " + pending.version() + " stopped after "
                    + pending.statementsApplied() + " of " + pending.statementsTotal()
                    + " statements, toward a different desired schema: apply that schema again to finish it first",
                    List.of());
        }
        return session.resume(pending);
    }
}
