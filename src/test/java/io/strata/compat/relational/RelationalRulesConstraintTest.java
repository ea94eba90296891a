package io.strata.compat.relational;

import io.strata.compat.Role;
import io.strata.model.Check;
import io.strata.model.ForeignKey;
import io.strata.model.PrimaryKey;
import io.strata.model.UniqueConstraint;
import io.strata.model.change.SchemaChange.AddCheck;
import io.strata.model.change.SchemaChange.AddForeignKey;
import io.strata.model.change.SchemaChange.AddPrimaryKey;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.DropCheck;
import io.strata.model.change.SchemaChange.DropForeignKey;
import io.strata.model.change.SchemaChange.DropPrimaryKey;
import io.strata.model.change.SchemaChange.DropUnique;
import io.strata.model.change.SchemaChange.ModifyCheck;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;

import static io.strata.compat.relational.Fixtures.SCHEMA;
import static io.strata.compat.relational.Fixtures.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

/** Primary keys, unique, check and foreign-key constraints. */
class RelationalRulesConstraintTest {

    private static final PrimaryKey PK_ID = new PrimaryKey("orders_pkey", List.of("id"));
    private static final PrimaryKey PK_TENANT_ID = new PrimaryKey("orders_pkey", List.of("tenant_id", "id"));
    private static final UniqueConstraint UNIQUE_NUMBER = new UniqueConstraint("orders_number_key", List.of("number"), false);
    private static final Check POSITIVE = new Check("orders_total_check", "total > 0", false);
    private static final Check NON_NEGATIVE = new Check("orders_total_check", "total >= 0", false);
    private static final ForeignKey TO_CUSTOMERS = new ForeignKey("orders_customer_fkey", List.of("customer_id"), SCHEMA,
            "customers", List.of("id"), "NO ACTION", "NO ACTION", "NOT DEFERRABLE");
    private static final ForeignKey TO_CUSTOMERS_CASCADE = new ForeignKey("orders_customer_fkey", List.of("customer_id"),
            SCHEMA, "customers", List.of("id"), "NO ACTION", "CASCADE", "NOT DEFERRABLE");

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg("PRIMARY_KEY_ADDED", new AddPrimaryKey(SCHEMA, TABLE, PK_ID), new AddUnique(SCHEMA, TABLE, UNIQUE_NUMBER)),
                RuleCase.pg("PRIMARY_KEY_DROPPED", new DropPrimaryKey(SCHEMA, TABLE, PK_ID), new DropUnique(SCHEMA, TABLE, UNIQUE_NUMBER)),
                RuleCase.pg("PRIMARY_KEY_CHANGED", new ModifyPrimaryKey(SCHEMA, TABLE, PK_ID, PK_TENANT_ID),
                        new AddPrimaryKey(SCHEMA, TABLE, PK_TENANT_ID)),
                RuleCase.pg("UNIQUE_ADDED", new AddUnique(SCHEMA, TABLE, UNIQUE_NUMBER), new DropUnique(SCHEMA, TABLE, UNIQUE_NUMBER)),
                RuleCase.pg("UNIQUE_DROPPED", new DropUnique(SCHEMA, TABLE, UNIQUE_NUMBER), new AddUnique(SCHEMA, TABLE, UNIQUE_NUMBER)),
                RuleCase.pg("CHECK_ADDED", new AddCheck(SCHEMA, TABLE, POSITIVE), new DropCheck(SCHEMA, TABLE, POSITIVE)),
                RuleCase.pg("CHECK_DROPPED", new DropCheck(SCHEMA, TABLE, POSITIVE), new AddCheck(SCHEMA, TABLE, POSITIVE)),
                RuleCase.pg("CHECK_MODIFIED", new ModifyCheck(SCHEMA, TABLE, NON_NEGATIVE, POSITIVE), new AddCheck(SCHEMA, TABLE, POSITIVE)),
                RuleCase.pg("FOREIGN_KEY_ADDED", new AddForeignKey(SCHEMA, TABLE, TO_CUSTOMERS),
                        new DropForeignKey(SCHEMA, TABLE, TO_CUSTOMERS)),
                RuleCase.pg("FOREIGN_KEY_DROPPED", new DropForeignKey(SCHEMA, TABLE, TO_CUSTOMERS),
                        new AddForeignKey(SCHEMA, TABLE, TO_CUSTOMERS)),
                RuleCase.pg("FOREIGN_KEY_MODIFIED", new ModifyForeignKey(SCHEMA, TABLE, TO_CUSTOMERS, TO_CUSTOMERS_CASCADE),
                        new AddForeignKey(SCHEMA, TABLE, TO_CUSTOMERS_CASCADE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void addedConstraintsBreakOldWriters() {
        var changes = List.of(new AddPrimaryKey(SCHEMA, TABLE, PK_ID), new AddUnique(SCHEMA, TABLE, UNIQUE_NUMBER),
                new AddCheck(SCHEMA, TABLE, POSITIVE), new AddForeignKey(SCHEMA, TABLE, TO_CUSTOMERS));

        assertThat(RelationalRules.classify(Fixtures.PG, List.copyOf(changes)))
                .allSatisfy(f -> assertThat(f.breaksAny(Set.of(Role.OLD_WRITER))).isTrue())
                .allSatisfy(f -> assertThat(f.why()).contains("migration"));
    }

    @Test
    void messagesNameTheConstraintAndItsColumns() {
        assertThat(RelationalRules.classify(Fixtures.PG, List.of(new AddForeignKey(SCHEMA, TABLE, TO_CUSTOMERS))).get(0).message())
                .isEqualTo("foreign key \"shop.orders.orders_customer_fkey\" (customer_id) -> shop.customers(id) was added "
                        + "(breaks old writer; data-dependent for new reader, new writer)");
    }
}
