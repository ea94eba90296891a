package io.strata.compat.relational;

import io.strata.model.Column;
import io.strata.model.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.strata.compat.relational.Fixtures.generated;
import static io.strata.compat.relational.Fixtures.modify;
import static io.strata.compat.relational.Fixtures.required;
import static io.strata.compat.relational.Fixtures.withIdentity;
import static io.strata.model.change.ColumnChangeKind.DEFAULT;
import static io.strata.model.change.ColumnChangeKind.GENERATED;
import static io.strata.model.change.ColumnChangeKind.IDENTITY;
import static org.assertj.core.api.Assertions.assertThat;

/** Identity / AUTO_INCREMENT and generated (computed) columns. */
class RelationalRulesGenerationTest {

    private static final Column ID = required("id", Types.bigint());
    private static final Column SERIAL = ID.withDefault("nextval('shop.orders_id_seq'::regclass)");
    private static final Column ALWAYS = withIdentity(ID, Identity.ALWAYS);
    private static final Column BY_DEFAULT = withIdentity(ID, Identity.BY_DEFAULT);
    private static final Column TOTAL = Fixtures.nullable("total", Types.numeric(12, 2));

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg("COLUMN_IDENTITY_ADDED", modify(ID, ALWAYS, IDENTITY),
                        modify(SERIAL, ALWAYS, IDENTITY, DEFAULT)),
                RuleCase.pg("COLUMN_IDENTITY_SWITCHED", modify(SERIAL, BY_DEFAULT, IDENTITY, DEFAULT),
                        modify(ID, BY_DEFAULT, IDENTITY)),
                RuleCase.pg("COLUMN_IDENTITY_DROPPED", modify(ALWAYS, ID, IDENTITY),
                        modify(ALWAYS, SERIAL, IDENTITY, DEFAULT)),
                RuleCase.pg("COLUMN_IDENTITY_MODIFIED", modify(BY_DEFAULT, ALWAYS, IDENTITY),
                        modify(ID, ALWAYS, IDENTITY)),
                RuleCase.pg("COLUMN_MADE_GENERATED", modify(TOTAL, generated(TOTAL, "price * qty"), GENERATED),
                        modify(generated(TOTAL, "price * qty"), generated(TOTAL, "price * qty + tax"), GENERATED)),
                RuleCase.pg("COLUMN_GENERATION_DROPPED", modify(generated(TOTAL, "price * qty"), TOTAL, GENERATED),
                        modify(TOTAL, generated(TOTAL, "price * qty"), GENERATED)),
                RuleCase.pg("COLUMN_GENERATED_EXPRESSION_CHANGED",
                        modify(generated(TOTAL, "price * qty"), generated(TOTAL, "price * qty + tax"), GENERATED),
                        modify(generated(TOTAL, "price * qty"), TOTAL, GENERATED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void serialToIdentityIsOneFindingNotADroppedDefault() {
        assertThat(RuleCase.codes(Fixtures.PG, modify(SERIAL, BY_DEFAULT, IDENTITY, DEFAULT)))
                .containsExactly("COLUMN_IDENTITY_SWITCHED");
    }

    @Test
    void mysqlAutoIncrementAddedIsAnIdentity() {
        Column autoIncrement = withIdentity(required("id", Types.myInt("int", true)), Identity.AUTO_INCREMENT);

        assertThat(RuleCase.codes(Fixtures.MYSQL, modify(required("id", Types.myInt("int", true)), autoIncrement, IDENTITY)))
                .containsExactly("COLUMN_IDENTITY_ADDED");
    }
}
