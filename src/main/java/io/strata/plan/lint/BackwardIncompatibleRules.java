package io.strata.plan.lint;

import java.util.List;

/**
 * BackwardIncompatibleRules are the codes of the changes that break the application versions still
 * running against the new schema (old readers, old writers). They are raised by the application layer
 * from the compatibility findings, since the plan layer does not know the compatibility rules.
 */
public final class BackwardIncompatibleRules {

    public static final LintRule DROPPED = new LintRule("BC101", Family.BACKWARD_INCOMPATIBLE,
            "object dropped while old clients use it");
    public static final LintRule RENAMED = new LintRule("BC102", Family.BACKWARD_INCOMPATIBLE,
            "object renamed in one step");
    public static final LintRule REQUIRED_FOR_OLD_WRITERS = new LintRule("BC103", Family.BACKWARD_INCOMPATIBLE,
            "value old writers do not supply is now required");
    public static final LintRule TYPE_CHANGED = new LintRule("BC104", Family.BACKWARD_INCOMPATIBLE,
            "column type old clients cannot use");
    public static final LintRule OTHER = new LintRule("BC105", Family.BACKWARD_INCOMPATIBLE,
            "other change that breaks old clients");

    private BackwardIncompatibleRules() {
    }

    public static List<LintRule> rules() {
        return List.of(DROPPED, RENAMED, REQUIRED_FOR_OLD_WRITERS, TYPE_CHANGED, OTHER);
    }
}
