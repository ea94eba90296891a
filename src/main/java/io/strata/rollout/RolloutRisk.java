package io.strata.rollout;

import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.compat.relational.RelationalRules;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.lint.Diagnostic;
import io.strata.plan.lint.Family;
import io.strata.plan.lint.LintPass;
import io.strata.plan.lint.LintSettings;
import io.strata.plan.lint.Linter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A RolloutRisk is the risk of the part of a plan a rollout carries, with the reasons for it. It is HIGH when
 * that part
 * <ul>
 *   <li>loses stored data (a destructive step, lint {@code DS1xx});</li>
 *   <li>breaks clients of the version before (a change that breaks old readers or writers), when the whole plan is
 *       rolled out: a lone EXPAND or MIGRATE phase keeps the old shape working by design, and the break comes with
 *       CONTRACT;</li>
 *   <li>holds a lock for a time that grows with a table (lint {@code LK1xx}: rewrites, full scans, blocking index
 *       builds). Lint flags these only on tables that existed before the plan, since tables the plan creates are
 *       empty; the tables' sizes differ per environment and are not measured when the rollout is created, so every
 *       such step counts;</li>
 *   <li>carries a CONTRACT phase;</li>
 * </ul>
 * and LOW otherwise. Lint runs with its default severities: a tier's own severities decide what it refuses, not
 * how much review a plan needs.
 */
record RolloutRisk(Risk level, List<String> reasons) {

    private static final Set<Role> OLD_CLIENTS = Set.of(Role.OLD_READER, Role.OLD_WRITER);

    RolloutRisk {
        reasons = List.copyOf(reasons);
    }

    /**
     * @param part  the part of the plan rolled out
     * @param phase the phase rolled out, or null for the whole plan
     * @param pass  the lint pass over {@code part}
     */
    static RolloutRisk of(MigrationPlan part, PhaseKind phase, LintPass pass, List<SchemaChange> changes) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Diagnostic d : Linter.lint(pass, LintSettings.DEFAULTS, List.of()).diagnostics()) {
            // A change whose step lies in another phase is linted too (the lint pass knows every change): it counts
            // when that phase is rolled out, not before.
            if (d.step() == null && phase != null) {
                continue;
            }
            if (d.code().startsWith(Family.DESTRUCTIVE.prefix())) {
                reasons.add("loses data: " + d.code() + " at " + d.location() + " (" + d.message() + ")");
            } else if (d.code().startsWith(Family.LOCKING.prefix())) {
                reasons.add("locks a table that existed before: " + d.code() + " at " + d.location() + " (" + d.message() + ")");
            }
        }
        if (phase == null) {
            for (Finding f : RelationalRules.classify(part.dialect(), changes)) {
                if (f.breaksAny(OLD_CLIENTS)) {
                    reasons.add("breaks clients of the version before: " + f.code() + " at " + f.location());
                }
            }
        }
        if (part.phases().stream().map(Phase::kind).anyMatch(k -> k == PhaseKind.CONTRACT)) {
            reasons.add("carries a CONTRACT phase");
        }
        return new RolloutRisk(reasons.isEmpty() ? Risk.LOW : Risk.HIGH, new ArrayList<>(reasons));
    }
}
