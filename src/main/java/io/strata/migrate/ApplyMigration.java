package io.strata.migrate;

import io.strata.plan.Checksums;
import io.strata.source.PlanFile;
import io.strata.source.ModelFiles;
import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.plan.MigrationPlan;
import io.strata.plan.PhaseKind;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * ApplyMigration is the executor behind {@code strata apply} and every rollout: under the target's migration lock,
 * inspect it, check it is where the user expects, plan the way to the desired schema and run it,
 * recording every statement in {@code strata_history}. An unfinished earlier run toward the same
 * desired schema is resumed instead of planned again.
 */
public final class ApplyMigration {

    /**
     * What to apply, as values: the loading of files, directories and URLs happens before (see {@code source}).
     *
     * @param desired  the desired schema, with the label messages name it by (a file, a directory, a model file,
     *                 a plan file)
     * @param url      the target database
     * @param expected the schema the target should be at now, with its label, or null to skip the drift check
     * @param reviewed the plan file being applied (its base is then the expected schema), or null
     * @param version  the version to record, or null for a UTC timestamp
     * @param dryRun   run the plan where it leaves nothing behind (see {@link DryRun}) instead of applying it
     * @param allowDataLoss run a step that destroys data it cannot back up (a table without primary key)
     * @param skipDataChecks run the plan without the pre-flight data checks (see {@link DataChecks}), recorded in
     *                      the history row
     * @param devUrl   the dev server a dry run's scratch copy goes to, or null for the target's own server
     * @param phase    run only this phase of the plan (each phase is then applied and recorded on its own,
     *                 with the application deploy the plan names in between), or null for the whole plan
     */
    public record Request(NamedSchema desired, String url, NamedSchema expected, PlanFile reviewed, String version,
                          String description, ApplySettings settings, boolean dryRun, boolean allowDataLoss,
                          boolean skipDataChecks, String devUrl, PhaseKind phase) {
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ApplyProgress progress;

    /** An executor whose pre-flight estimates are part of the result it returns. */
    public ApplyMigration() {
        this(ApplyProgress.NONE);
    }

    /** An executor that tells {@code progress} the pre-flight estimates before the work and how backfills go during it. */
    public ApplyMigration(ApplyProgress progress) {
        this.progress = progress;
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
        return run(request, Approval.GRANTED);
    }

    /** Runs {@code request} once {@code approval} approves its plan (a dry run and a resumed run are not asked). */
    public ApplyResult run(Request request, Approval approval) {
        Dialect dialect = Dialects.forUrl(request.url());
        PlanFile reviewed = request.reviewed();
        Catalog expected = request.expected() != null ? request.expected().catalog()
                : reviewed != null ? reviewed.base() : null;
        Target target = new Target(dialect, request, request.desired(), expected, reviewed, approval);
        if (request.dryRun()) {
            return dryRun(target);
        }
        String digest = desiredDigest(request.desired().catalog());
        try (TargetSession session = TargetSession.open(dialect, request.url(), request.settings(), progress)) {
            Optional<HistoryRow> pending = session.pending();
            // A phase runs a recorded plan, so it resumes even before its first statement finished (a backfill
            // that stopped half way has its progress in the history, not in statements_applied). A run that died
            // before its first statement was recorded resumes too when it headed for the same schema: its first
            // statement may have landed, and one history row per version is what status and drift read.
            if (pending.isPresent() && pending.get().kind().equals("apply") && (pending.get().statementsApplied() > 0
                    || pending.get().phase() != null || digest.equals(pending.get().desiredDigest()))) {
                return resume(session, pending.get(), digest);
            }
            Optional<PhaseRecord.Recorded> recorded = session.recordedPlan(digest);
            if (recorded.isPresent()) {
                PlanFile plan = PlanFile.parse(recorded.get().planJson(), "recorded in strata_history");
                if (!recorded.get().applied().containsAll(plan.phases().keySet())) {
                    return new PhasedApply(target, session, digest).continueRecorded(plan, recorded.get());
                }
            }
            Catalog live = session.inspect();
            Prepared run = prepare(target, live, session.tableRows());
            if (run.stop() != null) {
                return run.stop();
            }
            DataCheckReport checks = null;
            if (!request.skipDataChecks()) {
                checks = session.dataChecks(run.plan(), live, target.desired().catalog(), live);
                if (!checks.passed()) {
                    // Nothing is recorded: no statement ran, and a history row would be a run to resume.
                    return ApplyResult.refused(run.version(), Migration.of(run.version(), "", "apply", digest,
                            run.batches()).statementCount(), checks);
                }
            }
            int statements = Migration.of(run.version(), "", "apply", digest, run.batches()).statementCount();
            if (!approval.approves(new ApplyProposal(target.label(), run.version(), run.plan(), statements, live,
                    target.desired().catalog()))) {
                return ApplyResult.declined(run.version(), statements);
            }
            return new PhasedApply(target, session, digest).start(live, run, checks);
        } catch (LockUnavailableException e) {
            return ApplyResult.locked(e.getMessage());
        }
    }

    /**
     * One apply request with its loaded sources: {@code reviewed} is the plan file applied, or null; {@code approval}
     * is asked before a plan, or a phase of a recorded one, runs.
     */
    record Target(Dialect dialect, Request request, NamedSchema desired, Catalog expected, PlanFile reviewed,
                  Approval approval) {

        /** The target database as a question names it: its URL without secrets. */
        String label() {
            return io.strata.dialect.JdbcUrls.redact(request.url());
        }

        String version() {
            return request.version() != null ? request.version() : ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
        }

        String description(PhaseKind phase) {
            return request.description() != null ? request.description()
                    : "apply " + desired.label() + (phase == null ? "" : " (" + phase + ")");
        }
    }

    private ApplyResult dryRun(Target target) {
        Request request = target.request();
        try (DryRun dry = DryRun.open(target.dialect(), request.url(), request.settings())) {
            Catalog live = dry.inspect();
            Prepared run = prepare(target, live, dry.tableRows());
            if (run.stop() != null) {
                return run.stop();
            }
            DataCheckReport checks = request.skipDataChecks() ? null
                    : dry.dataChecks(run.plan(), live, target.desired().catalog());
            List<String> sizing = dry.sizing(run.plan(), live);
            List<String> unshown = progress.preflight(sizing) ? List.of() : sizing;
            return dry.run(run.version(), run.batches(), run.plan(), live, request.devUrl()).withTargetChecks(checks)
                    .withPreflight(unshown);
        }
    }

    /**
     * What to run against a live schema: the whole plan, the part of it to run now, its version and its
     * batches with backups; or, in {@code stop}, why nothing runs.
     */
    record Prepared(ApplyResult stop, MigrationPlan whole, MigrationPlan plan, String version, List<Batch> batches) {
        static Prepared stop(ApplyResult why) {
            return new Prepared(why, null, null, null, null);
        }
    }

    /** Nothing runs when the target drifted from the expected schema, or is already at the desired one. */
    private static Prepared prepare(Target target, Catalog live, TableRows rows) {
        Request request = target.request();
        if (target.reviewed() != null && PreFlight.drift(target.desired().catalog(), live).isEmpty()) {
            // A plan file applied twice: the target left its base because it reached the plan's end.
            return Prepared.stop(ApplyResult.upToDate("the target is already at the desired schema of plan file "
                    + target.desired().label() + "; nothing to apply"));
        }
        if (target.expected() != null) {
            List<String> drift = PreFlight.drift(target.expected(), live);
            if (!drift.isEmpty()) {
                String expected = request.expected() != null ? request.expected().label()
                        : "the base of plan file " + target.desired().label();
                return Prepared.stop(new ApplyResult(ApplyResult.Outcome.DRIFT, null, 0, 0, "the target differs from "
                        + expected + " in " + drift.size() + " place(s); nothing was run", drift));
            }
        }
        MigrationPlan whole = Planner.plan(live, target.desired().catalog(), target.dialect(), live.serverVersion());
        if (target.reviewed() != null) {
            target.reviewed().requireSameStatements(whole, target.desired().label());
        }
        MigrationPlan plan = request.phase() == null ? whole : whole.only(request.phase());
        if (plan.isEmpty() && !whole.isEmpty()) {
            return Prepared.stop(ApplyResult.upToDate("the plan to " + target.desired().label() + " has no " + request.phase()
                    + " phase; its phases: " + whole.phases().stream().map(p -> p.kind().name()).toList()));
        }
        if (plan.isEmpty()) {
            return Prepared.stop(ApplyResult.upToDate("the target is already at " + target.desired().label()
                    + "; nothing to apply"));
        }
        String version = target.version();
        return new Prepared(null, whole, plan, version,
                BackupPlanner.batches(plan, live, target.dialect(), version, request.allowDataLoss(), rows));
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
