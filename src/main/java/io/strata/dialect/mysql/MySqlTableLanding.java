package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlDdlCursor.Name;
import io.strata.dialect.mysql.MySqlDefinitions.CheckDef;
import io.strata.dialect.mysql.MySqlDefinitions.ColumnDef;
import io.strata.dialect.mysql.MySqlDefinitions.Definition;
import io.strata.dialect.mysql.MySqlDefinitions.ForeignKeyDef;
import io.strata.dialect.mysql.MySqlDefinitions.IndexDef;
import io.strata.dialect.mysql.MySqlDefinitions.PrimaryKeyDef;
import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Table;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * MySqlTableLanding tells whether one live table shows what an ALTER TABLE or a CREATE TABLE makes of it.
 * An ALTER TABLE is atomic (MariaDB 10.6 and MySQL 8 even across a server crash; a client that goes away
 * never stops one half way), so it landed only when every clause shows its effect; when none does it did not,
 * and when some do and some do not, or a clause is not understood, nothing is concluded and it runs again.
 *
 * @param schema the table's database
 * @param table  the table as the inspector reads it now
 */
record MySqlTableLanding(MySqlLandingSchema live, String schema, Table table) {

    /** What one clause shows. */
    enum Shown {
        LANDED, NOT_LANDED, UNKNOWN,
        /** No visible effect of its own: ALGORITHM, LOCK, or a drop of what the same statement adds again. */
        NEUTRAL
    }

    /** A clause's verdict, and what it drops or adds (kind and name), so that a drop pairs with an add of the same thing. */
    private record Clause(Shown shown, String drops, String adds) {
        static Clause of(Shown shown) {
            return new Clause(shown, null, null);
        }

        static Clause of(boolean landed) {
            return of(landed ? Shown.LANDED : Shown.NOT_LANDED);
        }
    }

    private static final Set<String> HASH_ENGINES = Set.of("MEMORY", "HEAP");

    /** The table {@code name} as it is now; null when there is no such table. */
    static MySqlTableLanding of(MySqlLandingSchema live, Name name) throws SQLException {
        Table table = live.table(name).orElse(null);
        return table == null ? null : new MySqlTableLanding(live, live.schemaOf(name), table);
    }

    /**
     * Whether the clauses of an ALTER TABLE (the text after the table name) all show landed. Dropping and
     * adding the same index, key or column in one statement (a changed index) leaves only the added one to
     * look at: the drop shows nothing of its own.
     */
    boolean altered(String clauses) throws SQLException {
        List<Clause> read = new ArrayList<>();
        for (String text : MySqlDdlCursor.splitTopLevel(clauses)) {
            read.add(clause(new MySqlDdlCursor(text)));
        }
        Set<String> added = new HashSet<>();
        read.stream().map(Clause::adds).filter(Objects::nonNull).forEach(a -> added.add(a.toLowerCase(Locale.ROOT)));
        boolean any = false;
        for (Clause clause : read) {
            Shown shown = clause.drops() != null && added.contains(clause.drops().toLowerCase(Locale.ROOT))
                    ? Shown.NEUTRAL : clause.shown();
            if (shown == Shown.NOT_LANDED || shown == Shown.UNKNOWN) {
                return false;
            }
            any |= shown == Shown.LANDED;
        }
        return any;
    }

