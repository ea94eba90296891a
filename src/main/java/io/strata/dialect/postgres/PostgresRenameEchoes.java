package io.strata.dialect.postgres;

import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.UniqueConstraint;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.DropUnique;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;
import io.strata.model.change.SchemaChange.RenameColumn;
import io.strata.model.change.SchemaChange.RenameTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgresRenameEchoes removes the changes a rename makes by itself. PostgreSQL keeps keys, unique
 * constraints, plain indexes and foreign keys (at both ends) through {@code RENAME TABLE} and
 * {@code RENAME COLUMN}; the differ, comparing names, reports them as changed. Planning them again would
 * drop and re-add them for nothing, and in the wrong order: a foreign key re-added before the rename names
 * a table or column that does not exist yet.
 */
final class PostgresRenameEchoes {

    /** New table names by {@code schema.oldName}. */
    private final Map<String, String> tables = new HashMap<>();
    /** New column names by {@code schema.newTable}, then old column name. */
    private final Map<String, Map<String, String>> columns = new HashMap<>();

    private PostgresRenameEchoes(List<SchemaChange> changes) {
        for (SchemaChange c : changes) {
            if (c instanceof RenameTable r) {
                tables.put(r.schema() + "." + r.from().name(), r.to().name());
            } else if (c instanceof RenameColumn r) {
                columns.computeIfAbsent(r.schema() + "." + r.table(), k -> new HashMap<>()).put(r.from().name(), r.to().name());
            }
        }
    }

    /** {@code changes} without those the renames among them carry out. */
    static List<SchemaChange> without(List<SchemaChange> changes) {
        PostgresRenameEchoes echoes = new PostgresRenameEchoes(changes);
        if (echoes.tables.isEmpty() && echoes.columns.isEmpty()) {
            return changes;
        }
        Set<SchemaChange> echoed = echoes.echoed(changes);
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (!echoed.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private Set<SchemaChange> echoed(List<SchemaChange> changes) {
        Set<SchemaChange> out = new HashSet<>();
        for (SchemaChange c : changes) {
            if (c instanceof ModifyForeignKey m && renamed(m.schema(), m.table(), m.from()).equals(m.to())) {
                out.add(c);
            } else if (c instanceof ModifyIndex m && renamed(m.schema(), m.table(), m.from()).equals(m.to())) {
                out.add(c);
            } else if (c instanceof ModifyPrimaryKey m && m.from() != null && m.to() != null
                    && new PrimaryKey(m.from().name(), cols(m.schema(), m.table(), m.from().columns())).equals(m.to())) {
                out.add(c);
            } else if (c instanceof DropUnique d) {
                UniqueConstraint expected = new UniqueConstraint(d.unique().name(), cols(d.schema(), d.table(), d.unique().columns()),
                        d.unique().nullsNotDistinct());
                for (SchemaChange other : changes) {
                    if (other instanceof AddUnique a && a.schema().equals(d.schema()) && a.table().equals(d.table())
                            && a.unique().equals(expected) && !expected.equals(d.unique())) {
                        out.add(d);
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }

    private List<String> cols(String schema, String table, List<String> names) {
        Map<String, String> renames = columns.getOrDefault(schema + "." + table, Map.of());
        return names.stream().map(n -> renames.getOrDefault(n, n)).toList();
    }

    private ForeignKey renamed(String schema, String table, ForeignKey fk) {
        String refSchema = fk.refSchema() == null ? schema : fk.refSchema();
        String refTable = tables.getOrDefault(refSchema + "." + fk.refTable(), fk.refTable());
        return new ForeignKey(fk.name(), cols(schema, table, fk.columns()), fk.refSchema(), refTable,
                cols(refSchema, refTable, fk.refColumns()), fk.onUpdate(), fk.onDelete(), fk.deferrable());
    }

    /** An index with its column parts renamed; expression parts and predicates are text and stay as they are. */
    private Index renamed(String schema, String table, Index ix) {
        Map<String, String> renames = columns.getOrDefault(schema + "." + table, Map.of());
        List<IndexPart> parts = ix.parts().stream().map(p -> p.column() == null ? p
                : new IndexPart(renames.getOrDefault(p.column(), p.column()), null, p.descending(), p.opclass(),
                p.prefixLength())).toList();
        return new Index(ix.name(), parts, ix.unique(), ix.method(), ix.predicate(), cols(schema, table, ix.include()),
                ix.comment());
    }
}
