package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ForeignKey;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.TableChangeKind;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.strata.dialect.mysql.MySqlPlanContext.METADATA;

/** MySqlTableSteps writes the steps that create, drop, rename and re-option whole tables. */
final class MySqlTableSteps {

    private final MySqlPlanContext ctx;
    private final MySqlConstraintSteps constraints;

    MySqlTableSteps(MySqlPlanContext ctx, MySqlConstraintSteps constraints) {
        this.ctx = ctx;
        this.constraints = constraints;
    }

    /** CREATE TABLE without foreign keys, which are added once every new table exists. */
    void create(SchemaChange.AddTable change) {
        Table table = change.table();
        ctx.order().add(PhaseKind.EXPAND, Slot.CREATE_TABLE, change, "create table " + change.location(),
                ctx.tables().createTable(table), Reverse.Sql.of("DROP TABLE " + ctx.q().ident(table.name())),
                LockImpact.NONE, table.name());
        for (ForeignKey fk : table.foreignKeys()) {
            constraints.addForeignKey(change, PhaseKind.EXPAND, table.name(), fk);
        }
    }

    /** DROP TABLE, after dropping its own foreign keys so that dropped tables referencing each other go in any order. */
    void drop(SchemaChange.DropTable change) {
        Table table = change.table();
        for (ForeignKey fk : table.foreignKeys()) {
            constraints.dropForeignKey(change, PhaseKind.CONTRACT, table.name(), fk);
        }
        ctx.order().add(PhaseKind.CONTRACT, Slot.DROP_TABLE, change, "drop table " + change.location(),
                "DROP TABLE " + ctx.q().ident(table.name()),
                new Reverse.Irreversible("dropping table " + change.location() + " discards its rows, and this plan keeps no backup of them"),
                METADATA, table.name());
    }

    void rename(SchemaChange.RenameTable change) {
        String from = ctx.q().ident(change.from().name());
        String to = ctx.q().ident(change.to().name());
        ctx.order().add(PhaseKind.CONTRACT, Slot.RENAME_TABLE, change,
                "rename table " + change.from().name() + " to " + change.to().name(),
                "RENAME TABLE " + from + " TO " + to, Reverse.Sql.of("RENAME TABLE " + to + " TO " + from),
                METADATA, change.from().name(), change.to().name());
    }

    /**
     * Comment, engine, default character set and row format in one ALTER TABLE. Changing the default
     * character set leaves existing columns in the old one, so the columns that follow the table
     * default on both sides are converted in the same statement. ON UPDATE clauses, kept in the
     * options, are restated per column unless the column is modified anyway.
     */
    void modify(SchemaChange.ModifyTable change, Set<String> modifiedColumns) {
        String table = ctx.names().table(PhaseKind.EXPAND, change.to().name());
        List<String> forward = options(change.from(), change.to(), change.kinds());
        if (!forward.isEmpty()) {
            List<String> backward = options(change.to(), change.from(), change.kinds());
            boolean rebuild = forward.stream().anyMatch(s -> !s.startsWith("COMMENT="));
            MySqlAlgorithms.Recipe recipe = rebuild ? ctx.algorithms().rebuildTable(change.from())
                    : ctx.algorithms().tableComment(change.from());
            MySqlAlgorithms.Recipe back = rebuild ? ctx.algorithms().rebuildTable(change.to())
                    : ctx.algorithms().tableComment(change.to());
            ctx.order().add(PhaseKind.EXPAND, Slot.TABLE_OPTIONS, change,
                    "change options of table " + change.location() + " (" + change.kinds().stream().sorted()
                            .map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList() + ")",
                    recipe.appendTo(ctx.clauses().alterTable(table, String.join(", ", forward))),
                    Reverse.Sql.of(back.appendTo(ctx.clauses().alterTable(table, String.join(", ", backward)))), recipe.lock(),
                    table, change.to().name());
        }
        if (change.kinds().contains(TableChangeKind.OPTIONS)) {
            for (Column column : change.to().columns()) {
                String oldName = ctx.names().column(PhaseKind.EXPAND, change.to().name(), column.name());
                if (change.from().column(oldName).isPresent() && !modifiedColumns.contains(column.name())
                        && !Objects.equals(onUpdate(change.from(), oldName), onUpdate(change.to(), column.name()))) {
                    new MySqlColumnSteps(ctx).onUpdate(change, column);
                }
            }
        }
    }

    /**
     * Whether {@code change} only moves ON UPDATE clauses of columns that are added, dropped, renamed or modified
     * anyway: those column steps restate the clause, so the table change needs no statement of its own.
     */
    static boolean carriedByColumns(SchemaChange.ModifyTable change, Set<String> modifiedColumns) {
        if (!change.kinds().equals(Set.of(TableChangeKind.OPTIONS))) {
            return false;
        }
        Set<String> keys = new java.util.TreeSet<>(change.from().options().keySet());
        keys.addAll(change.to().options().keySet());
        for (String key : keys) {
            if (Objects.equals(change.from().options().get(key), change.to().options().get(key))) {
                continue;
            }
            if (!key.startsWith(MySqlColumnReader.ON_UPDATE_PREFIX)) {
                return false;
            }
            String column = key.substring(MySqlColumnReader.ON_UPDATE_PREFIX.length());
            if (change.from().column(column).isPresent() && change.to().column(column).isPresent()
                    && !modifiedColumns.contains(column)) {
                return false;
            }
        }
        return true;
    }

    private List<String> options(Table from, Table to, Set<TableChangeKind> kinds) {
        List<String> specs = new ArrayList<>();
        if (kinds.contains(TableChangeKind.ENGINE) && to.options().get("engine") != null) {
            specs.add("ENGINE=" + to.options().get("engine"));
        }
        if (kinds.contains(TableChangeKind.CHARSET) || kinds.contains(TableChangeKind.COLLATION)) {
            specs.add("DEFAULT CHARSET=" + to.options().get("charset") + " COLLATE=" + to.options().get("collation"));
            specs.addAll(convertedColumns(from, to));
        }
        if (kinds.contains(TableChangeKind.OPTIONS) && !Objects.equals(from.options().get("row_format"), to.options().get("row_format"))) {
            specs.add("ROW_FORMAT=" + Objects.requireNonNullElse(to.options().get("row_format"), "DEFAULT"));
        }
        if (kinds.contains(TableChangeKind.COMMENT)) {
            specs.add("COMMENT=" + ctx.q().literal(Objects.requireNonNullElse(to.comment(), "")));
        }
        return specs;
    }

    /** MODIFY COLUMN for each text column that follows the table's default on both sides, stating the new default explicitly. */
    private List<String> convertedColumns(Table from, Table to) {
        List<String> specs = new ArrayList<>();
        for (Column target : to.columns()) {
            Column source = from.column(target.name()).orElse(null);
            boolean text = target.type() instanceof ColumnType.StringType || target.type() instanceof ColumnType.EnumValues;
            if (source != null && text && source.type().equals(target.type()) && target.charset() == null
                    && target.collation() == null && source.charset() == null && source.collation() == null) {
                Column explicit = new Column(target.name(), target.type(), target.nullable(), target.defaultExpr(),
                        target.identity(), target.generatedExpr(), target.generatedStored(), to.options().get("collation"),
                        to.options().get("charset"), target.comment(), null);
                specs.add("MODIFY COLUMN " + ctx.columnDefinition(explicit, target.name(), to));
            }
        }
        return specs;
    }

    private static String onUpdate(Table table, String column) {
        return table.options().get(MySqlColumnReader.ON_UPDATE_PREFIX + column);
    }
}
