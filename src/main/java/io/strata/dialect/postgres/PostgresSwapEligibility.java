package io.strata.dialect.postgres;

import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.DropIndex;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.model.change.SchemaChange.RenameColumn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgresSwapEligibility picks the column changes that {@link PostgresColumnSwap} plans online: renames,
 * and type changes that would rewrite the table, of a column that nothing but plain indexes and views
 * depend on. A column in a key, a constraint, a generated expression or an identity, or a table that is
 * new, partitioned or inherited, changes in place instead: recreating those around a second column is
 * a different recipe, and the in-place one is still correct, only not online.
 */
final class PostgresSwapEligibility {

    /** Column changes the swap carries along with the rename or type change. */
    private static final Set<ColumnChangeKind> CARRIED = EnumSet.of(ColumnChangeKind.TYPE, ColumnChangeKind.COLLATION,
            ColumnChangeKind.NULLABILITY, ColumnChangeKind.DEFAULT, ColumnChangeKind.COMMENT);

    /**
     * One column to swap.
     *
     * @param renamed  whether the column gets a new name (then both names live until CONTRACT)
     * @param lossless whether every new value converts back to the old type exactly
     * @param source   the change the steps implement: the rename, else the type change
     * @param indexes  the desired table's indexes on the column, rebuilt on the new column
     * @param claimed  the changes the swap implements, which the planner must not plan again
     */
    record Swap(String schema, String table, Column from, Column to, boolean renamed, boolean lossless,
                SchemaChange source, List<Index> indexes, Set<SchemaChange> claimed) {
    }

    private final PostgresPlanContext ctx;

    PostgresSwapEligibility(PostgresPlanContext ctx) {
        this.ctx = ctx;
    }

    /** The swaps among {@code changes}. */
    List<Swap> find(List<SchemaChange> changes) {
        Map<String, RenameColumn> renames = new LinkedHashMap<>();
        Map<String, ModifyColumn> modifies = new LinkedHashMap<>();
        for (SchemaChange c : changes) {
            if (c instanceof RenameColumn r) {
                renames.put(key(r.schema(), r.table(), r.to().name()), r);
            } else if (c instanceof ModifyColumn m) {
                modifies.put(key(m.schema(), m.table(), m.to().name()), m);
            }
        }
        Set<String> keys = new java.util.LinkedHashSet<>(renames.keySet());
        keys.addAll(modifies.keySet());
        List<Swap> out = new ArrayList<>();
        for (String k : keys) {
            RenameColumn r = renames.get(k);
            ModifyColumn m = modifies.get(k);
            Swap swap = candidate(r, m, changes);
            if (swap != null) {
                out.add(swap);
            }
        }
        return out;
    }

    private static String key(String schema, String table, String column) {
        return schema + "\u0000" + table + "\u0000" + column;
    }

