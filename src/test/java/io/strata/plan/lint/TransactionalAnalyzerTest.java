package io.strata.plan.lint;

import io.strata.model.Column;
import io.strata.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.strata.plan.lint.LintFixtures.MYSQL;
import static io.strata.plan.lint.LintFixtures.PG;
import static io.strata.plan.lint.LintFixtures.catalog;
import static io.strata.plan.lint.LintFixtures.codes;
import static io.strata.plan.lint.LintFixtures.column;
import static io.strata.plan.lint.LintFixtures.orders;
import static io.strata.plan.lint.LintFixtures.withIndex;
import static org.assertj.core.api.Assertions.assertThat;

/** Each transactional code raised by a phase that cannot be atomic, and not by a phase that can. */
class TransactionalAnalyzerTest {

    private final TransactionalAnalyzer analyzer = new TransactionalAnalyzer();

    @Test
    void aConcurrentIndexBesideATransactionalStepIsTX101ButAloneItIsNot() {
        Column note = column(PG, "note", "text", true);
        assertThat(codes(analyzer, catalog(PG, orders(PG)), catalog(PG, withIndex(orders(PG, note), "id"))))
                .containsExactly("TX101");
        assertThat(codes(analyzer, catalog(PG, orders(PG)), catalog(PG, withIndex(orders(PG), "id")))).isEmpty();
    }

    @Test
    void twoMySqlStatementsInAPhaseAreTX102ButOneIsNot() {
        Column qty = column(MYSQL, "qty", "int", true);
        Table other = new Table("customers", List.of(column(MYSQL, "id", "int", false)), null, List.of(), List.of(),
                List.of(), List.of(), null, java.util.Map.of("engine", "InnoDB"), null);
        assertThat(codes(analyzer, catalog(MYSQL, orders(MYSQL)), catalog(MYSQL, other, orders(MYSQL, qty))))
                .containsExactly("TX102");
        assertThat(codes(analyzer, catalog(MYSQL, orders(MYSQL)), catalog(MYSQL, orders(MYSQL, qty)))).isEmpty();
    }
}
