package io.strata.compat.relational;

import io.strata.compat.Finding;
import io.strata.compat.relational.TypeFitPairs.Pair;
import io.strata.dialect.Dialects;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.ColumnTypes;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.ValueFit;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.migrate.Planner;
import io.strata.plan.Reverse;
import io.strata.plan.Step;
import io.strata.plan.lint.DataDependentAnalyzer;
import io.strata.plan.lint.DestructiveAnalyzer;
import io.strata.plan.lint.Diagnostic;
import io.strata.plan.lint.LintPass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every caller of {@link ValueFit} asked the same question, "can changing this column's type lose or refuse
 * stored values?", through its public entry point: {@code strata check} (the compatibility findings),
 * {@code strata lint} (DD105 may fail, DS104 changes values) and the dialect's planner (a change that can
 * lose values waits for CONTRACT; PostgreSQL also gives it no reverse). The table {@code shop.orders} holds
 * rows and has no primary key, so the planner changes the column in place.
 */
class TypeFitAgreementTest {

    /** Lint's type codes: DD105 (some values may fail) and DS104 (some values are rounded, cut or shifted). */
    private static final Set<String> LINT_TYPE_CODES = Set.of("DD105", "DS104");
    /** Findings that say old values may not survive the change: refused, rounded or shifted. */
    private static final Set<String> CHECK_LOSES = Set.of("COLUMN_TYPE_NARROWED", "COLUMN_TYPE_RANGE_CHANGED",
            "COLUMN_TYPE_TIME_ZONE_CHANGED", "ENUM_VALUE_REMOVED");
    /** Findings that say every old value survives. */
    private static final Set<String> CHECK_KEEPS = Set.of("COLUMN_TYPE_EQUIVALENT", "COLUMN_TYPE_WIDENED",
            "COLUMN_TYPE_REPRESENTATION_CHANGED", "ENUM_VALUE_ADDED", "ENUM_VALUES_REORDERED");
    /** Unrelated types break every client whatever the data; the finding makes no claim about the values. */
    private static final String CHECK_UNRELATED = "COLUMN_TYPE_INCOMPATIBLE";

    static List<Pair> pairs() {
        return TypeFitPairs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void checkAndLintAgreeOnWhetherValuesCanBeLostOrRefused(Pair p) {
        List<String> check = check(p);
        List<String> lint = lint(p);
        boolean lintLoses = !lint.isEmpty();
        assertThat(check).as("check codes").allMatch(c -> CHECK_LOSES.contains(c) || CHECK_KEEPS.contains(c)
                || c.equals(CHECK_UNRELATED));
        if (!check.contains(CHECK_UNRELATED)) {
            assertThat(lintLoses).as("check says %s, lint says %s", check, lint)
                    .isEqualTo(check.stream().anyMatch(CHECK_LOSES::contains));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void everyCallerAnswersAsValueFit(Pair p) {
        ValueFit fit = ValueFit.of(p.dialect(), p.from(), p.to());
        List<String> lint = lint(p);
        assertThat(check(p).contains(CHECK_UNRELATED)).as("check calls %s unrelated", fit)
                .isEqualTo(fit.reading() == ValueFit.Reading.RETYPED);
        assertThat(lint.contains("DD105")).as("lint DD105 for %s", fit).isEqualTo(fit.refuses());
        assertThat(lint.contains("DS104")).as("lint DS104 for %s", fit).isEqualTo(fit.changesSilently());
        Step step = modifyStep(plan(p));
        assertThat(phaseOf(plan(p), step)).as("planner phase for %s", fit)
                .isEqualTo(fit.lossless() ? PhaseKind.EXPAND : PhaseKind.CONTRACT);
        if (p.dialect().equals(ColumnTypes.POSTGRES)) {
            assertThat(step.reverse() instanceof Reverse.Irreversible).as("PostgreSQL reverse for %s", fit)
                    .isEqualTo(!fit.lossless());
        }
    }

    // ---- the callers, through their public entry points

    private static List<String> check(Pair p) {
        return RelationalRules.classify(p.dialect(), changes(p)).stream().map(Finding::code).toList();
    }

    private static List<String> lint(Pair p) {
        LintPass pass = new LintPass(plan(p), before(p), after(p), changes(p));
        return Stream.concat(new DataDependentAnalyzer().analyze(pass).stream(), new DestructiveAnalyzer().analyze(pass).stream())
                .map(Diagnostic::code).filter(LINT_TYPE_CODES::contains).toList();
    }

    private static MigrationPlan plan(Pair p) {
        return Planner.plan(before(p), after(p), Dialects.byName(p.dialect()), mysql(p) ? "8.0.36" : "16.4");
    }

    private static Step modifyStep(MigrationPlan plan) {
        return plan.steps().stream().filter(s -> s.source() instanceof ModifyColumn).findFirst()
                .orElseThrow(() -> new AssertionError("no step changes the column: " + plan));
    }

    private static PhaseKind phaseOf(MigrationPlan plan, Step step) {
        return plan.phases().stream().filter(ph -> ph.steps().contains(step)).map(Phase::kind).findFirst().orElseThrow();
    }

    private static List<SchemaChange> changes(Pair p) {
        return Differ.diff(before(p), after(p));
    }

    private static boolean mysql(Pair p) {
        return p.dialect().equals(ColumnTypes.MYSQL);
    }

    private static Catalog before(Pair p) {
        return catalog(p, Column.of("c", p.from(), true));
    }

    private static Catalog after(Pair p) {
        return catalog(p, Column.of("c", p.to(), true));
    }

    private static Catalog catalog(Pair p, Column c) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("id", ColumnTypes.parse(p.dialect(), mysql(p) ? "int" : "integer"), false));
        columns.add(c);
        return new Catalog(p.dialect(), "", List.of(Schema.of("shop", List.of(Table.of("orders", columns)))), List.of());
    }
}
