package io.strata.diff;

import io.strata.model.Catalog;
import io.strata.model.Check;
import io.strata.model.Collation;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;
import io.strata.model.EnumType;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DifferTest {

    private static ColumnType type(String sql) {
        return ColumnTypes.parse("postgres", sql);
    }

    private static Column col(String name, String type, boolean nullable) {
        return Column.of(name, type(type), nullable);
    }

    private static Table orders(List<Column> columns) {
        return new Table("orders", columns, new PrimaryKey("orders_pkey", List.of("id")), List.of(),
                List.of(new Index("orders_total_idx", List.of(IndexPart.column("total")), false, "btree", null, List.of(), null)),
                List.of(), List.of(new Check("total_positive", "total > 0", false)), null, Map.of(), null);
    }

    private static Catalog catalog(Table... tables) {
        return new Catalog("postgres", "", List.of(Schema.of("public", List.of(tables))), List.of());
    }

    private static final List<Column> BASE = List.of(col("id", "bigint", false), col("total", "numeric(10,2)", true),
            col("note", "varchar(20)", true));

    @Test
    void equalCatalogsHaveNoChanges() {
        assertThat(Differ.diff(catalog(orders(BASE)), catalog(orders(BASE)))).isEmpty();
    }

    @Test
    void columnChangesAreTypedWithTheirKinds() {
        List<Column> changed = List.of(col("id", "bigint", false), col("total", "numeric(12,2)", false).withDefault("0"),
                col("placed_at", "timestamptz", true));
        List<SchemaChange> changes = Differ.diff(catalog(orders(BASE)), catalog(orders(changed)));

        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).isInstanceOf(SchemaChange.DropColumn.class);
        assertThat(changes.get(0).location()).isEqualTo("public.orders.note");
        SchemaChange.ModifyColumn modify = (SchemaChange.ModifyColumn) changes.get(1);
        assertThat(modify.kinds()).containsExactlyInAnyOrder(ColumnChangeKind.TYPE, ColumnChangeKind.NULLABILITY,
                ColumnChangeKind.DEFAULT);
        assertThat(changes.get(2)).isInstanceOf(SchemaChange.AddColumn.class);
        assertThat(changes.get(2).location()).isEqualTo("public.orders.placed_at");
    }

    @Test
    void renameWithoutHintIsDropPlusAdd() {
        List<Column> renamed = List.of(col("id", "bigint", false), col("amount", "numeric(10,2)", true),
                col("note", "varchar(20)", true));
        List<SchemaChange> changes = Differ.diff(catalog(orders(BASE)), catalog(orders(renamed)));
        assertThat(changes).extracting(c -> c.getClass().getSimpleName()).containsExactly("DropColumn", "AddColumn");
    }

    @Test
    void renameHintGivesRenameColumnAndKeepsOtherDifferences() {
        List<Column> renamed = List.of(col("id", "bigint", false),
                col("amount", "numeric(12,2)", true).withRenamedFrom("total"), col("note", "varchar(20)", true));
        List<SchemaChange> changes = Differ.diff(catalog(orders(BASE)), catalog(orders(renamed)));
        assertThat(changes).hasSize(2);
        SchemaChange.RenameColumn rename = (SchemaChange.RenameColumn) changes.get(0);
        assertThat(rename.from().name()).isEqualTo("total");
        assertThat(rename.to().name()).isEqualTo("amount");
        assertThat(((SchemaChange.ModifyColumn) changes.get(1)).kinds()).containsExactly(ColumnChangeKind.TYPE);
    }

    @Test
    void renameHintIsIgnoredWhenTheOldNameStillExists() {
        List<Column> both = List.of(col("id", "bigint", false), col("total", "numeric(10,2)", true),
                col("note", "varchar(20)", true), col("amount", "numeric(10,2)", true).withRenamedFrom("total"));
        List<SchemaChange> changes = Differ.diff(catalog(orders(BASE)), catalog(orders(both)));
        assertThat(changes).singleElement().isInstanceOf(SchemaChange.AddColumn.class);
    }

    @Test
    void tableRenameHintPairsTablesAndDiffsTheirContents() {
        Table purchases = orders(List.of(col("id", "bigint", false), col("total", "numeric(10,2)", true)));
        purchases = new Table("purchases", purchases.columns(), purchases.primaryKey(), purchases.uniques(),
                purchases.indexes(), purchases.foreignKeys(), purchases.checks(), null, Map.of(), "orders");
        List<SchemaChange> changes = Differ.diff(catalog(orders(BASE)), catalog(purchases));
        assertThat(changes).extracting(c -> c.getClass().getSimpleName()).containsExactly("RenameTable", "DropColumn");
        assertThat(changes.get(1).location()).isEqualTo("public.purchases.note");
    }

    @Test
    void constraintsAndIndexesAreComparedByNameAndDefinition() {
        Table a = orders(BASE);
        Table b = new Table("orders", BASE, new PrimaryKey("orders_pkey", List.of("id", "note")), List.of(),
                List.of(new Index("orders_total_idx", List.of(IndexPart.column("total")), true, "btree", null, List.of(), null)),
                List.of(new ForeignKey("orders_fk", List.of("id"), "public", "customers", List.of("id"),
                        "NO ACTION", "CASCADE", "NOT DEFERRABLE")),
                List.of(new Check("total_positive", "total >= 0", false)), null, Map.of(), null);
        List<SchemaChange> changes = Differ.diff(catalog(a), catalog(b));
        assertThat(changes).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("ModifyPrimaryKey", "ModifyCheck", "AddForeignKey", "ModifyIndex");
    }

    @Test
    void enumsViewsAndSchemasAreDiffed() {
        Schema a = new Schema("public", List.of(), List.of(new View("v", "SELECT 1", false, List.of("x"), null, null, List.of())),
                List.of(new EnumType("status", List.of("new", "paid"))), List.of(), null, null, null, List.of());
        Schema b = new Schema("public", List.of(), List.of(new View("v", "SELECT 2", false, List.of("x"), null, null, List.of())),
                List.of(new EnumType("status", List.of("new", "paid", "shipped"))), List.of(), null, null, null, List.of());
        Catalog from = new Catalog("postgres", "", List.of(a), List.of());
        Catalog to = new Catalog("postgres", "", List.of(b, Schema.of("audit", List.of())), List.of());
        List<SchemaChange> changes = Differ.diff(from, to);
        assertThat(changes).extracting(c -> c.getClass().getSimpleName())
                .containsExactlyInAnyOrder("ModifyEnum", "ModifyView", "AddSchema");
    }

    @Test
    void collationsAreDiffedByName() {
        Collation numeric = new Collation("numeric", "icu", "en-u-kn-true", null, null, true, null, null);
        Collation posix = new Collation("posix", "libc", null, "POSIX", "POSIX", true, null, null);
        Collation caseless = new Collation("caseless", "icu", "und-u-ks-level2", null, null, false, null, null);
        Schema a = new Schema("public", List.of(), List.of(), List.of(), List.of(), null, null, null,
                List.of(caseless, numeric, posix));
        Schema b = new Schema("public", List.of(), List.of(), List.of(), List.of(), null, null, null,
                List.of(new Collation("caseless", "icu", "und-u-ks-level1", null, null, false, null, null), numeric));
        List<SchemaChange> changes = Differ.diff(new Catalog("postgres", "", List.of(a), List.of()),
                new Catalog("postgres", "", List.of(b), List.of()));

        assertThat(changes).extracting(c -> c.getClass().getSimpleName() + " " + c.location())
                .containsExactlyInAnyOrder("ModifyCollation public.caseless", "DropCollation public.posix");
    }

    @Test
    void indexesOfAMaterializedViewAreDiffedLikeATablesAndLeaveTheViewAlone() {
        Index byId = new Index("mv_id_idx", List.of(IndexPart.column("id")), true, "btree", null, List.of(), null);
        Index byName = new Index("mv_name_idx", List.of(IndexPart.column("name")), false, "btree", null, List.of(), null);
        View before = new View("mv", "SELECT id, name FROM t", true, List.of("id", "name"), null, null, List.of(byId));
        View after = new View("mv", "SELECT id, name FROM t", true, List.of("id", "name"), null, null,
                List.of(new Index("mv_id_idx", List.of(IndexPart.column("id")), false, "btree", null, List.of(), null),
                        byName));
        Schema a = new Schema("public", List.of(), List.of(before), List.of(), List.of(), null, null, null, List.of());
        Schema b = new Schema("public", List.of(), List.of(after), List.of(), List.of(), null, null, null, List.of());
        List<SchemaChange> changes = Differ.diff(new Catalog("postgres", "", List.of(a), List.of()),
                new Catalog("postgres", "", List.of(b), List.of()));

        assertThat(changes).extracting(c -> c.getClass().getSimpleName() + " " + c.location() + " " + c.tableLocation())
                .containsExactlyInAnyOrder("ModifyIndex public.mv.mv_id_idx public.mv",
                        "AddIndex public.mv.mv_name_idx public.mv");
    }

    @Test
    void singleSchemasPairWhateverTheirNames() {
        Catalog a = new Catalog("mysql", "", List.of(Schema.of("strata_dev_1", List.of(orders(BASE)))), List.of());
        Catalog b = new Catalog("mysql", "", List.of(Schema.of("shop", List.of(orders(BASE)))), List.of());
        assertThat(Differ.diff(a, b)).isEmpty();
    }

    @Test
    void aFileThatNamesNoDatabaseIsLocatedInTheTarget() {
        List<Column> withoutNote = BASE.subList(0, 2);
        Catalog live = new Catalog("mysql", "", List.of(Schema.of("shop", List.of(orders(withoutNote)))), List.of());
        Catalog file = new Catalog("mysql", "", List.of(Schema.of("", List.of(orders(BASE)))), List.of());
        Catalog older = new Catalog("mysql", "", List.of(Schema.of("", List.of(orders(withoutNote)))), List.of());

        assertThat(Differ.diff(live, file)).extracting(SchemaChange::location).containsExactly("shop.orders.note");
        assertThat(Differ.diff(file, live)).extracting(SchemaChange::location).containsExactly("shop.orders.note");
        assertThat(Differ.diff(older, file)).extracting(SchemaChange::location, SchemaChange::tableLocation)
                .containsExactly(tuple("orders.note", "orders"));
    }

    @Test
    void columnKindsCoverEveryProperty() {
        Column a = col("c", "text", true);
        Column b = new Column("c", type("varchar(5)"), false, "'x'", null, "upper(c)", true, "C", "utf8", "note", null);
        assertThat(TableDiffer.columnKinds(a, b)).isEqualTo(Set.of(ColumnChangeKind.TYPE, ColumnChangeKind.NULLABILITY,
                ColumnChangeKind.DEFAULT, ColumnChangeKind.GENERATED, ColumnChangeKind.COLLATION, ColumnChangeKind.CHARSET,
                ColumnChangeKind.COMMENT));
    }
}
