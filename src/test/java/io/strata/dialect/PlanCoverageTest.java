package io.strata.dialect;

import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.ColumnTypes;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.TableChangeKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change the diff reports and no step of the plan carries out is refused, naming the change: otherwise
 * {@code strata diff} would show a difference that {@code strata apply} calls up to date.
 */
class PlanCoverageTest {

    private static Catalog catalog(String dialect, String schema, Table table) {
        return new Catalog(dialect, "", List.of(Schema.of(schema, List.of(table))), List.of());
    }

    @Test
    void aPostgresColumnChangeNoStepCarriesOutIsNamed() {
        Column price = Column.of("price", ColumnTypes.parse(ColumnTypes.POSTGRES, "integer"), true);
        Table orders = Table.of("orders", List.of(price));
        // PostgreSQL columns have no character set of their own: no statement changes one.
        SchemaChange change = new SchemaChange.ModifyColumn("shop", "orders", price, price, Set.of(ColumnChangeKind.CHARSET));
        assertThatThrownBy(() -> Dialects.byName("postgres").planner().plan(catalog("postgres", "shop", orders),
                catalog("postgres", "shop", orders), List.of(change), ""))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("cannot plan modify column shop.orders.price ([charset])")
                .hasMessageNotContaining("nothing to apply");
    }

    @Test
    void aMySqlTableOptionNoStepCarriesOutIsNamed() {
        Column id = Column.of("id", ColumnTypes.parse(ColumnTypes.MYSQL, "int"), false);
        Table before = Table.of("orders", List.of(id));
        Table after = new Table("orders", List.of(id), null, List.of(), List.of(), List.of(), List.of(), null,
                Map.of("stats_persistent", "1"), null);
        SchemaChange change = new SchemaChange.ModifyTable("shop", before, after, Set.of(TableChangeKind.OPTIONS));
        assertThatThrownBy(() -> Dialects.byName("mysql").planner().plan(catalog("mysql", "shop", before),
                catalog("mysql", "shop", after), List.of(change), ""))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("cannot plan modify table shop.orders ([options])");
    }

    @Test
    void aPlannedChangePasses() {
        Column price = Column.of("price", ColumnTypes.parse(ColumnTypes.POSTGRES, "integer"), true);
        Table before = Table.of("orders", List.of());
        Table after = Table.of("orders", List.of(price));
        SchemaChange change = new SchemaChange.AddColumn("shop", "orders", price);
        assertThat(Dialects.byName("postgres").planner().plan(catalog("postgres", "shop", before),
                catalog("postgres", "shop", after), List.of(change), "").steps())
                .anyMatch(s -> s.source() == change);
    }
}
