package io.strata.plan.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Linter runs every analyzer over a pass, adds the diagnostics found elsewhere (backward
 * incompatibility), then applies the configured severities and the suppressions.
 */
public final class Linter {

    static final List<Analyzer> ANALYZERS = List.of(new DestructiveAnalyzer(), new DataDependentAnalyzer(),
            new LockingAnalyzer(), new TransactionalAnalyzer());

    private Linter() {
    }

    /** The report for {@code pass}; {@code extra} diagnostics are treated like the analyzers' own. */
    public static LintReport lint(LintPass pass, LintSettings settings, List<Diagnostic> extra) {
        List<Diagnostic> found = new ArrayList<>();
        ANALYZERS.forEach(a -> found.addAll(a.analyze(pass)));
        found.addAll(extra);
        List<Diagnostic> kept = found.stream()
                .filter(d -> !settings.suppressions().suppresses(d))
                .map(d -> d.withSeverity(settings.severityOf(d)))
                .filter(d -> d.severity() != Severity.OFF)
                .sorted(Comparator.comparing(Diagnostic::severity))
                .toList();
        return new LintReport(kept);
    }
}
