package io.strata.migrate;

import io.strata.source.PlanFile;
import io.strata.error.StrataException;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.model.Catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * PhasedApply runs a plan on a locked target: a whole plan as one history row, or one phase of it. The
 * first phase records the whole plan in its history row; later phases run that recorded plan, since
 * planning again from the half-migrated schema (a second column, a sync trigger) would not give the
 * backfill and contract steps the first phase was planned with.
 */
final class PhasedApply {

    private static final String RECORDED = "recorded in strata_history";

    private final ApplyMigration.Target target;
    private final TargetSession session;
    private final String digest;

    PhasedApply(ApplyMigration.Target target, TargetSession session, String digest) {
        this.target = target;
        this.session = session;
        this.digest = digest;
    }

    /**
     * Runs a freshly planned {@code run}: the whole plan, or the phase asked for, which must be its first.
     * {@code checks} is what the pre-flight data checks found (nothing that refuses), or null when they were skipped.
     */
    ApplyResult start(Catalog live, ApplyMigration.Prepared run, DataCheckReport checks) {
        PhaseKind phase = target.request().phase();
        Migration migration = Migration.of(run.version(), target.description(phase), "apply", digest, run.batches())
                .withDataChecks(mark(checks));
        List<String> sizing = new ArrayList<>(session.sizing(run.plan(), live));
        sizing.addAll(notes(checks));
        // Shown before the first statement: an estimate read after the work is done tells nobody anything.
        List<String> unshown = session.announce(sizing) ? List.of() : sizing;
        if (phase == null) {
            return session.run(migration).withPreflight(unshown);
        }
        List<PhaseKind> kinds = kinds(run.whole());
        if (kinds.get(0) != phase) {
            throw outOfOrder(phase, kinds.get(0), kinds);
        }
        PlanFile plan = PlanFile.of(live, target.desired().catalog(), run.whole());
        ApplyResult result = session.run(migration.withPhase(new PhaseRecord(phase, plan.id(), plan.toJson())));
        return withNext(result.withPreflight(unshown), run.whole(), List.of(phase));
    }

    /** Runs the phase asked for of a plan recorded by an earlier phase, or every phase it has left. */
    ApplyResult continueRecorded(PlanFile plan, PhaseRecord.Recorded recorded) {
        MigrationPlan whole = Planner.plan(plan.base(), plan.desired(), target.dialect(), plan.serverVersion());
        plan.requireSameStatements(whole, RECORDED);
        List<PhaseKind> left = kinds(whole).stream().filter(k -> !recorded.applied().contains(k)).toList();
        PhaseKind asked = target.request().phase();
        List<PhaseKind> toRun;
        if (asked == null) {
            toRun = left;
        } else if (recorded.applied().contains(asked)) {
            return ApplyResult.upToDate("phase " + asked + " of the plan to " + target.desired().label()
                    + " was applied already; phases left: " + left);
        } else if (left.get(0) != asked) {
            throw outOfOrder(asked, left.get(0), kinds(whole));
        } else {
            toRun = List.of(asked);
        }
        String version = target.version();
        List<ApplyResult> results = new ArrayList<>();
        for (PhaseKind kind : toRun) {
            MigrationPlan part = whole.only(kind);
            List<String> sizing = new ArrayList<>(session.sizing(part, plan.base()));
            Migration migration = Migration.of(version, target.description(kind), "apply", digest,
                    BackupPlanner.batches(part, plan.base(), target.dialect(), version, target.request().allowDataLoss(),
                            session.tableRows()));
            // The changes are the recorded plan's (a diff of the half-migrated schema would name others); the rows
            // are checked as they are now: a CONTRACT step's NOT NULL needs the values written since EXPAND.
            DataCheckReport checks = target.request().skipDataChecks() ? null
                    : session.dataChecks(part, plan.base(), plan.desired(), session.inspect());
            if (checks != null && !checks.passed()) {
                results.add(ApplyResult.refused(version, migration.statementCount(), checks));
                break;
            }
            if (!target.approval().approves(new ApplyProposal(target.label(), version, part, migration.statementCount(),
                    plan.base(), plan.desired()))) {
                results.add(ApplyResult.declined(version, migration.statementCount()));
                break;
            }
            migration = migration.withDataChecks(mark(checks));
            sizing.addAll(notes(checks));
            List<String> unshown = session.announce(sizing) ? List.of() : sizing;
            ApplyResult result = session.run(migration.withPhase(new PhaseRecord(kind, recorded.planId(), recorded.planJson())));
            results.add(result.withPreflight(unshown));
            if (!result.ok()) {
                break;
            }
        }
        List<PhaseKind> done = new ArrayList<>(recorded.applied());
        done.addAll(toRun);
        return withNext(combined(results), whole, done);
    }

    /** What the history records of the data checks: null {@code checks} were skipped. */
    private static String mark(DataCheckReport checks) {
        return checks == null ? Migration.DATA_CHECKS_SKIPPED : Migration.DATA_CHECKS_PASSED;
    }

    /** The pre-flight lines the data checks add: that they were skipped, or the ones that could not finish. */
    private static List<String> notes(DataCheckReport checks) {
        return checks == null ? List.of("data checks skipped (--skip-data-checks)") : checks.unchecked();
    }

    private static List<PhaseKind> kinds(MigrationPlan plan) {
        return plan.phases().stream().map(Phase::kind).toList();
    }

    private static StrataException outOfOrder(PhaseKind asked, PhaseKind next, List<PhaseKind> all) {
        return StrataException.badInput("phase " + asked + " cannot run yet: the plan's phases are " + all + " and "
                + next + " comes next; apply --phase " + next + " first");
    }

    /** Several phases' results as one: the failure if one failed, else the sum. */
    private static ApplyResult combined(List<ApplyResult> results) {
        if (results.size() == 1 || !results.get(results.size() - 1).ok()) {
            return results.get(results.size() - 1);
        }
        ApplyResult last = results.get(results.size() - 1);
        return new ApplyResult(last.outcome(), last.version(), results.stream().mapToInt(ApplyResult::statementsApplied).sum(),
                results.stream().mapToInt(ApplyResult::statementsTotal).sum(),
                String.join("\n", results.stream().map(ApplyResult::message).toList()), List.of());
    }

    /** After a successful phase, says what comes next: the deploy the plan names, and the next phase to apply. */
    private ApplyResult withNext(ApplyResult result, MigrationPlan whole, List<PhaseKind> done) {
        if (!result.ok()) {
            return result;
        }
        List<Phase> left = whole.phases().stream().filter(p -> !done.contains(p.kind())).toList();
        if (left.isEmpty()) {
            return result;
        }
        String deploy = whole.phases().stream().filter(p -> done.contains(p.kind()) && p.deployAfter() != null)
                .map(Phase::deployAfter).reduce((a, b) -> b).map(d -> "\n  then " + d).orElse("");
        return new ApplyResult(result.outcome(), result.version(), result.statementsApplied(), result.statementsTotal(),
                result.message() + deploy, result.drift(), left.get(0).kind());
    }
}
