package io.strata.compat.relational;

import io.strata.compat.CompatibilityLevel;
import io.strata.compat.Finding;
import io.strata.model.Column;
import io.strata.model.Identity;
import io.strata.model.View;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.AddView;
import io.strata.model.change.SchemaChange.ModifyView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.strata.compat.relational.Fixtures.SCHEMA;
import static io.strata.compat.relational.Fixtures.TABLE;
import static io.strata.compat.relational.Fixtures.generated;
import static io.strata.compat.relational.Fixtures.nullable;
import static io.strata.compat.relational.Fixtures.required;
import static io.strata.compat.relational.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

/** Tables, columns and views added. */
class RelationalRulesAdditionTest {

    private static final Column NOTE = nullable("note", Types.text());
    private static final Column STATUS = required("status", Types.text());
    private static final View OPEN = view("open_orders", "SELECT id FROM orders", "id");

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg("TABLE_ADDED", new AddTable(SCHEMA, Fixtures.table("refunds", NOTE)), new AddView(SCHEMA, OPEN)),
                RuleCase.pg("COLUMN_ADDED_NULLABLE", add(NOTE), add(STATUS.withDefault("'new'"))),
                RuleCase.pg("COLUMN_ADDED_WITH_DEFAULT", add(STATUS.withDefault("'new'")), add(STATUS)),
                RuleCase.pg("COLUMN_ADDED_REQUIRED", add(STATUS), add(NOTE)),
                RuleCase.pg("COLUMN_ADDED_GENERATED", add(generated(NOTE, "upper(status)")), add(NOTE)),
                RuleCase.pg("VIEW_ADDED", new AddView(SCHEMA, OPEN), new AddTable(SCHEMA, Fixtures.table("open_orders", NOTE))),
                RuleCase.pg("VIEW_COLUMN_ADDED",
                        new ModifyView(SCHEMA, OPEN, view("open_orders", "SELECT id, note FROM orders", "id", "note")),
                        new ModifyView(SCHEMA, OPEN, view("open_orders", "SELECT id FROM orders WHERE note IS NULL", "id"))));
    }

    private static AddColumn add(Column column) {
        return new AddColumn(SCHEMA, TABLE, column);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void aNullableColumnIsBackwardButNotForward() {
        Finding finding = RelationalRules.classify(Fixtures.PG, List.of(add(NOTE))).get(0);

        assertThat(finding.breaksAny(CompatibilityLevel.BACKWARD.requiredRoles())).isFalse();
        assertThat(finding.breaksAny(CompatibilityLevel.FORWARD.requiredRoles())).isTrue();
    }

    @Test
    void aNotNullColumnWithoutDefaultBreaksOldWriters() {
        Finding finding = RelationalRules.classify(Fixtures.PG, List.of(add(STATUS))).get(0);

        assertThat(finding.breaksAny(CompatibilityLevel.BACKWARD.requiredRoles())).isTrue();
        assertThat(finding.message()).isEqualTo("NOT NULL column \"shop.orders.status\" without default was added "
                + "(breaks old writer, new reader, new writer)");
    }

    @Test
    void anIdentityColumnCountsAsDefaulted() {
        Column id = Fixtures.withIdentity(required("id", Types.bigint()), Identity.ALWAYS);

        assertThat(RuleCase.codes(Fixtures.PG, add(id))).containsExactly("COLUMN_ADDED_WITH_DEFAULT");
    }
}
