package io.strata.diff;

import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCheck;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.AddForeignKey;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.AddPrimaryKey;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.DropCheck;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.DropForeignKey;
import io.strata.model.change.SchemaChange.DropIndex;
import io.strata.model.change.SchemaChange.DropPrimaryKey;
import io.strata.model.change.SchemaChange.DropUnique;
import io.strata.model.change.SchemaChange.ModifyCheck;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;
import io.strata.model.change.SchemaChange.ModifyTable;
import io.strata.model.change.SchemaChange.RenameColumn;
import io.strata.model.change.TableChangeKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** TableDiffer compares two versions of one table: options, columns, keys, constraints and indexes. */
final class TableDiffer {

    private TableDiffer() {
    }

    static void diff(String schema, Table from, Table to, List<SchemaChange> out) {
        String table = to.name();
        Set<TableChangeKind> tableKinds = tableKinds(from, to);
        if (!tableKinds.isEmpty()) {
            out.add(new ModifyTable(schema, from, to, tableKinds));
        }
        diffColumns(schema, from, to, out);
        diffPrimaryKey(schema, from, to, out);
        NamedElements.diff(from.uniques(), to.uniques(), UniqueConstraint::name,
                u -> out.add(new DropUnique(schema, table, u)), u -> out.add(new AddUnique(schema, table, u)),
                // A unique constraint has no in-place alteration: a changed one is dropped and re-added.
                (a, b) -> {
                    out.add(new DropUnique(schema, table, a));
                    out.add(new AddUnique(schema, table, b));
                });
        NamedElements.diff(from.checks(), to.checks(), Check::name,
                c -> out.add(new DropCheck(schema, table, c)), c -> out.add(new AddCheck(schema, table, c)),
                (a, b) -> out.add(new ModifyCheck(schema, table, a, b)));
        NamedElements.diff(from.foreignKeys(), to.foreignKeys(), ForeignKey::name,
                f -> out.add(new DropForeignKey(schema, table, f)), f -> out.add(new AddForeignKey(schema, table, f)),
                (a, b) -> out.add(new ModifyForeignKey(schema, table, a, b)));
        diffIndexes(schema, table, from.indexes(), to.indexes(), out);
    }

    /** Compares the indexes of one relation: a table, or a materialized view (whose name goes in {@code table}). */
    static void diffIndexes(String schema, String table, List<Index> from, List<Index> to, List<SchemaChange> out) {
        NamedElements.diff(from, to, Index::name,
                i -> out.add(new DropIndex(schema, table, i)), i -> out.add(new AddIndex(schema, table, i)),
                (a, b) -> out.add(new ModifyIndex(schema, table, a, b)));
    }

    private static Set<TableChangeKind> tableKinds(Table from, Table to) {
        EnumSet<TableChangeKind> kinds = EnumSet.noneOf(TableChangeKind.class);
        if (!Objects.equals(from.comment(), to.comment())) {
            kinds.add(TableChangeKind.COMMENT);
        }
        Map<String, String> a = from.options();
        Map<String, String> b = to.options();
        if (!Objects.equals(a.get("charset"), b.get("charset"))) {
            kinds.add(TableChangeKind.CHARSET);
        }
        if (!Objects.equals(a.get("collation"), b.get("collation"))) {
            kinds.add(TableChangeKind.COLLATION);
        }
        if (!Objects.equals(a.get("engine"), b.get("engine"))) {
            kinds.add(TableChangeKind.ENGINE);
        }
        if (!withoutKnown(a).equals(withoutKnown(b))) {
            kinds.add(TableChangeKind.OPTIONS);
        }
        return kinds;
    }

    private static Map<String, String> withoutKnown(Map<String, String> options) {
        java.util.Map<String, String> copy = new java.util.TreeMap<>(options);
        copy.keySet().removeAll(Set.of("charset", "collation", "engine"));
        return copy;
    }

    private static void diffColumns(String schema, Table from, Table to, List<SchemaChange> out) {
        String table = to.name();
        Matching<Column> columns = Matching.of(from.columns(), to.columns(), Column::name, Column::renamedFrom);
        columns.dropped().forEach(c -> out.add(new DropColumn(schema, table, c)));
        for (Matching.Pair<Column> pair : columns.matched()) {
            if (pair.renamed()) {
                out.add(new RenameColumn(schema, table, pair.from(), pair.to()));
            }
            Set<ColumnChangeKind> kinds = columnKinds(pair.from(), pair.to());
            if (!kinds.isEmpty()) {
                out.add(new ModifyColumn(schema, table, pair.from(), pair.to(), kinds));
            }
        }
        columns.added().forEach(c -> out.add(new AddColumn(schema, table, c)));
    }

    static Set<ColumnChangeKind> columnKinds(Column a, Column b) {
        EnumSet<ColumnChangeKind> kinds = EnumSet.noneOf(ColumnChangeKind.class);
        if (!a.type().equals(b.type())) {
            kinds.add(ColumnChangeKind.TYPE);
        }
        if (a.nullable() != b.nullable()) {
            kinds.add(ColumnChangeKind.NULLABILITY);
        }
        if (!Objects.equals(a.defaultExpr(), b.defaultExpr())) {
            kinds.add(ColumnChangeKind.DEFAULT);
        }
        if (!Objects.equals(a.identity(), b.identity())) {
            kinds.add(ColumnChangeKind.IDENTITY);
        }
        if (!Objects.equals(a.generatedExpr(), b.generatedExpr()) || a.generatedStored() != b.generatedStored()) {
            kinds.add(ColumnChangeKind.GENERATED);
        }
        if (!Objects.equals(a.collation(), b.collation())) {
            kinds.add(ColumnChangeKind.COLLATION);
        }
        if (!Objects.equals(a.charset(), b.charset())) {
            kinds.add(ColumnChangeKind.CHARSET);
        }
        if (!Objects.equals(a.comment(), b.comment())) {
            kinds.add(ColumnChangeKind.COMMENT);
        }
        return kinds;
    }

    private static void diffPrimaryKey(String schema, Table from, Table to, List<SchemaChange> out) {
        var a = from.primaryKey();
        var b = to.primaryKey();
        if (a == null && b != null) {
            out.add(new AddPrimaryKey(schema, to.name(), b));
        } else if (a != null && b == null) {
            out.add(new DropPrimaryKey(schema, to.name(), a));
        } else if (a != null && !b.columns().equals(renamedColumns(a.columns(), to))) {
            out.add(new ModifyPrimaryKey(schema, to.name(), a, b));
        }
    }

    /** The old key's column names translated through the new table's rename hints. */
    private static List<String> renamedColumns(List<String> oldNames, Table to) {
        return oldNames.stream().map(n -> to.columns().stream()
                .filter(c -> n.equals(c.renamedFrom()) && to.column(n).isEmpty())
                .map(Column::name).findFirst().orElse(n)).toList();
    }
}
