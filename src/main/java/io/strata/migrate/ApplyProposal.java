package io.strata.migrate;

import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.plan.MigrationPlan;
import io.strata.plan.lint.Diagnostic;
import io.strata.plan.lint.Family;
import io.strata.plan.lint.LintPass;
import io.strata.plan.lint.LintSettings;
import io.strata.plan.lint.Linter;

import java.util.List;

/**
 * An ApplyProposal is a plan about to run on a target, as its {@link Approval} sees it.
 *
 * @param target     the target database, its URL without secrets
 * @param statements how many statements will run (the plan's, with its backups)
 */
public record ApplyProposal(String target, String version, MigrationPlan plan, int statements, Catalog live,
                            Catalog desired) {

    /**
     * The hazards worth a second look before the plan runs: steps that destroy data and steps that block the
     * table's writers for a time growing with its rows, as {@code strata lint} names them with its default settings.
     * Only this plan's steps count: when it is one phase, a column the CONTRACT phase drops is no hazard of EXPAND.
     */
    public List<Diagnostic> hazards() {
        LintPass pass = new LintPass(plan, live, desired, Differ.diff(live, desired));
        return Linter.lint(pass, LintSettings.DEFAULTS, List.of()).diagnostics().stream()
                .filter(d -> d.code().startsWith(Family.DESTRUCTIVE.prefix()) || d.code().startsWith(Family.LOCKING.prefix()))
                .filter(d -> d.step() != null && plan.steps().contains(d.step()))
                .toList();
    }
}
