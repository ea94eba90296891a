package io.strata.plan.lint;

import java.util.List;

/**
 * An Analyzer is one family of lint rules: it declares its rules and finds their hazards in a pass.
 * Backward incompatibility is not an analyzer: it comes from the compatibility rules, which the plan
 * layer must not know, and is merged by the application layer.
 */
public sealed interface Analyzer permits DestructiveAnalyzer, DataDependentAnalyzer, LockingAnalyzer,
        TransactionalAnalyzer {

    /** The rules this analyzer raises. */
    List<LintRule> rules();

    /** Diagnostics at their rules' default severities, in plan order. */
    List<Diagnostic> analyze(LintPass pass);
}
