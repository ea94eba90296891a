package io.strata.plan.lint;

import io.strata.model.Catalog;
import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Step;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.strata.plan.lint.LintFixtures.MYSQL;
import static io.strata.plan.lint.LintFixtures.PG;
import static io.strata.plan.lint.LintFixtures.catalog;
import static io.strata.plan.lint.LintFixtures.codes;
import static io.strata.plan.lint.LintFixtures.column;
import static io.strata.plan.lint.LintFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each data-dependent code raised by a constraint or type change on a table that already holds rows,
 * and not by the same change on a table the plan creates (it is empty).
 */
class DataDependentAnalyzerTest {

    private static final Column EMAIL = column(PG, "email", "text", true);
    private static final Table CUSTOMERS = new Table("customers", List.of(column(PG, "id", "integer", false)),
            new io.strata.model.PrimaryKey("customers_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(),
            null, java.util.Map.of(), null);

    private final DataDependentAnalyzer analyzer = new DataDependentAnalyzer();

    private static Table withUnique(Table t) {
        return new Table(t.name(), t.columns(), t.primaryKey(), List.of(new UniqueConstraint("orders_email_key",
                List.of("email"), false)), t.indexes(), t.foreignKeys(), t.checks(), null, t.options(), null);
    }

    private static Table withCheck(Table t) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), t.indexes(), t.foreignKeys(),
                List.of(new Check("orders_id_check", "(id > 0)", false)), null, t.options(), null);
    }

    private static Table withForeignKey(Table t) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), t.indexes(),
                List.of(new ForeignKey("orders_customer_fkey", List.of("customer_id"), "public", "customers",
                        List.of("id"), "NO ACTION", "NO ACTION", "NOT DEFERRABLE")), t.checks(), null, t.options(), null);
    }

    @Test
    void uniqueOnAnExistingColumnIsDD101ButOnANewTableIsNot() {
        assertThat(codes(analyzer, catalog(PG, orders(PG, EMAIL)), catalog(PG, withUnique(orders(PG, EMAIL)))))
                .containsExactly("DD101");
        assertThat(codes(analyzer, catalog(PG), catalog(PG, withUnique(orders(PG, EMAIL))))).isEmpty();
    }

    @Test
    void notNullOnAnExistingColumnIsDD102ButDroppingNotNullIsNot() {
        Catalog nullable = catalog(PG, orders(PG, EMAIL));
        Catalog required = catalog(PG, orders(PG, EMAIL.withNullable(false)));
        assertThat(codes(analyzer, nullable, required)).containsExactly("DD102");
        assertThat(codes(analyzer, required, nullable)).isEmpty();
    }

    @Test
    void checkOnAnExistingTableIsDD103ButOnANewTableIsNot() {
        assertThat(codes(analyzer, catalog(PG, orders(PG)), catalog(PG, withCheck(orders(PG))))).containsExactly("DD103");
        assertThat(codes(analyzer, catalog(PG), catalog(PG, withCheck(orders(PG))))).isEmpty();
    }

    @Test
    void foreignKeyOnAnExistingTableIsDD104ButOnANewTableIsNot() {
        Column customer = column(PG, "customer_id", "integer", true);
        assertThat(codes(analyzer, catalog(PG, CUSTOMERS, orders(PG, customer)),
                catalog(PG, CUSTOMERS, withForeignKey(orders(PG, customer))))).containsExactly("DD104");
        assertThat(codes(analyzer, catalog(PG, CUSTOMERS), catalog(PG, CUSTOMERS, withForeignKey(orders(PG, customer)))))
                .isEmpty();
    }

    @Test
    void shorteningAVarcharIsDD105ButLengtheningItIsNot() {
        Catalog longer = catalog(PG, orders(PG, column(PG, "code", "character varying(64)", true)));
        Catalog shorter = catalog(PG, orders(PG, column(PG, "code", "character varying(16)", true)));
        assertThat(codes(analyzer, longer, shorter)).containsExactly("DD105");
        assertThat(codes(analyzer, shorter, longer)).isEmpty();
    }

    @Test
    void aMySqlVarcharLongerThanTextHoldsIsDD105ButOneThatFitsIsNot() {
        // TEXT holds 65535 bytes: 16383 characters of four bytes each fit, 20000 do not.
        Catalog text = catalog(MYSQL, orders(MYSQL, column(MYSQL, "note", "text", true)));
        assertThat(codes(analyzer, catalog(MYSQL, orders(MYSQL, column(MYSQL, "note", "varchar(20000)", true))), text))
                .containsExactly("DD105");
        assertThat(codes(analyzer, catalog(MYSQL, orders(MYSQL, column(MYSQL, "note", "varchar(16383)", true))), text))
                .isEmpty();
    }

    @Test
    void requiredColumnWithoutDefaultIsDD106ButWithADefaultIsNot() {
        Column required = column(PG, "qty", "integer", false);
        assertThat(codes(analyzer, catalog(PG, orders(PG)), catalog(PG, orders(PG, required)))).containsExactly("DD106");
        assertThat(codes(analyzer, catalog(PG, orders(PG)), catalog(PG, orders(PG, required.withDefault("0")))))
                .isEmpty();
    }

    @Test
    void aForeignKeyAddedNotValidIsDD104OnlyWhereTheMigrationValidatesIt() {
        Catalog before = catalog(PG, orders(PG, column(PG, "customer_id", "integer", true)));
        for (boolean validated : new boolean[] {true, false}) {
            MigrationPlan plan = LockingAnalyzerTest.notValidThenValidate(true);
            List<Step> steps = validated ? plan.steps() : plan.steps().subList(0, 1);
            MigrationPlan file = new MigrationPlan(PG, "15.4", List.of(new Phase(PhaseKind.EXPAND, steps, null)));
            LintPass pass = new LintPass(file, before, before, List.of(steps.get(0).source()));
            assertThat(analyzer.analyze(pass)).extracting(Diagnostic::code).as("validated: " + validated)
                    .isEqualTo(validated ? List.of("DD104") : List.of());
        }
    }

    @Test
    void mySqlFillsTheRowsOfARequiredColumnSoItIsNoDD106() {
        Column required = column(MYSQL, "qty", "int", false);
        assertThat(codes(analyzer, catalog(MYSQL, orders(MYSQL)), catalog(MYSQL, orders(MYSQL, required)))).isEmpty();
    }
}