    /**
     * Whether the table is the one {@code body} (the parenthesised list of a CREATE TABLE) and the table options
     * left in {@code options} describe: the same columns in the same order, keys, foreign keys and checks, no more.
     */
    boolean created(String body, MySqlDdlCursor options) throws SQLException {
        List<ColumnDef> columns = new ArrayList<>();
        List<String> primaryKey = null;
        List<Index> indexes = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<CheckDef> checks = new ArrayList<>();
        for (String item : MySqlDdlCursor.splitTopLevel(body)) {
            Definition d = MySqlDefinitions.definition(new MySqlDdlCursor(item));
            List<String> key = null;
            if (d instanceof ColumnDef column && !column.first() && column.after() == null) {
                columns.add(column);
                key = column.primaryKey() ? List.of(column.column().name()) : null;
            } else if (d instanceof PrimaryKeyDef pk) {
                key = pk.columns();
            } else if (d instanceof IndexDef index) {
                indexes.add(index.index());
            } else if (d instanceof ForeignKeyDef fk) {
                foreignKeys.add(fk.key());
            } else if (d instanceof CheckDef check) {
                checks.add(check);
            } else {
                return false;
            }
            if (key != null && primaryKey != null) {
                return false;
            }
            primaryKey = key != null ? key : primaryKey;
        }
        if (table.columns().size() != columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!table.columns().get(i).name().equalsIgnoreCase(columns.get(i).column().name()) || !columnShown(columns.get(i))) {
                return false;
            }
        }
        // The server gives a foreign key without an index of its own one named after the key.
        long implicit = table.indexes().stream().filter(ix -> find(indexes, Index::name, ix.name()) == null
                && find(foreignKeys, ForeignKey::name, ix.name()) != null).count();
        return (primaryKey == null ? table.primaryKey() == null : primaryKeyShown(primaryKey))
                && table.indexes().size() == indexes.size() + implicit && indexes.stream().allMatch(this::indexShown)
                && table.foreignKeys().size() == foreignKeys.size() && allForeignKeysShown(foreignKeys)
                && table.checks().size() == checks.size() && checks.stream().allMatch(this::checkShown)
                && (options.atEnd() || options(options) == Shown.LANDED);
    }

    /** Whether the index {@code def} is there as defined. */
    boolean indexShown(Index def) {
        Index now = find(table.indexes(), Index::name, def.name());
        if (now == null || now.unique() != def.unique() || !Objects.equals(now.comment(), def.comment())
                || now.parts().size() != def.parts().size()) {
            return false;
        }
        for (int i = 0; i < def.parts().size(); i++) {
            IndexPart want = def.parts().get(i);
            IndexPart has = now.parts().get(i);
            if (has.column() == null || !has.column().equalsIgnoreCase(want.column()) || has.descending() != want.descending()
                    || !Objects.equals(has.prefixLength(), want.prefixLength())) {
                return false;
            }
        }
        String engine = table.options().getOrDefault("engine", "").toUpperCase(Locale.ROOT);
        String method = def.method() != null ? def.method() : HASH_ENGINES.contains(engine) ? "HASH" : "BTREE";
        return method.equalsIgnoreCase(now.method());
    }

    /** Whether the table has exactly these columns, in this order. */
    boolean hasColumns(List<String> names) {
        return sameNames(names, table.columns().stream().map(Column::name).toList());
    }

    boolean indexAbsent(String name) {
        return find(table.indexes(), Index::name, name) == null;
    }

    private Clause clause(MySqlDdlCursor c) throws SQLException {
        if (c.accept("ALGORITHM") || c.accept("LOCK")) {
            c.symbol('=');
            return Clause.of(c.name() != null && c.atEnd() ? Shown.NEUTRAL : Shown.UNKNOWN);
        }
        if (c.accept("ADD")) {
            return add(c);
        }
        if (c.accept("DROP")) {
            return drop(c);
        }
        if (c.accept("MODIFY")) {
            c.accept("COLUMN");
            c.accept("IF", "EXISTS");
            ColumnDef def = MySqlDefinitions.column(c);
            return def == null || def.primaryKey() ? Clause.of(Shown.UNKNOWN) : Clause.of(columnShown(def));
        }
        if (c.accept("CHANGE")) {
            c.accept("COLUMN");
            c.accept("IF", "EXISTS");
            String old = c.name();
            ColumnDef def = old == null ? null : MySqlDefinitions.column(c);
            if (def == null || def.primaryKey()) {
                return Clause.of(Shown.UNKNOWN);
            }
            boolean renamed = !old.equalsIgnoreCase(def.column().name());
            return Clause.of(columnShown(def) && (!renamed || column(old) == null));
        }
        if (c.accept("RENAME", "COLUMN")) {
            return renamed(c, this::column, Column::name);
        }
        if (c.accept("RENAME", "INDEX") || c.accept("RENAME", "KEY")) {
            return renamed(c, name -> find(table.indexes(), Index::name, name), Index::name);
        }
        if (c.accept("ALTER")) {
            return defaultChanged(c);
        }
        return Clause.of(options(c));
    }

    private Clause add(MySqlDdlCursor c) throws SQLException {
        boolean column = c.accept("COLUMN");
        c.accept("IF", "NOT", "EXISTS");
        Definition def = column ? MySqlDefinitions.column(c) : MySqlDefinitions.definition(c);
        if (def == null || def instanceof ColumnDef col && col.primaryKey()) {
            return Clause.of(Shown.UNKNOWN);
        }
        boolean shown;
        String adds;
        if (def instanceof ColumnDef col) {
            shown = columnShown(col);
            adds = "column " + col.column().name();
        } else if (def instanceof IndexDef index) {
            shown = indexShown(index.index());
            adds = "index " + index.index().name();
        } else if (def instanceof PrimaryKeyDef pk) {
            shown = primaryKeyShown(pk.columns());
            adds = "primary key";
        } else if (def instanceof ForeignKeyDef fk) {
            shown = allForeignKeysShown(List.of(fk.key()));
            adds = "foreign key " + fk.key().name();
        } else {
            CheckDef check = (CheckDef) def;
            shown = checkShown(check);
            adds = "constraint " + check.name();
        }
        return new Clause(shown ? Shown.LANDED : Shown.NOT_LANDED, null, adds);
    }

    private Clause drop(MySqlDdlCursor c) {
        if (c.accept("PRIMARY", "KEY")) {
            return dropped(c, table.primaryKey() == null, "primary key");
        }
        String kind;
        if (c.accept("FOREIGN", "KEY")) {
            kind = "foreign key";
        } else if (c.accept("INDEX") || c.accept("KEY")) {
            kind = "index";
        } else if (c.accept("CONSTRAINT") || c.accept("CHECK")) {
            kind = "constraint";
        } else {
            c.accept("COLUMN");
            kind = "column";
        }
        c.accept("IF", "EXISTS");
        String name = c.name();
        if (name == null) {
            return Clause.of(Shown.UNKNOWN);
        }
        boolean absent = switch (kind) {
            case "foreign key" -> find(table.foreignKeys(), ForeignKey::name, name) == null;
            case "index" -> indexAbsent(name);
            // DROP CONSTRAINT drops a check, a foreign key or a unique key of that name.
            case "constraint" -> find(table.checks(), Check::name, name) == null
                    && find(table.foreignKeys(), ForeignKey::name, name) == null && indexAbsent(name);
            default -> column(name) == null;
        };
        return dropped(c, absent, kind + " " + name);
    }

    private static Clause dropped(MySqlDdlCursor c, boolean absent, String what) {
        return c.atEnd() ? new Clause(absent ? Shown.LANDED : Shown.NOT_LANDED, what, null) : Clause.of(Shown.UNKNOWN);
    }

    /** RENAME COLUMN|INDEX a TO b: b is there and a is not (or, for a change of case only, b is there as written). */
    private static <T> Clause renamed(MySqlDdlCursor c, Function<String, T> lookup, Function<T, String> nameOf) {
        String from = c.name();
        String to = c.accept("TO") ? c.name() : null;
        if (from == null || to == null || !c.atEnd()) {
            return Clause.of(Shown.UNKNOWN);
        }
        T now = lookup.apply(to);
        return Clause.of(now != null && (from.equalsIgnoreCase(to) ? nameOf.apply(now).equals(to) : lookup.apply(from) == null));
    }

    /** ALTER [COLUMN] c SET DEFAULT v | DROP DEFAULT. */
    private Clause defaultChanged(MySqlDdlCursor c) {
        if (!c.accept("COLUMN") && (c.peek("INDEX") || c.peek("KEY") || c.peek("CHECK") || c.peek("CONSTRAINT"))) {
            return Clause.of(Shown.UNKNOWN);
        }
        String name = c.name();
        String expected;
        if (c.accept("SET", "DEFAULT")) {
            String value = c.value();
            if (value == null) {
                return Clause.of(Shown.UNKNOWN);
            }
            expected = MySqlDefinitions.defaultExpr(value);
        } else if (c.accept("DROP", "DEFAULT")) {
            expected = null;
        } else {
            return Clause.of(Shown.UNKNOWN);
        }
        if (name == null || !c.atEnd()) {
            return Clause.of(Shown.UNKNOWN);
        }
        Column now = column(name);
        return Clause.of(now != null && Objects.equals(now.defaultExpr(), expected));
    }

    /** Table options to the end of {@code c} (ENGINE, character set and collation, COMMENT, ROW_FORMAT); any other is UNKNOWN. */
    private Shown options(MySqlDdlCursor c) throws SQLException {
        boolean all = true;
        do {
            Boolean shown = option(c);
            if (shown == null) {
                return Shown.UNKNOWN;
            }
            all &= shown;
            c.symbol(',');
        } while (!c.atEnd());
        return all ? Shown.LANDED : Shown.NOT_LANDED;
    }

    private Boolean option(MySqlDdlCursor c) throws SQLException {
        if (c.accept("ENGINE")) {
            c.symbol('=');
            String engine = c.name();
            return engine == null ? null : engine.equalsIgnoreCase(table.options().get("engine"));
        }
        if (c.accept("COMMENT")) {
            c.symbol('=');
            String comment = c.literal();
            return comment == null ? null : Objects.equals(comment.isEmpty() ? null : comment, table.comment());
        }
        if (c.accept("ROW_FORMAT")) {
            c.symbol('=');
            String format = c.name();
            if (format == null) {
                return null;
            }
            return format.equalsIgnoreCase("DEFAULT") ? !table.options().containsKey("row_format")
                    : format.equalsIgnoreCase(table.options().get("row_format"));
        }
        c.accept("DEFAULT");
        String collation;
        if (c.accept("CHARSET") || c.accept("CHARACTER", "SET")) {
            c.symbol('=');
            String charset = c.name();
            if (charset == null) {
                return null;
            }
            if (c.accept("COLLATE")) {
                c.symbol('=');
                collation = c.name();
            } else {
                collation = live.defaultCollation(charset);
            }
        } else if (c.accept("COLLATE")) {
            c.symbol('=');
            collation = c.name();
        } else {
            return null;
        }
        return collation == null ? null : collation.equalsIgnoreCase(table.options().get("collation"));
    }

    private boolean columnShown(ColumnDef def) throws SQLException {
        Column now = column(def.column().name());
        if (now == null || !asInspected(def.column(), now.name()).equals(now)
                || !Objects.equals(def.onUpdate(), table.options().get(MySqlColumnReader.ON_UPDATE_PREFIX + now.name()))) {
            return false;
        }
        int at = table.columns().indexOf(now);
        if (def.first()) {
            return at == 0;
        }
        Column after = def.after() == null ? null : column(def.after());
        return def.after() == null || after != null && table.columns().indexOf(after) == at - 1;
    }

    /**
     * The column as the inspector reads it back: a character set or collation that is the table's default is
     * not kept, and one stated with only its character set has that set's default collation.
     */
    private Column asInspected(Column c, String name) throws SQLException {
        String tableCollation = table.options().get("collation");
        String collation = c.collation() != null ? c.collation() : c.charset() == null ? null : live.defaultCollation(c.charset());
        String charset = c.charset() != null ? c.charset() : MySqlColumnReader.charsetOf(collation);
        collation = collation == null || collation.equalsIgnoreCase(tableCollation) ? null : collation.toLowerCase(Locale.ROOT);
        if (charset != null && tableCollation != null && charset.equalsIgnoreCase(MySqlColumnReader.charsetOf(tableCollation))) {
            charset = null;
        }
        return new Column(name, c.type(), c.nullable(), c.defaultExpr(), c.identity(), c.generatedExpr(), c.generatedStored(),
                collation, charset == null ? null : charset.toLowerCase(Locale.ROOT), c.comment(), null);
    }

    private boolean primaryKeyShown(List<String> columns) {
        return table.primaryKey() != null && sameNames(columns, table.primaryKey().columns());
    }

    private boolean allForeignKeysShown(List<ForeignKey> keys) throws SQLException {
        for (ForeignKey def : keys) {
            ForeignKey now = find(table.foreignKeys(), ForeignKey::name, def.name());
            // The inspector leaves out the parent's database when it is the table's own.
            String parentSchema = def.refSchema() == null || def.refSchema().equals(schema) ? null : def.refSchema();
            if (now == null || !sameNames(def.columns(), now.columns()) || !live.sameTable(def.refTable(), now.refTable())
                    || !Objects.equals(parentSchema, now.refSchema()) || !sameNames(def.refColumns(), now.refColumns())
                    || !rule(def.onUpdate()).equals(rule(now.onUpdate())) || !rule(def.onDelete()).equals(rule(now.onDelete()))) {
                return false;
            }
        }
        return true;
    }

    /** InnoDB knows no difference between RESTRICT, NO ACTION and no rule, and MariaDB reports one as the other. */
    private static String rule(String rule) {
        return rule == null || rule.equals("NO ACTION") ? "RESTRICT" : rule;
    }

    private boolean checkShown(CheckDef def) {
        Check now = find(table.checks(), Check::name, def.name());
        return now != null && now.expression().strip().equals(def.expression());
    }

    /** Column, index and constraint names are the same in any case. */
    private Column column(String name) {
        return find(table.columns(), Column::name, name);
    }

    private static <T> T find(List<T> items, Function<T, String> nameOf, String name) {
        return items.stream().filter(i -> nameOf.apply(i).equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
