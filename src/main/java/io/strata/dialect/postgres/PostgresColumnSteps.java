package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.Identity;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.RenameColumn;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE_REWRITE;
import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE_SCAN;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/** PostgresColumnSteps writes the steps that add, drop, rename and alter columns of existing tables. */
final class PostgresColumnSteps {

    /** Defaults evaluated per row: adding a column with one makes PostgreSQL fill every existing row. */
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(now|random|nextval|gen_random_uuid|uuid_generate_v[14]"
            + "|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|txid_current)\\s*\\(");

    private final PostgresPlanContext ctx;
    private final PostgresConstraintSteps constraints;
    private final PostgresObjectSteps objects;

    PostgresColumnSteps(PostgresPlanContext ctx, PostgresConstraintSteps constraints, PostgresObjectSteps objects) {
        this.ctx = ctx;
        this.constraints = constraints;
        this.objects = objects;
    }

    static boolean volatileDefault(String expr) {
        return expr != null && VOLATILE.matcher(expr).find();
    }

    private String alterColumn(String schema, String table, String column, String clause) {
        return ctx.clauses().alterColumn(schema, table, column, clause);
    }

    private String columnName(String schema, String table, String column) {
        return ctx.qualified(schema, table) + "." + ctx.ident(column);
    }

    /**
     * Adds a column. A volatile default on a nullable column is set in a second step: the column is added
     * without it, so existing rows stay NULL instead of PostgreSQL rewriting the table to compute a value
     * per row (before PostgreSQL 11 any default rewrote it). A NOT NULL column without default on a live
     * table is added nullable and made NOT NULL in CONTRACT through a validated check: the plan cannot invent
     * a value for existing rows, so the new clients (or a migration file) write them in between, and the lint
     * flags it.
     */
    void addColumn(AddColumn c) {
        if (inheritedFromParent(c.schema(), c.table(), c.column().name(), true)) {
            ctx.order().carried(c);
            return;
        }
        Column col = c.column();
        String drop = ctx.clauses().dropColumn(c.schema(), c.table(), col.name());
        boolean split = col.nullable() && col.identity() == null && col.generatedExpr() == null
                && volatileDefault(col.defaultExpr());
        // Required, with nothing to fill existing rows: old clients do not write it and existing rows have no
        // value, so it arrives nullable and becomes NOT NULL in CONTRACT, once the new clients fill it.
        boolean required = !col.nullable() && col.defaultExpr() == null && col.identity() == null
                && col.generatedExpr() == null && !ctx.isNew(c.schema(), c.table()) && !ctx.partitioned(c.schema(), c.table());
        Column added = split ? col.withDefault(null) : required ? col.withNullable(true) : col;
        boolean rewrite = col.identity() != null || col.generatedExpr() != null
                || (added.defaultExpr() != null && (ctx.major() < 11 || volatileDefault(added.defaultExpr())));
        List<Step> out = new ArrayList<>();
        out.add(step("add column " + columnName(c.schema(), c.table(), col.name()),
                ctx.clauses().addColumn(c.schema(), c.table(), ctx.tables().column(added)), undo(drop),
                rewrite ? ACCESS_EXCLUSIVE_REWRITE : ACCESS_EXCLUSIVE, c));
        if (split) {
            out.add(setDefault(c, c.schema(), c.table(), col.name(), null, col.defaultExpr()));
        }
        ctx.order().add(ctx.expand(c), Slot.COLUMN_ADD, out);
        if (required) {
            ModifyColumn tighten = new ModifyColumn(c.schema(), c.table(), added, col, Set.of(ColumnChangeKind.NULLABILITY));
            ctx.order().add(PhaseKind.CONTRACT, Slot.COLUMN_ALTER, setNotNull(tighten, c.schema(), c.table(), col.name()));
            ctx.order().deployNote("writes " + c.location() + " on every insert (and existing rows hold a value for it)");
        }
        if (col.comment() != null) {
            ctx.order().add(ctx.expand(c), Slot.COMMENT, List.of(objects.comment(c,
                    "COLUMN " + columnName(c.schema(), c.table(), col.name()), null, col.comment())));
        }
    }

