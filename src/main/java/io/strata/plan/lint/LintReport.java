package io.strata.plan.lint;

import java.util.List;

/** A LintReport is the diagnostics of one run after configuration and suppressions, most severe first. */
public record LintReport(List<Diagnostic> diagnostics) {

    public LintReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    /** Whether an ERROR remains: {@code strata lint} then exits 1. */
    public boolean failed() {
        return count(Severity.ERROR) > 0;
    }
}
