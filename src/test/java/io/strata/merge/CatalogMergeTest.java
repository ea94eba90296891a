package io.strata.merge;

import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.SubjectFormat;
import io.strata.model.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CatalogMergeTest: tables merge by qualified name, columns and indexes by name inside a table both sides
 * altered, and the merged catalog comes back with the DDL that creates it.
 */
class CatalogMergeTest {

    private static final String PG = ColumnTypes.POSTGRES;

    private static ColumnType type(String sql) {
        return ColumnTypes.parse(PG, sql);
    }

    private static Column column(String name, String type) {
        return Column.of(name, type(type), true);
    }

    private static Table orders(Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", type("bigint"), false), column("total", "numeric(10,2)")));
        columns.addAll(Arrays.asList(extra));
        return new Table("orders", columns, new PrimaryKey("orders_pkey", List.of("id")), List.of(), List.of(),
                List.of(), List.of(), null, Map.of(), null);
    }

    private static MergeInput catalog(Table... tables) {
        return MergeInput.catalog(new Catalog(PG, "16", List.of(Schema.of("shop", List.of(tables))), List.of()), PG);
    }

    private static Table withIndex(Table table, String name, String column) {
        List<Index> indexes = new ArrayList<>(table.indexes());
        indexes.add(new Index(name, List.of(IndexPart.column(column)), false, "btree", null, List.of(), null));
        return new Table(table.name(), table.columns(), table.primaryKey(), table.uniques(), indexes, table.foreignKeys(),
                table.checks(), table.comment(), table.options(), table.renamedFrom());
    }

    private static MergeOutcome merge(MergeInput base, MergeInput ours, MergeInput theirs) {
        return SchemaMerge.merge(SubjectFormat.SQL, base, ours, theirs);
    }

    private static MergeOutcome.Merged merged(MergeOutcome outcome) {
        assertThat(outcome).isInstanceOf(MergeOutcome.Merged.class);
        return (MergeOutcome.Merged) outcome;
    }

    private static Table table(MergeOutcome.Merged merged, String name) {
        return merged.catalog().schema("shop").orElseThrow().table(name).orElseThrow();
    }

    private static List<MergeConflict> conflicts(MergeOutcome outcome) {
        assertThat(outcome).isInstanceOf(MergeOutcome.Conflicted.class);
        return ((MergeOutcome.Conflicted) outcome).conflicts();
    }

    @Test
    void aColumnOnOneSideAndATableOnTheOtherCombineIntoOneCatalogAndItsDdl() {
        Table customers = Table.of("customers", List.of(Column.of("id", type("bigint"), false), column("name", "text")));

        MergeOutcome.Merged merged = merged(merge(catalog(orders()), catalog(orders(column("note", "text"))),
                catalog(orders(), customers)));

        assertThat(table(merged, "orders").columns()).extracting(Column::name).containsExactly("id", "total", "note");
        assertThat(table(merged, "customers")).isEqualTo(customers);
        assertThat(merged.text()).contains("CREATE TABLE").contains("customers").contains("note");
    }

    @Test
    void aColumnChangedTwoWaysIsOneConflictShowingEachVersion() {
        Column notNull = Column.of("total", type("numeric(10,2)"), false);
        Column wider = column("total", "numeric(12,2)");

        List<MergeConflict> conflicts = conflicts(merge(catalog(orders()),
                catalog(orders().withColumns(List.of(orders().columns().get(0), notNull))),
                catalog(orders().withColumns(List.of(orders().columns().get(0), wider)))));

        assertThat(conflicts).containsExactly(new MergeConflict("shop.orders.total", "total numeric(10,2)",
                "total numeric(10,2) NOT NULL", "total numeric(12,2)", "changed differently on both sides"));
    }

    @Test
    void aColumnDroppedOnOneSideAndUntouchedOnTheOtherIsDropped() {
        Table withNote = orders(column("note", "text"));
        Table dropped = withNote.withColumns(withNote.columns().subList(0, 2));

        MergeOutcome.Merged merged = merged(merge(catalog(withNote), catalog(withIndex(withNote, "orders_total_idx", "total")),
                catalog(dropped)));

        assertThat(table(merged, "orders").columns()).extracting(Column::name).containsExactly("id", "total");
        assertThat(table(merged, "orders").indexes()).extracting(Index::name).containsExactly("orders_total_idx");
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        Table changed = orders(column("note", "text"));

        assertThat(table(merged(merge(catalog(orders()), catalog(changed), catalog(changed))), "orders")).isEqualTo(changed);
    }

    @Test
    void indexesAddedOnEachSideCombine() {
        Table withNote = orders(column("note", "text"));

        Table merged = table(merged(merge(catalog(withNote), catalog(withIndex(withNote, "by_total", "total")),
                catalog(withIndex(withNote, "by_note", "note")))), "orders");

        assertThat(merged.indexes()).extracting(Index::name).containsExactly("by_total", "by_note");
    }

    @Test
    void aTableDroppedOnOneSideButAlteredOnTheOtherConflicts() {
        Table customers = Table.of("customers", List.of(column("id", "bigint")));

        List<MergeConflict> conflicts = conflicts(merge(catalog(orders(), customers), catalog(customers),
                catalog(orders(column("note", "text")), customers)));

        assertThat(conflicts).extracting(MergeConflict::object, MergeConflict::ours, MergeConflict::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop.orders", null, "removed on our side, changed on theirs"));
        assertThat(conflicts.get(0).theirs()).contains("note text");
    }

    @Test
    void theSameIndexNameAddedTwoWaysConflicts() {
        List<MergeConflict> conflicts = conflicts(merge(catalog(orders(column("note", "text"))),
                catalog(withIndex(orders(column("note", "text")), "orders_idx", "total")),
                catalog(withIndex(orders(column("note", "text")), "orders_idx", "note"))));

        assertThat(conflicts).containsExactly(new MergeConflict("shop.orders index orders_idx", null,
                "INDEX orders_idx USING btree (total)", "INDEX orders_idx USING btree (note)", "added differently on both sides"));
    }
}