    /**
     * Whether the column comes from a parent that gets (or loses) it in the same plan: PostgreSQL adds it to
     * partitions and children itself, and refuses to add it twice.
     */
    private boolean inheritedFromParent(String schema, String table, String column, boolean adding) {
        Table t = adding ? ctx.toTable(schema, table).orElse(null) : ctx.fromTable(schema, table).orElse(null);
        if (t == null) {
            return false;
        }
        for (String parent : PostgresObjectOrder.parents(t)) {
            for (var s : (adding ? ctx.to() : ctx.from()).schemas()) {
                for (Table p : s.tables()) {
                    if (ctx.qualified(s.name(), p.name()).equals(parent) && p.column(column).isPresent()) {
                        Table other = adding ? ctx.fromTable(s.name(), p.name()).orElse(null)
                                : ctx.toTable(s.name(), p.name()).orElse(null);
                        if (other == null || other.column(column).isEmpty()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Drops a column in CONTRACT: its values are lost, so the step cannot be undone from the schema. */
    void dropColumn(DropColumn c) {
        if (inheritedFromParent(c.schema(), c.table(), c.column().name(), false)) {
            ctx.order().carried(c);
            return;
        }
        String name = columnName(c.schema(), c.table(), c.column().name());
        // ONLY keeps the column in inheriting children that still have it, as their own.
        String drop = childKeeps(c) ? ctx.clauses().dropColumnOnly(c.schema(), c.table(), c.column().name())
                : ctx.clauses().dropColumn(c.schema(), c.table(), c.column().name());
        ctx.order().add(PhaseKind.CONTRACT, Slot.COLUMN_DROP, List.of(step("drop column " + name, drop,
                new Reverse.Irreversible("dropping column " + c.location() + " loses its values"), ACCESS_EXCLUSIVE, c)));
        ctx.order().deployNote("no longer reads or writes " + c.location());
    }

    private boolean childKeeps(DropColumn c) {
        String parent = ctx.qualified(c.schema(), c.table());
        for (var s : ctx.to().schemas()) {
            for (Table t : s.tables()) {
                if (t.options().get("inherits") != null && PostgresObjectOrder.parents(t).contains(parent)
                        && t.column(c.column().name()).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Renames a column in CONTRACT, undone by renaming it back. The online form (a new column kept in step
     * with the old one by triggers until every client has moved) is the later expand/contract recipe.
     */
    void renameColumn(RenameColumn c) {
        ctx.order().add(PhaseKind.CONTRACT, Slot.RENAME, 1, List.of(step("rename column "
                        + columnName(c.schema(), c.table(), c.from().name()) + " to " + ctx.ident(c.to().name()),
                ctx.clauses().renameColumn(c.schema(), c.table(), c.from().name(), c.to().name()),
                undo(ctx.clauses().renameColumn(c.schema(), c.table(), c.to().name(), c.from().name())),
                ACCESS_EXCLUSIVE, c)));
        ctx.order().deployNote("uses column " + c.location() + " instead of " + c.from().name());
    }

    /**
     * Alters a column in place. Narrowing or incompatible type changes and SET NOT NULL break clients of the
     * old schema, so they and the column's other changes go to CONTRACT; the rest is EXPAND.
     */
    void modifyColumn(ModifyColumn c) {
        Column a = c.from();
        Column b = c.to();
        boolean typeChange = c.kinds().contains(ColumnChangeKind.TYPE) || c.kinds().contains(ColumnChangeKind.COLLATION);
        PostgresTypeChange type = PostgresTypeChange.of(a.type(), b.type());
        boolean setNotNull = setsNotNull(c);
        if (a.nullable() && !b.nullable() && !setNotNull) {
            ctx.order().carried(c);
        }
        PhaseKind phase = phase(c);
        if (typeChange && !type.widening()) {
            ctx.order().deployNote("writes only values of type " + b.type().sql() + " to " + c.location());
        }
        if (setNotNull) {
            ctx.order().deployNote("always writes " + c.location());
        }
        String schema = c.schema();
        String table = c.table();
        String col = b.name();
        List<Step> out = new ArrayList<>();
        boolean resetDefault = a.defaultExpr() != null
                && (c.kinds().contains(ColumnChangeKind.TYPE) || (a.identity() == null && b.identity() != null));
        if (resetDefault) {
            // The old default may not cast to the new type, and an identity needs the column without one:
            // it is dropped first and the new one set after.
            out.add(setDefault(c, schema, table, col, a.defaultExpr(), null));
        }
        if (a.identity() != null && b.identity() == null) {
            out.add(step("drop identity of " + columnName(schema, table, col), alterColumn(schema, table, col, "DROP IDENTITY"),
                    undo(alterColumn(schema, table, col, addIdentity(a.identity()))), ACCESS_EXCLUSIVE, c));
        }
        if (typeChange) {
            out.add(alterType(c, a, b, type));
        }
        if (!a.nullable() && b.nullable()) {
            out.add(step("drop not null of " + columnName(schema, table, col), alterColumn(schema, table, col, "DROP NOT NULL"),
                    undo(alterColumn(schema, table, col, "SET NOT NULL")), ACCESS_EXCLUSIVE, c));
        }
        if (setNotNull) {
            out.addAll(setNotNull(c, schema, table, col));
        }
        if (a.identity() == null && b.identity() != null) {
            out.add(step("add identity to " + columnName(schema, table, col), alterColumn(schema, table, col, addIdentity(b.identity())),
                    undo(alterColumn(schema, table, col, "DROP IDENTITY")), ACCESS_EXCLUSIVE, c));
        } else if (a.identity() != null && b.identity() != null && !a.identity().equals(b.identity())) {
            out.add(step("change identity of " + columnName(schema, table, col), alterColumn(schema, table, col, setIdentity(b.identity())),
                    undo(alterColumn(schema, table, col, setIdentity(a.identity()))), ACCESS_EXCLUSIVE, c));
        }
        if (resetDefault ? b.defaultExpr() != null : c.kinds().contains(ColumnChangeKind.DEFAULT)) {
            out.add(setDefault(c, schema, table, col, resetDefault ? null : a.defaultExpr(), b.defaultExpr()));
        }
        if (c.kinds().contains(ColumnChangeKind.GENERATED)) {
            out.addAll(generated(c, a, b));
        }
        ctx.order().add(phase, Slot.COLUMN_ALTER, out);
        if (c.kinds().contains(ColumnChangeKind.COMMENT)) {
            ctx.order().add(phase, Slot.COMMENT, List.of(objects.comment(c, "COLUMN " + columnName(schema, table, col),
                    a.comment(), b.comment())));
        }
    }

    /** The phase of a column change: EXPAND (or CONTRACT after a rename), unless it narrows the type or sets NOT NULL. */
    PhaseKind phase(ModifyColumn c) {
        boolean typeChange = c.kinds().contains(ColumnChangeKind.TYPE) || c.kinds().contains(ColumnChangeKind.COLLATION);
        boolean narrowing = typeChange && !PostgresTypeChange.of(c.from().type(), c.to().type()).widening();
        return narrowing || setsNotNull(c) ? PhaseKind.CONTRACT : ctx.expand(c);
    }

    /** Whether the change needs SET NOT NULL: not when a new primary key on the column sets it anyway. */
    private boolean setsNotNull(ModifyColumn c) {
        if (!c.from().nullable() || c.to().nullable()) {
            return false;
        }
        Table before = ctx.fromTable(c.schema(), c.table()).orElse(null);
        Table after = ctx.toTable(c.schema(), c.table()).orElse(null);
        boolean keyAfter = after != null && after.primaryKey() != null && after.primaryKey().columns().contains(c.to().name());
        boolean keyBefore = before != null && before.primaryKey() != null && before.primaryKey().columns().contains(c.from().name());
        return !keyAfter || keyBefore;
    }

    private String addIdentity(Identity id) {
        return "ADD GENERATED " + (Identity.ALWAYS.equals(id.kind()) ? "ALWAYS" : "BY DEFAULT")
                + " AS IDENTITY (" + PostgresTableRenderer.identityOptions(id) + ")";
    }

    private String setIdentity(Identity id) {
        return "SET GENERATED " + (Identity.ALWAYS.equals(id.kind()) ? "ALWAYS" : "BY DEFAULT")
                + " " + PostgresTableRenderer.setIdentityOptions(id);
    }

    private Step setDefault(SchemaChange c, String schema, String table, String col, String before, String after) {
        String set = alterColumn(schema, table, col, after == null ? "DROP DEFAULT" : "SET DEFAULT " + after);
        String back = alterColumn(schema, table, col, before == null ? "DROP DEFAULT" : "SET DEFAULT " + before);
        return step((after == null ? "drop default of " : "set default of ") + columnName(schema, table, col), set,
                undo(back), ACCESS_EXCLUSIVE, c);
    }

    /**
     * TYPE ... USING: enum values cast through text, since one enum type does not cast to another; between string
     * types no cast at all (see {@link #converted}).
     */
    private String typeClause(Column col, ColumnType previous, boolean collationChanged) {
        String type = ctx.tables().typeSql(col.type());
        String collate = col.collation() != null
                ? " COLLATE " + (col.collation().startsWith("\"") ? col.collation() : ctx.ident(col.collation()))
                : collationChanged ? " COLLATE \"default\"" : "";
        return "TYPE " + type + collate + " USING " + converted(ctx.ident(col.name()), previous, col.type(), type);
    }

    /**
     * {@code expr} of type {@code from} as a value of {@code to} (written {@code toSql}). Between string types the value
     * is left to the column's assignment, which refuses a value that does not fit ("value too long"); an explicit cast
     * to {@code varchar(n)} or {@code char(n)} would cut it silently. Enum values go through text.
     */
    static String converted(String expr, ColumnType from, ColumnType to, String toSql) {
        if (from instanceof ColumnType.StringType && to instanceof ColumnType.StringType) {
            return expr;
        }
        boolean viaText = to instanceof ColumnType.EnumRef || from instanceof ColumnType.EnumRef;
        return expr + (viaText ? "::text" : "") + "::" + toSql;
    }

    /**
     * ALTER COLUMN TYPE with a USING cast. Binary-coercible widenings (varchar(n) to varchar(m > n) or
     * text, numeric precision up at the same scale) only update the catalog; the others rewrite the table.
     * A widening is undone by the opposite change; a narrowing may round or reject values, so it is not.
     */
    private Step alterType(ModifyColumn c, Column a, Column b, PostgresTypeChange type) {
        boolean collation = c.kinds().contains(ColumnChangeKind.COLLATION);
        Reverse reverse = type.widening() ? undo(alterColumn(c.schema(), c.table(), b.name(), typeClause(a, b.type(), collation)))
                : new Reverse.Irreversible("changing " + c.location() + " from " + a.type().sql() + " to "
                + b.type().sql() + " may round, truncate or reject its values");
        return step("change type of " + columnName(c.schema(), c.table(), b.name()) + " to " + b.type().sql(),
                alterColumn(c.schema(), c.table(), b.name(), typeClause(b, a.type(), collation)), reverse,
                type.binaryCoercible() ? ACCESS_EXCLUSIVE : ACCESS_EXCLUSIVE_REWRITE, c);
    }

    /**
     * SET NOT NULL on a live column. From PostgreSQL 12 a validated {@code IS NOT NULL} check lets SET NOT NULL
     * skip its scan, so the scan runs in VALIDATE, which does not block writers; the check is dropped after.
     */
    private List<Step> setNotNull(ModifyColumn c, String schema, String table, String col) {
        Step set = step("set not null on " + columnName(schema, table, col), alterColumn(schema, table, col, "SET NOT NULL"),
                undo(alterColumn(schema, table, col, "DROP NOT NULL")),
                ctx.major() >= 12 && online(schema, table) ? ACCESS_EXCLUSIVE : ACCESS_EXCLUSIVE_SCAN, c);
        if (ctx.major() < 12 || !online(schema, table)) {
            return List.of(set);
        }
        Table t = ctx.table(schema, table);
        Check check = constraints.notNullCheck(t, col);
        List<Step> out = new ArrayList<>(constraints.addCheck(c, schema, table, check));
        out.add(set);
        String dropCheck = ctx.clauses().dropConstraint(schema, table, check.name());
        out.add(step("drop the helper check " + ctx.ident(check.name()), dropCheck,
                undo(ctx.clauses().addConstraint(schema, table, ctx.clauses().check(check) + " NOT VALID")), ACCESS_EXCLUSIVE, c));
        return out;
    }

    private boolean online(String schema, String table) {
        return !ctx.isNew(schema, table) && !ctx.partitioned(schema, table);
    }

    /**
     * A changed generation expression: PostgreSQL 17 sets it in place; before that, and to make a plain column
     * generated, the column is dropped and added again, which moves it to the end of the table.
     */
    private List<Step> generated(ModifyColumn c, Column a, Column b) {
        String schema = c.schema();
        String table = c.table();
        if (a.generatedExpr() != null && b.generatedExpr() != null && ctx.major() >= 17) {
            return List.of(step("change expression of " + c.location(),
                    alterColumn(schema, table, b.name(), "SET EXPRESSION AS (" + b.generatedExpr() + ")"),
                    undo(alterColumn(schema, table, b.name(), "SET EXPRESSION AS (" + a.generatedExpr() + ")")),
                    ACCESS_EXCLUSIVE_REWRITE, c));
        }
        if (a.generatedExpr() != null && b.generatedExpr() == null && ctx.major() >= 13) {
            return List.of(step("stop generating " + c.location(), alterColumn(schema, table, b.name(), "DROP EXPRESSION"),
                    new Reverse.Irreversible("column " + c.location() + " cannot become generated again in place"),
                    ACCESS_EXCLUSIVE, c));
        }
        return List.of(
                step("drop column " + c.location() + " to change how it is generated", ctx.clauses().dropColumn(schema, table, a.name()),
                        new Reverse.Irreversible("dropping column " + c.location() + " loses its values"), ACCESS_EXCLUSIVE, c),
                step("add column " + c.location() + " back", ctx.clauses().addColumn(schema, table, ctx.tables().column(b)),
                        undo(ctx.clauses().dropColumn(schema, table, b.name())), ACCESS_EXCLUSIVE_REWRITE, c));
    }
}
