package io.strata.compat.relational;

import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;
import io.strata.model.Identity;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange.ModifyColumn;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fixtures build model values for rule tests: everything lives in table {@code shop.orders}. */
final class Fixtures {

    static final String PG = ColumnTypes.POSTGRES;
    static final String MYSQL = ColumnTypes.MYSQL;
    static final String SCHEMA = "shop";
    static final String TABLE = "orders";

    private Fixtures() {
    }

    /** A nullable column without default. */
    static Column nullable(String name, ColumnType type) {
        return Column.of(name, type, true);
    }

    /** A NOT NULL column without default. */
    static Column required(String name, ColumnType type) {
        return Column.of(name, type, false);
    }

    static Column textColumn(String name) {
        return nullable(name, Types.text());
    }

    static Column withIdentity(Column column, String kind) {
        return new Column(column.name(), column.type(), false, column.defaultExpr(), new Identity(kind, 1, 1),
                column.generatedExpr(), column.generatedStored(), column.collation(), column.charset(),
                column.comment(), null);
    }

    static Column generated(Column column, String expression) {
        return new Column(column.name(), column.type(), column.nullable(), null, null, expression, true,
                column.collation(), column.charset(), column.comment(), null);
    }

    static Column withCollation(Column column, String collation, String charset) {
        return new Column(column.name(), column.type(), column.nullable(), column.defaultExpr(), column.identity(),
                column.generatedExpr(), column.generatedStored(), collation, charset, column.comment(), null);
    }

    static Column withComment(Column column, String comment) {
        return new Column(column.name(), column.type(), column.nullable(), column.defaultExpr(), column.identity(),
                column.generatedExpr(), column.generatedStored(), column.collation(), column.charset(), comment, null);
    }

    static ModifyColumn modify(Column from, Column to, ColumnChangeKind... kinds) {
        return new ModifyColumn(SCHEMA, TABLE, from, to, Set.copyOf(Arrays.asList(kinds)));
    }

    /** Column {@code c} of {@code shop.orders} changing type. */
    static ModifyColumn retype(ColumnType from, ColumnType to) {
        return modify(nullable("c", from), nullable("c", to), ColumnChangeKind.TYPE);
    }

    static Table table(String name, Column... columns) {
        return Table.of(name, List.of(columns));
    }

    static Table tableWithOptions(String name, Map<String, String> options, String comment) {
        return new Table(name, List.of(nullable("id", Types.bigint())), null, List.of(), List.of(), List.of(), List.of(),
                comment, options, null);
    }

    static View view(String name, String definition, String... columns) {
        return new View(name, definition, false, List.of(columns), null, null, List.of());
    }

    static Index index(String name, boolean unique, String... columns) {
        return new Index(name, Arrays.stream(columns).map(IndexPart::column).toList(), unique, "btree", null, List.of(), null);
    }

    static Schema schema(String name) {
        return Schema.of(name, List.of());
    }

    static Sequence sequence(String name, long min, long max, long increment) {
        return new Sequence(name, "bigint", 1, increment, min, max, 1, false, null);
    }
}
