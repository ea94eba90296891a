package io.strata.compat.relational;

import io.strata.compat.Role;
import io.strata.model.Column;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.DropView;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.SchemaChange.RenameColumn;
import io.strata.model.change.SchemaChange.RenameTable;
import io.strata.model.change.SchemaChange.RenameView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;

import static io.strata.compat.relational.Fixtures.SCHEMA;
import static io.strata.compat.relational.Fixtures.TABLE;
import static io.strata.compat.relational.Fixtures.generated;
import static io.strata.compat.relational.Fixtures.nullable;
import static io.strata.compat.relational.Fixtures.required;
import static io.strata.compat.relational.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

/** Tables, columns and views dropped or renamed. */
class RelationalRulesDropRenameTest {

    private static final Column TOTAL = nullable("total", Types.numeric(12, 2));
    private static final Column REQUIRED_TOTAL = required("total", Types.numeric(12, 2));
    private static final Column AMOUNT = nullable("amount", Types.numeric(12, 2)).withRenamedFrom("total");
    private static final Table ORDERS = Fixtures.table(TABLE, TOTAL);
    private static final Table PURCHASES = Fixtures.table("purchases", TOTAL).withRenamedFrom(TABLE);
    private static final View OPEN = view("open_orders", "SELECT id, total FROM orders", "id", "total");
    private static final View PENDING = new View("pending_orders", OPEN.definition(), false, OPEN.columns(), null, "open_orders",
            List.of());

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg("TABLE_DROPPED", new DropTable(SCHEMA, ORDERS), new RenameTable(SCHEMA, ORDERS, PURCHASES)),
                RuleCase.pg("TABLE_RENAMED", new RenameTable(SCHEMA, ORDERS, PURCHASES), new DropTable(SCHEMA, ORDERS)),
                RuleCase.pg("COLUMN_DROPPED", new DropColumn(SCHEMA, TABLE, TOTAL), new DropColumn(SCHEMA, TABLE, REQUIRED_TOTAL)),
                RuleCase.pg("COLUMN_DROPPED_REQUIRED", new DropColumn(SCHEMA, TABLE, REQUIRED_TOTAL),
                        new DropColumn(SCHEMA, TABLE, REQUIRED_TOTAL.withDefault("0"))),
                RuleCase.pg("COLUMN_DROPPED_GENERATED", new DropColumn(SCHEMA, TABLE, generated(TOTAL, "price * qty")),
                        new DropColumn(SCHEMA, TABLE, TOTAL)),
                RuleCase.pg("COLUMN_RENAMED", new RenameColumn(SCHEMA, TABLE, TOTAL, AMOUNT), new DropColumn(SCHEMA, TABLE, TOTAL)),
                RuleCase.pg("VIEW_DROPPED", new DropView(SCHEMA, OPEN), new RenameView(SCHEMA, OPEN, PENDING)),
                RuleCase.pg("VIEW_RENAMED", new RenameView(SCHEMA, OPEN, PENDING), new DropView(SCHEMA, OPEN)),
                RuleCase.pg("VIEW_COLUMN_REMOVED",
                        new ModifyView(SCHEMA, OPEN, view("open_orders", "SELECT id FROM orders", "id")),
                        new ModifyView(SCHEMA, OPEN, view("open_orders", "SELECT id, total, tax FROM orders", "id", "total", "tax"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void droppingAColumnBreaksOldReadersAndWriters() {
        var finding = RelationalRules.classify(Fixtures.PG, List.of(new DropColumn(SCHEMA, TABLE, TOTAL))).get(0);

        assertThat(finding.breaks()).containsExactly(Role.OLD_READER, Role.OLD_WRITER);
        assertThat(finding.message()).isEqualTo("column \"shop.orders.total\" was dropped (breaks old reader, old writer)");
    }

    @Test
    void droppingANotNullColumnWithoutDefaultAlsoBreaksNewWriters() {
        var finding = RelationalRules.classify(Fixtures.PG, List.of(new DropColumn(SCHEMA, TABLE, REQUIRED_TOTAL))).get(0);

        assertThat(finding.breaks()).containsExactly(Role.OLD_READER, Role.OLD_WRITER, Role.NEW_WRITER);
    }

    @Test
    void renamingBreaksEverybody() {
        var finding = RelationalRules.classify(Fixtures.PG, List.of(new RenameColumn(SCHEMA, TABLE, TOTAL, AMOUNT))).get(0);

        assertThat(finding.breaks()).isEqualTo(EnumSet.allOf(Role.class));
        assertThat(finding.message()).startsWith("column \"shop.orders.total\" was renamed to \"shop.orders.amount\"");
        assertThat(finding.recipe()).contains("Expand/contract");
    }
}
