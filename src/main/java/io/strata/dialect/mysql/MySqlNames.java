package io.strata.dialect.mysql;

import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.plan.PhaseKind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MySqlNames translates the target schema's table and column names into the names that exist when a
 * step runs. Renames run at the start of the CONTRACT phase, so EXPAND steps still see the old names.
 */
final class MySqlNames {

    private final Map<String, String> oldTableNames = new HashMap<>();
    private final Map<String, Map<String, String>> oldColumnNames = new HashMap<>();

    MySqlNames(Schema to) {
        for (Table table : to.tables()) {
            if (table.renamedFrom() != null) {
                oldTableNames.put(table.name(), table.renamedFrom());
            }
            for (Column column : table.columns()) {
                if (column.renamedFrom() != null) {
                    oldColumnNames.computeIfAbsent(table.name(), t -> new HashMap<>()).put(column.name(), column.renamedFrom());
                }
            }
        }
    }

    /** Records a rename the differ reported, whatever the hints in the model say. */
    void renamedTable(String oldName, String newName) {
        oldTableNames.put(newName, oldName);
    }

    void renamedColumn(String table, String oldName, String newName) {
        oldColumnNames.computeIfAbsent(table, t -> new HashMap<>()).put(newName, oldName);
    }

    String table(PhaseKind phase, String name) {
        return phase == PhaseKind.EXPAND ? oldTableNames.getOrDefault(name, name) : name;
    }

    String column(PhaseKind phase, String table, String column) {
        return phase == PhaseKind.EXPAND ? oldColumnNames.getOrDefault(table, Map.of()).getOrDefault(column, column) : column;
    }

    List<String> columns(PhaseKind phase, String table, List<String> columns) {
        return columns.stream().map(c -> column(phase, table, c)).toList();
    }

    Index index(PhaseKind phase, String table, Index index) {
        List<IndexPart> parts = index.parts().stream().map(p -> p.column() == null ? p
                : new IndexPart(column(phase, table, p.column()), p.expression(), p.descending(), p.opclass(), p.prefixLength()))
                .toList();
        return new Index(index.name(), parts, index.unique(), index.method(), index.predicate(), index.include(), index.comment());
    }

    /** The key with its own and its referenced columns as they are named in {@code phase}; other databases are left alone. */
    ForeignKey foreignKey(PhaseKind phase, String table, ForeignKey fk) {
        boolean local = fk.refSchema() == null;
        return new ForeignKey(fk.name(), columns(phase, table, fk.columns()), fk.refSchema(),
                local ? table(phase, fk.refTable()) : fk.refTable(),
                local ? columns(phase, fk.refTable(), fk.refColumns()) : fk.refColumns(),
                fk.onUpdate(), fk.onDelete(), fk.deferrable());
    }
}
