package io.strata.dialect.mysql;

import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.DropColumn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MySqlCaseRenames turns a column dropped and added under the same name in another letter case ({@code Price}
 * -> {@code price}) into a rename. MySQL column names are case-insensitive: the add would fail on a duplicate
 * column, and a drop would lose the values for nothing. The differ, which compares names exactly, is asked again
 * with the rename declared, so any other difference of the column comes as its usual change.
 */
final class MySqlCaseRenames {

    private MySqlCaseRenames() {
    }

    private record Pair(DropColumn drop, AddColumn add) {
    }

    static List<SchemaChange> fold(Catalog from, Catalog to, List<SchemaChange> changes) {
        Map<String, DropColumn> drops = new HashMap<>();
        for (SchemaChange c : changes) {
            if (c instanceof DropColumn d) {
                drops.put(key(d.table(), d.column().name()), d);
            }
        }
        Map<AddColumn, Pair> pairs = new HashMap<>();
        for (SchemaChange c : changes) {
            if (c instanceof AddColumn a) {
                DropColumn d = drops.get(key(a.table(), a.column().name()));
                if (d != null && !d.column().name().equals(a.column().name())) {
                    pairs.put(a, new Pair(d, a));
                }
            }
        }
        if (pairs.isEmpty()) {
            return changes;
        }
        List<SchemaChange> declared = Differ.diff(from, hinted(to, pairs.values()));
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange c : changes) {
            Pair p = c instanceof AddColumn a ? pairs.get(a) : null;
            if (p != null) {
                declared.stream().filter(x -> (x instanceof SchemaChange.RenameColumn || x instanceof SchemaChange.ModifyColumn)
                        && ((SchemaChange.InTable) x).table().equals(p.add().table())
                        && ((SchemaChange.InTable) x).elementName().equals(p.add().column().name())).forEach(out::add);
            } else if (!(c instanceof DropColumn d && pairs.values().stream().anyMatch(x -> x.drop().equals(d)))) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code to} with each paired column saying which column it was. */
    private static Catalog hinted(Catalog to, java.util.Collection<Pair> pairs) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : to.schemas()) {
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                tables.add(t.withColumns(t.columns().stream().map(col -> pairs.stream()
                        .filter(p -> p.add().table().equals(t.name()) && p.add().column().name().equals(col.name()))
                        .findFirst().map(p -> col.withRenamedFrom(p.drop().column().name())).orElse(col)).toList()));
            }
            schemas.add(s.withTables(tables));
        }
        return to.withSchemas(schemas);
    }

    private static String key(String table, String column) {
        return table + "\u0000" + column.toLowerCase(Locale.ROOT);
    }
}