    private Swap candidate(RenameColumn r, ModifyColumn m, List<SchemaChange> changes) {
        String schema = r != null ? r.schema() : m.schema();
        String table = r != null ? r.table() : m.table();
        Column from = r != null ? r.from() : m.from();
        Column to = m != null ? m.to() : r.to();
        PostgresTypeChange type = PostgresTypeChange.of(from.type(), to.type());
        if (m != null && !CARRIED.containsAll(m.kinds())) {
            return null;
        }
        if (r == null && (!m.kinds().contains(ColumnChangeKind.TYPE) || type.binaryCoercible())) {
            return null;
        }
        Table before = ctx.fromTable(schema, table).orElse(null);
        Table after = ctx.toTable(schema, table).orElse(null);
        if (before == null || after == null || !tableAllows(schema, before, after) || !columnAllows(from) || !columnAllows(to)
                || mentionedOutsideIndexes(schema, before, from.name()) || mentionedOutsideIndexes(schema, after, to.name())) {
            return null;
        }
        List<Index> indexes = after.indexes().stream().filter(ix -> mentions(ix, to.name())).toList();
        if (!indexesAllow(before, after, from.name(), to.name())) {
            return null;
        }
        Set<SchemaChange> claimed = new java.util.HashSet<>();
        if (r != null) {
            claimed.add(r);
        }
        if (m != null) {
            claimed.add(m);
        }
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.InTable t && t.schema().equals(schema) && t.table().equals(table)
                    && indexTouches(c, from.name(), to.name())) {
                claimed.add(c);
            }
        }
        boolean lossless = type.widening();
        return new Swap(schema, table, from, to, r != null, lossless, r != null ? r : m, indexes, claimed);
    }

    /** A live, plain table whose primary key stays and does not hold the column. */
    private boolean tableAllows(String schema, Table before, Table after) {
        if (ctx.isNew(schema, after.name()) || after.renamedFrom() != null || ctx.partitioned(schema, after.name())
                || before.options().containsKey("inherits") || before.options().containsKey("partition_of")) {
            return false;
        }
        if (before.primaryKey() == null || after.primaryKey() == null
                || !before.primaryKey().columns().equals(after.primaryKey().columns())) {
            return false;
        }
        String qualified = ctx.qualified(schema, before.name());
        for (Schema s : ctx.from().schemas()) {
            for (Table t : s.tables()) {
                if (PostgresObjectOrder.parents(t).contains(qualified)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A column that is not generated, not an identity, and owns no sequence (dropping it would drop that). */
    private static boolean columnAllows(Column c) {
        return c.identity() == null && c.generatedExpr() == null
                && (c.defaultExpr() == null || !c.defaultExpr().contains("nextval("));
    }

    /** Whether the key, a unique constraint, a check, a foreign key (either end) or a generated column uses it. */
    private boolean mentionedOutsideIndexes(String schema, Table t, String column) {
        if (t.primaryKey() != null && t.primaryKey().columns().contains(column)) {
            return true;
        }
        for (UniqueConstraint u : t.uniques()) {
            if (u.columns().contains(column)) {
                return true;
            }
        }
        for (Check k : t.checks()) {
            if (PostgresObjectOrder.mentions(k.expression(), column)) {
                return true;
            }
        }
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.columns().contains(column)) {
                return true;
            }
        }
        for (Column c : t.columns()) {
            if (c.generatedExpr() != null && PostgresObjectOrder.mentions(c.generatedExpr(), column)) {
                return true;
            }
        }
        for (var catalog : List.of(ctx.from(), ctx.to())) {
            for (Schema s : catalog.schemas()) {
                for (Table other : s.tables()) {
                    for (ForeignKey fk : other.foreignKeys()) {
                        String refSchema = fk.refSchema() == null ? s.name() : fk.refSchema();
                        if (refSchema.equals(schema) && fk.refTable().equals(t.name()) && fk.refColumns().contains(column)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Indexes on the column must be plain (no expression or predicate naming it), and a desired index that
     * takes an existing one's name must replace one on the old column, which goes away with that column.
     */
    private static boolean indexesAllow(Table before, Table after, String oldName, String newName) {
        for (Index ix : before.indexes()) {
            if (inExpression(ix, oldName)) {
                return false;
            }
        }
        for (Index ix : after.indexes()) {
            if (inExpression(ix, newName)) {
                return false;
            }
            boolean onColumn = mentions(ix, newName);
            Index old = before.indexes().stream().filter(o -> o.name().equals(ix.name())).findFirst().orElse(null);
            if (old != null && onColumn != mentions(old, oldName)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inExpression(Index ix, String column) {
        if (ix.predicate() != null && PostgresObjectOrder.mentions(ix.predicate(), column)) {
            return true;
        }
        return ix.parts().stream().anyMatch(p -> p.expression() != null && PostgresObjectOrder.mentions(p.expression(), column));
    }

    /** Whether an index change on the table is about an index on the swapped column (old or new side). */
    private static boolean indexTouches(SchemaChange c, String oldName, String newName) {
        if (c instanceof AddIndex a) {
            return mentions(a.index(), newName);
        }
        if (c instanceof DropIndex d) {
            return mentions(d.index(), oldName);
        }
        if (c instanceof ModifyIndex m) {
            return mentions(m.from(), oldName) || mentions(m.to(), newName);
        }
        return false;
    }

    /** Whether {@code ix} has {@code column} as a key part or an INCLUDE column. */
    static boolean mentions(Index ix, String column) {
        return ix.parts().stream().map(IndexPart::column).anyMatch(column::equals) || ix.include().contains(column);
    }
}
