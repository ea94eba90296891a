package io.strata.dialect.mysql;

import io.strata.model.Column;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.RenameColumn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MySqlSwapEligibility picks the column changes that {@link MySqlColumnSwap} plans online: renames (with or
 * without a type change) of a plain column, one in a table with a primary key, in no key, index, foreign key,
 * check or generated expression, and not auto-increment. The rest change in place, as before.
 */
final class MySqlSwapEligibility {

    /** Column changes the swap carries along with the rename. */
    private static final Set<ColumnChangeKind> CARRIED = EnumSet.of(ColumnChangeKind.TYPE, ColumnChangeKind.NULLABILITY,
            ColumnChangeKind.DEFAULT, ColumnChangeKind.COMMENT);

    /** One column to swap; {@code source} is the rename, else the type change. */
    record Swap(String table, Column from, Column to, boolean lossless, RenameColumn source,
                Set<SchemaChange> claimed) {
    }

    private final MySqlPlanContext ctx;

    MySqlSwapEligibility(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    /** The swaps among {@code changes}. */
    List<Swap> find(List<SchemaChange> changes) {
        Map<String, RenameColumn> renames = new LinkedHashMap<>();
        Map<String, ModifyColumn> modifies = new LinkedHashMap<>();
        Set<String> renamedTables = new HashSet<>();
        for (SchemaChange c : changes) {
            if (c instanceof RenameColumn r) {
                renames.put(r.table() + "\u0000" + r.to().name(), r);
            } else if (c instanceof ModifyColumn m) {
                modifies.put(m.table() + "\u0000" + m.to().name(), m);
            } else if (c instanceof SchemaChange.RenameTable r) {
                renamedTables.add(r.to().name());
            }
        }
        Set<String> keys = new java.util.LinkedHashSet<>(renames.keySet());
        keys.addAll(modifies.keySet());
        List<Swap> out = new ArrayList<>();
        for (String key : keys) {
            RenameColumn r = renames.get(key);
            ModifyColumn m = modifies.get(key);
            String table = r != null ? r.table() : m.table();
            Column from = r != null ? r.from() : m.from();
            Column to = m != null ? m.to() : r.to();
            if (renamedTables.contains(table) || m != null && !CARRIED.containsAll(m.kinds())) {
                continue;
            }
            Table before = ctx.fromTable(table);
            Table after = ctx.toTable(table);
            if (before == null || after == null || !plain(before, from.name()) || !plain(after, to.name())
                    || !referencedNowhere(table, from.name(), to.name())) {
                continue;
            }
            // Only renames. A type change keeps the column's name, so the application writes that name up to the
            // contract, and MySQL cannot drop the triggers, drop the old column and rename the new one in one
            // transaction: writes between those statements would be lost or fail (measured: OnlineTypeChangeBench
            // on MariaDB). A rename has no such window, since by then only the new name is in use.
            if (r == null) {
                continue;
            }
            // A rename in letter case only cannot have a second column beside the first: MySQL names are
            // case-insensitive, so the two would clash. RENAME COLUMN does it, and the application's name already works.
            if (r.from().name().equalsIgnoreCase(r.to().name())) {
                continue;
            }
            boolean lossless = m == null || !m.kinds().contains(ColumnChangeKind.TYPE)
                    || MySqlTypeChange.of(from.type(), to.type(), to.charset()) != MySqlTypeChange.NARROWING;
            Set<SchemaChange> claimed = new HashSet<>();
            claimed.add(r);
            if (m != null) {
                claimed.add(m);
            }
            out.add(new Swap(table, from, to, lossless, r, claimed));
        }
        return out;
    }

    /** A column of a keyed InnoDB table that no key, index, check or generated column uses, and not auto-increment. */
    private static boolean plain(Table t, String column) {
        Column c = t.column(column).orElse(null);
        if (c == null || c.identity() != null || c.generatedExpr() != null || t.primaryKey() == null
                || t.primaryKey().columns().contains(column)) {
            return false;
        }
        String engine = t.options().get("engine");
        if (engine != null && !engine.equalsIgnoreCase("innodb")) {
            return false;
        }
        for (Index ix : t.indexes()) {
            if (ix.parts().stream().map(IndexPart::column).anyMatch(column::equals)
                    || ix.parts().stream().anyMatch(p -> p.expression() != null && p.expression().contains(column))) {
                return false;
            }
        }
        boolean inCheck = t.checks().stream().anyMatch(k -> k.expression().contains(column));
        boolean inGenerated = t.columns().stream().anyMatch(o -> o.generatedExpr() != null && o.generatedExpr().contains(column));
        boolean inForeignKey = t.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column));
        return !inCheck && !inGenerated && !inForeignKey;
    }

    /** No foreign key of another table points at the column, before or after. */
    private boolean referencedNowhere(String table, String oldName, String newName) {
        for (Table t : ctx.from().tables()) {
            if (t.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(table) && fk.refColumns().contains(oldName))) {
                return false;
            }
        }
        for (Table t : ctx.to().tables()) {
            if (t.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(table) && fk.refColumns().contains(newName))) {
                return false;
            }
        }
        return true;
    }
}
