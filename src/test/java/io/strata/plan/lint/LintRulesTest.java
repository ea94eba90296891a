package io.strata.plan.lint;

import io.strata.error.StrataException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry, the configuration of severities and the nolint comments. */
class LintRulesTest {

    private final LintRules rules = LintRules.standard();

    @Test
    void aCodeIsRegisteredOnce() {
        assertThatThrownBy(() -> new LintRules().register(DestructiveAnalyzer.DROP_TABLE)
                .register(new LintRule("DS101", Family.DESTRUCTIVE, "again")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DS101");
    }

    @Test
    void everyCodeIsDocumentedWithBadAndGoodExamples() throws Exception {
        String docs = Files.readString(Path.of("docs/lint.md"));
        for (LintRule rule : rules.all()) {
            int at = docs.indexOf("## " + rule.code());
            assertThat(at).as(rule.code() + " has a section in docs/lint.md").isNotNegative();
            int next = docs.indexOf("\n## ", at + 1);
            String section = docs.substring(at, next < 0 ? docs.length() : next);
            assertThat(section).as(rule.code()).contains("Bad:", "Good:", rule.defaultSeverity().label());
        }
    }

    @Test
    void configurationReplacesDefaultSeverities() {
        LintSettings settings = LintSettings.fromConfig(Map.of("lint", Map.of("severity",
                Map.of("DS101", "warning", "LK102", "off"))), rules);
        assertThat(settings.severities()).containsEntry("DS101", Severity.WARNING).containsEntry("LK102", Severity.OFF);
    }

    @Test
    void badConfigurationNamesTheKey() {
        assertThatThrownBy(() -> LintSettings.fromConfig(Map.of("lint", Map.of("severity", Map.of("XX999", "error"))), rules))
                .isInstanceOf(StrataException.class).hasMessageContaining("lint.severity.XX999");
        assertThatThrownBy(() -> LintSettings.fromConfig(Map.of("lint", Map.of("severity", Map.of("DS101", "loud"))), rules))
                .isInstanceOf(StrataException.class).hasMessageContaining("lint.severity.DS101");
        assertThatThrownBy(() -> LintSettings.fromConfig(Map.of("lint", Map.of("severities", Map.of())), rules))
                .isInstanceOf(StrataException.class).hasMessageContaining("lint.severities");
    }

    @Test
    void nolintSuppressesACodeEverywhereOrAtOneLocation() {
        Diagnostic note = DestructiveAnalyzer.DROP_COLUMN.at("public.orders.note", "drops", null);
        Diagnostic total = DestructiveAnalyzer.DROP_COLUMN.at("public.orders.total", "drops", null);
        Suppressions everywhere = Suppressions.parse("create table t (id int); -- strata:nolint DS102, LK101\n", "a.sql", rules);
        assertThat(everywhere.suppresses(note)).isTrue();
        assertThat(everywhere.suppresses(total)).isTrue();
        Suppressions one = Suppressions.parse("-- strata:nolint DS102 public.orders.note\n", "a.sql", rules);
        assertThat(one.suppresses(note)).isTrue();
        assertThat(one.suppresses(total)).isFalse();
        Suppressions table = Suppressions.parse("-- strata:nolint DS102 public.orders\n", "a.sql", rules);
        assertThat(table.suppresses(total)).isTrue();
        assertThatThrownBy(() -> Suppressions.parse("-- strata:nolint DS999\n", "a.sql", rules))
                .isInstanceOf(StrataException.class).hasMessageContaining("a.sql").hasMessageContaining("DS999");
    }

    @Test
    void linterAppliesSeveritiesAndSuppressionsAndSortsBySeverity() {
        LintPass pass = LintFixtures.pass(LintFixtures.catalog("postgres"), LintFixtures.catalog("postgres"), "16.4");
        Diagnostic error = DestructiveAnalyzer.DROP_TABLE.at("public.a", "drops", null);
        Diagnostic notice = TransactionalAnalyzer.OUTSIDE_TRANSACTION.at("public.b", "outside", null);
        Diagnostic silenced = LockingAnalyzer.EXCLUSIVE_SCAN.at("public.c", "scan", null);
        LintSettings settings = new LintSettings(Map.of("LK102", Severity.OFF, "TX101", Severity.ERROR), Suppressions.NONE);
        LintReport report = Linter.lint(pass, settings, List.of(notice, error, silenced));
        assertThat(report.diagnostics()).extracting(Diagnostic::code).containsExactly("TX101", "DS101");
        assertThat(report.count(Severity.ERROR)).isEqualTo(2);
        assertThat(report.failed()).isTrue();
    }
}
