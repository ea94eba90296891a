package io.strata.plan.lint;

import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.LockImpact;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.strata.plan.lint.LintFixtures.MYSQL;
import static io.strata.plan.lint.LintFixtures.PG;
import static io.strata.plan.lint.LintFixtures.catalog;
import static io.strata.plan.lint.LintFixtures.codes;
import static io.strata.plan.lint.LintFixtures.column;
import static io.strata.plan.lint.LintFixtures.orders;
import static io.strata.plan.lint.LintFixtures.withIndex;
import static org.assertj.core.api.Assertions.assertThat;

/** Each locking code raised by a step the real planners write for a live table, and not by its safe neighbour. */
class LockingAnalyzerTest {

    private final LockingAnalyzer analyzer = new LockingAnalyzer();

    private static Table withOptions(Table t, Map<String, String> options) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), t.indexes(), t.foreignKeys(), t.checks(),
                null, options, null);
    }

    private static Table withoutKey(Table t) {
        return new Table(t.name(), t.columns(), null, t.uniques(), t.indexes(), t.foreignKeys(), t.checks(),
                null, t.options(), null);
    }

    @Test
    void aTypeChangeThatRewritesIsLK101ButABinaryCoercibleOneIsNot() {
        // Without a primary key to backfill by, the column is altered in place, which rewrites the table.
        Table keyless = withoutKey(orders(PG, column(PG, "qty", "integer", true)));
        Catalog integer = catalog(PG, keyless);
        Catalog bigint = catalog(PG, withoutKey(orders(PG, column(PG, "qty", "bigint", true))));
        assertThat(codes(analyzer, integer, bigint)).containsExactly("LK101");
        // With one, the new type goes into a second column that is backfilled in batches: nothing rewrites.
        assertThat(codes(analyzer, catalog(PG, orders(PG, column(PG, "qty", "integer", true))),
                catalog(PG, orders(PG, column(PG, "qty", "bigint", true))))).isEmpty();
        Catalog short16 = catalog(PG, orders(PG, column(PG, "code", "character varying(16)", true)));
        Catalog long64 = catalog(PG, orders(PG, column(PG, "code", "character varying(64)", true)));
        assertThat(codes(analyzer, short16, long64)).isEmpty();
    }

    @Test
    void setNotNullBeforePostgres12IsLK102ButFrom12ItIsNot() {
        Column note = column(PG, "note", "text", true);
        Catalog nullable = catalog(PG, orders(PG, note));
        Catalog required = catalog(PG, orders(PG, note.withNullable(false)));
        assertThat(codes(analyzer, nullable, required, "11.22")).containsExactly("LK102");
        assertThat(codes(analyzer, nullable, required, "16.4")).isEmpty();
    }

    @Test
    void anIndexOnAPartitionedTableIsLK103ButOnAPlainTableIsNot() {
        Column qty = column(PG, "qty", "integer", true);
        Table partitioned = withOptions(orders(PG, qty), Map.of("partition_by", "RANGE (id)"));
        assertThat(codes(analyzer, catalog(PG, partitioned), catalog(PG, withIndex(partitioned, "qty")))).containsExactly("LK103");
        assertThat(codes(analyzer, catalog(PG, orders(PG, qty)), catalog(PG, withIndex(orders(PG, qty), "qty")))).isEmpty();
    }

    /** A hand-written file's two statements: a foreign key added NOT VALID, then validated, {@code between} them. */
    static MigrationPlan notValidThenValidate(boolean validateInTheSameTransaction) {
        SchemaChange added = new SchemaChange.AddForeignKey("public", "orders",
                new ForeignKey("orders_customer_fk", List.of("customer_id"), "public", "customers", List.of("id"), null, null, null));
        Step add = new Step("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk ... NOT VALID",
                "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID",
                new Reverse.Irreversible("written by hand"), true, new LockImpact("ACCESS EXCLUSIVE", false, false), added);
        Step validate = new Step("ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk",
                "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk", new Reverse.Irreversible("written by hand"),
                validateInTheSameTransaction, new LockImpact("SHARE UPDATE EXCLUSIVE", false, true), added);
        return new MigrationPlan(PG, "15.4", List.of(new Phase(PhaseKind.EXPAND, List.of(add, validate), null)));
    }

    @Test
    void aValidationInTheTransactionOfItsNotValidStepIsLK102ButInATransactionOfItsOwnItIsNot() {
        Column customer = column(PG, "customer_id", "integer", true);
        Catalog before = catalog(PG, orders(PG, customer));
        MigrationPlan together = notValidThenValidate(true);
        List<Diagnostic> found = analyzer.analyze(new LintPass(together, before, before, List.of()));
        assertThat(found).extracting(Diagnostic::code).containsExactly("LK102");
        assertThat(found.get(0).step()).isSameAs(together.steps().get(1));
        assertThat(found.get(0).message()).contains("ACCESS EXCLUSIVE", "same transaction");
        assertThat(analyzer.analyze(new LintPass(notValidThenValidate(false), before, before, List.of()))).isEmpty();
    }

    @Test
    void aColumnAddedToAMyIsamTableIsLK104ButToAnInnoDbTableIsNot() {
        Column qty = column(MYSQL, "qty", "int", true);
        Table myisam = withOptions(orders(MYSQL), Map.of("engine", "MyISAM"));
        assertThat(codes(analyzer, catalog(MYSQL, myisam), catalog(MYSQL, withOptions(orders(MYSQL, qty),
                Map.of("engine", "MyISAM"))))).containsExactly("LK104");
        assertThat(codes(analyzer, catalog(MYSQL, orders(MYSQL)), catalog(MYSQL, orders(MYSQL, qty)))).isEmpty();
    }
}
