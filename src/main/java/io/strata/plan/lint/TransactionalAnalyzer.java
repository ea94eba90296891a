package io.strata.plan.lint;

import io.strata.plan.Phase;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * TransactionalAnalyzer finds phases that cannot run as one transaction, so a failure part-way leaves
 * the earlier statements applied and the phase has to be finished or undone by hand.
 */
public final class TransactionalAnalyzer implements Analyzer {

    public static final LintRule OUTSIDE_TRANSACTION = new LintRule("TX101", Family.TRANSACTIONAL,
            "statement that cannot run in the phase's transaction");
    public static final LintRule MYSQL_IMPLICIT_COMMIT = new LintRule("TX102", Family.TRANSACTIONAL,
            "MySQL phase of several DDL statements");

    @Override
    public List<LintRule> rules() {
        return List.of(OUTSIDE_TRANSACTION, MYSQL_IMPLICIT_COMMIT);
    }

    @Override
    public List<Diagnostic> analyze(LintPass pass) {
        List<Diagnostic> out = new ArrayList<>();
        for (Phase phase : pass.plan().phases()) {
            if (pass.mysql()) {
                // A step that may share a transaction (DML, SET) commits nothing by itself.
                List<Step> committing = phase.steps().stream().filter(s -> !s.transactional()).toList();
                if (committing.size() > 1) {
                    out.add(MYSQL_IMPLICIT_COMMIT.at("phase " + phase.kind(), "phase " + phase.kind() + " runs "
                            + committing.size() + " DDL statements; MySQL commits after each, so a failure "
                            + "cannot roll back the ones before it", committing.get(0)));
                }
            } else if (phase.steps().stream().anyMatch(Step::transactional)) {
                phase.steps().stream().filter(s -> !s.transactional()).forEach(s -> out.add(OUTSIDE_TRANSACTION.at(
                        LintPass.locationOf(s), s.description() + " cannot run inside a transaction, so phase "
                                + phase.kind() + " is not atomic: a failure after it does not undo it", s)));
            }
        }
        return out;
    }
}
