package io.strata.migrate;

import io.strata.dialect.DataCheckSql;
import io.strata.model.Catalog;
import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.ValueFit;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DataChecks finds the steps of a plan whose success depends on the rows of the target (a NOT NULL, a unique or
 * primary key, a foreign key, a check, a narrowing type change) and writes, for each, the query that finds the rows
 * it would fail on. Only tables and columns that exist on the target are checked: a table the plan creates is empty.
 */
final class DataChecks {

    /** How many offending rows a check shows. */
    static final int SAMPLES = 5;

    private DataChecks() {
    }

    /**
     * The checks of {@code plan} against {@code live}, in plan order, one per subject (the later step wins).
     * {@code changes} are the differences the plan was made from: a step that carries out a change names it as
     * its source, but the steps of an online column swap are supporting steps without one, and a planner may split
     * a change into steps whose source is a change of its own (a required column added nullable, then made NOT NULL).
     */
    static List<DataCheck> of(MigrationPlan plan, List<SchemaChange> changes, Catalog live, DataCheckSql sql) {
        List<Step> steps = plan.steps();
        Map<SchemaChange, Integer> carrying = new LinkedHashMap<>();
        for (SchemaChange change : changes) {
            int index = carryingStep(steps, change, sql);
            if (index >= 0) {
                carrying.put(change, index);
            }
        }
        for (Step step : steps) {
            if (step.source() != null && !carrying.containsKey(step.source())) {
                carrying.put(step.source(), carryingStep(steps, step.source(), sql));
            }
        }
        // The tables this plan creates: they are empty when its later steps run.
        List<SchemaChange.AddTable> created = new ArrayList<>();
        for (SchemaChange change : carrying.keySet()) {
            if (change instanceof SchemaChange.AddTable t) {
                created.add(t);
            }
        }
        Map<String, DataCheck> bySubject = new LinkedHashMap<>();
        for (Map.Entry<SchemaChange, Integer> e : carrying.entrySet()) {
            Step step = steps.get(e.getValue());
            if (e.getKey() instanceof SchemaChange.AddColumn && !step.sql().toUpperCase(java.util.Locale.ROOT).contains("NOT NULL")) {
                // Added nullable first, made NOT NULL by a later step (its own source): that one is checked.
                continue;
            }
            Finder finder = new Finder(live, sql, e.getValue() + 1, step.sql(), created);
            for (DataCheck check : e.getKey().accept(finder)) {
                DataCheck earlier = bySubject.remove(check.subject());
                bySubject.put(check.subject(), earlier != null && earlier.stepNumber() > check.stepNumber() ? earlier : check);
            }
        }
        List<DataCheck> out = new ArrayList<>(bySubject.values());
        out.sort(java.util.Comparator.comparingInt(DataCheck::stepNumber));
        return out;
    }

    /**
     * The index of the step that would fail on the rows {@code change} depends on, or -1 when the plan (a phase of it)
     * does not carry it out: of the steps with that source, the first that reads the rows (VALIDATE, SET NOT NULL, a
     * rewrite), else the first; without one, the supporting step that copies or scans the column (a swap's backfill).
     */
    private static int carryingStep(List<Step> steps, SchemaChange change, DataCheckSql sql) {
        int first = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (change.equals(step.source())) {
                if (step.lock().scan() || step.lock().rewrite()) {
                    return i;
                }
                first = first < 0 ? i : first;
            }
        }
        if (first >= 0 || !(change instanceof SchemaChange.ModifyColumn m)) {
            return first;
        }
        String table = sql.quoter().ident(m.table());
        String column = sql.quoter().ident(m.from().name());
        int scanning = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.source() != null || !step.sql().contains(table) || !step.sql().contains(column)) {
                continue;
            }
            if (io.strata.plan.Backfill.parse(step.sql()).isPresent()) {
                return i;
            }
            if (scanning < 0 && (step.lock().scan() || step.lock().rewrite())) {
                scanning = i;
            }
        }
        return scanning;
    }

    /** The checks of one change, made by the step that carries it out. */
    private record Finder(Catalog live, DataCheckSql sql, int stepNumber, String statement,
                          List<SchemaChange.AddTable> created) implements SchemaChange.Visitor<List<DataCheck>> {

        /** The schema a change names, as the target calls it: a MySQL plan's changes may name the scratch database. */
        private Optional<Schema> schema(String name) {
            Optional<Schema> named = live.schema(name);
            return named.isEmpty() && live.schemas().size() == 1 ? Optional.of(live.schemas().get(0)) : named;
        }

        private Optional<Table> table(String schema, String name) {
            return schema(schema).flatMap(s -> s.table(name));
        }

        private String qualified(String schema, String table) {
            return sql.quoter().qualified(schema(schema).map(Schema::name).orElse(schema), table);
        }

        private String ident(String name) {
            return sql.quoter().ident(name);
        }

        private List<String> idents(List<String> names) {
            return names.stream().map(this::ident).toList();
        }

        private DataCheck check(String rule, String subject, Table table, String query, String offense, String shownAs,
                                boolean grouped) {
            return new DataCheck(stepNumber, statement, rule, subject, ident(table.name()), query, offense, shownAs, grouped, false, null);
        }

        /** The rows of {@code table} where {@code predicate} holds, shown by primary key (or by {@code fallback}). */
        private DataCheck rows(String rule, String subject, String schema, Table table, String predicate, String offense,
                               String fallback) {
            boolean keyed = table.primaryKey() != null && !table.primaryKey().columns().isEmpty();
            List<String> shown = keyed ? table.primaryKey().columns() : fallback == null ? List.of() : List.of(fallback);
            String query = sql.offendingRows(qualified(schema, table.name()), idents(shown), predicate, SAMPLES);
            return check(rule, subject, table, query, offense, names(shown), false);
        }

        /** How samples of {@code columns} are introduced: {@code id}, or {@code (a, b)}. */
        private static String names(List<String> columns) {
            return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
        }

        private boolean hasColumns(Table table, List<String> columns) {
            return columns.stream().allMatch(c -> table.column(c).isPresent());
        }

        private List<DataCheck> notNull(String schema, String tableName, String column, boolean existing) {
            Optional<Table> table = table(schema, tableName);
            if (table.isEmpty()) {
                return List.of();
            }
            String subject = "not null " + schema + "." + tableName + "." + column;
            if (existing && table.get().column(column).isPresent()) {
                return List.of(rows("NOT NULL", subject, schema, table.get(), ident(column) + " IS NULL",
                        ident(column) + " NULL", null));
            }
            // The column is new: every row lacks a value (a keyless table's rows have nothing to show them by).
            return List.of(rows("NOT NULL", subject, schema, table.get(), "1 = 1",
                    "no value for new column " + ident(column) + " (no default)", null));
        }

        private List<DataCheck> unique(String rule, String schema, String tableName, List<String> columns) {
            Optional<Table> table = table(schema, tableName);
            if (table.isEmpty() || columns.isEmpty() || !hasColumns(table.get(), columns)) {
                return List.of();
            }
            String list = String.join(", ", idents(columns));
            List<DataCheck> out = new ArrayList<>();
            out.add(duplicates(rule, rule + " " + schema + "." + tableName + " " + columns, schema, table.get(),
                    idents(columns), list, names(columns), null));
            if (rule.equals("PRIMARY KEY")) {
                String nulls = String.join(" OR ", idents(columns).stream().map(c -> c + " IS NULL").toList());
                out.add(rows(rule, "primary key nulls " + schema + "." + tableName, schema, table.get(), nulls,
                        "NULL in " + list, null));
            }
            return out;
        }

        /**
         * The rows of {@code table} whose {@code keys} (SQL over the row), all non-NULL, another row shares, among the
         * rows where {@code where} holds when it is not null; {@code list} names the keys in the message.
         */
        private DataCheck duplicates(String rule, String subject, String schema, Table table, List<String> keys,
                                     String list, String shownAs, String where) {
            String query = sql.duplicates(qualified(schema, table.name()), keys, where, SAMPLES);
            return check(rule, subject, table, query, "a value of " + list + " that another row"
                    + (where == null ? "" : " where " + where) + " has", shownAs, true);
        }

        /** The schema {@code name} as the target calls it, or {@code name} when the target has no such schema yet. */
        private String resolved(String name) {
            return schema(name).map(Schema::name).orElse(name);
        }

        /** Whether the plan creates {@code schema.table}: it is empty when the steps after its creation run. */
        private boolean createdByPlan(String schema, String table) {
            return table(schema, table).isEmpty() && created.stream()
                    .anyMatch(t -> t.table().name().equals(table) && resolved(t.schema()).equals(resolved(schema)));
        }

        private List<DataCheck> foreignKey(String schema, String tableName, ForeignKey fk) {
            Optional<Table> table = table(schema, tableName);
            String refSchema = fk.refSchema() == null ? schema : fk.refSchema();
            Optional<Table> parent = table(refSchema, fk.refTable());
            if (table.isPresent() && hasColumns(table.get(), fk.columns()) && createdByPlan(refSchema, fk.refTable())) {
                // The parent is new, so empty when the key is added: every child row with a full key is an orphan,
                // and there is no parent to query before the plan runs.
                String keyed = String.join(" AND ", idents(fk.columns()).stream().map(c -> c + " IS NOT NULL").toList());
                return List.of(rows("FOREIGN KEY", "foreign key " + schema + "." + tableName + " " + fk.columns(), schema,
                        table.get(), keyed, "a value of " + String.join(", ", idents(fk.columns())) + " while "
                                + ident(fk.refTable()) + " is a new table, without rows when the key is added", null));
            }
            if (table.isEmpty() || parent.isEmpty() || !hasColumns(table.get(), fk.columns())
                    || !hasColumns(parent.get(), fk.refColumns()) || fk.columns().size() != fk.refColumns().size()) {
                return List.of();
            }
            String query = sql.orphans(qualified(schema, tableName), idents(fk.columns()), qualified(refSchema, fk.refTable()),
                    idents(fk.refColumns()), SAMPLES);
            String cols = String.join(", ", idents(fk.columns()));
            return List.of(check("FOREIGN KEY", "foreign key " + schema + "." + tableName + " " + fk.columns(),
                    table.get(), query, "a value of " + cols + " that no row of " + ident(fk.refTable()) + " has",
                    names(fk.columns()), false));
        }

        private List<DataCheck> checkConstraint(String schema, String tableName, Check check) {
            Optional<Table> table = table(schema, tableName);
            if (table.isEmpty() || check.expression() == null) {
                return List.of();
            }
            // NOT of a check that yields NULL is NULL: a check passes rows it cannot decide, and so does this.
            return List.of(rows("CHECK", "check " + schema + "." + tableName + "." + check.name(), schema, table.get(),
                    "NOT (" + check.expression() + ")", "values that check " + ident(check.name()) + " refuses", null));
        }

        private List<DataCheck> typeChange(String schema, String tableName, Column from, Column to) {
            Optional<Table> table = table(schema, tableName);
            if (table.isEmpty() || table.get().column(from.name()).isEmpty()) {
                return List.of();
            }
            ValueFit fit = ValueFit.of(live.dialect(), from.type(), to.type());
            if (!fit.refuses()) {
                return List.of();
            }
            Optional<String> refused = TypeFitPredicate.refused(sql, ident(from.name()), from.type(), to.type());
            if (refused.isEmpty()) {
                return List.of();
            }
            DataCheck check = rows("TYPE", "type " + schema + "." + tableName + "." + from.name(), schema, table.get(),
                    refused.get(), "a value of " + ident(from.name()) + " that does not " + (TypeFitPredicate.parses(
                            from.type(), to.type()) ? "read as " : "fit ") + to.type().sql(), from.name());
            if (!TypeFitPredicate.parses(from.type(), to.type())) {
                return List.of(check);
            }
            String text = sql.asText(ident(from.name()));
            String quickPass = sql.inputs().strictCast(text, to.type()).map(cast -> "SELECT count(" + cast + ") FROM "
                    + qualified(schema, tableName)).orElse(null);
            return List.of(check.parsing(quickPass));
        }

        @Override
        public List<DataCheck> visitAddColumn(SchemaChange.AddColumn c) {
            Column col = c.column();
            boolean required = !col.nullable() && col.defaultExpr() == null && col.identity() == null
                    && col.generatedExpr() == null && !sql.fillsRequiredColumns();
            return required ? notNull(c.schema(), c.table(), col.name(), false) : List.of();
        }

        @Override
        public List<DataCheck> visitModifyColumn(SchemaChange.ModifyColumn c) {
            List<DataCheck> out = new ArrayList<>();
            if (c.kinds().contains(ColumnChangeKind.NULLABILITY) && c.from().nullable() && !c.to().nullable()) {
                out.addAll(notNull(c.schema(), c.table(), c.from().name(), true));
            }
            if (c.kinds().contains(ColumnChangeKind.TYPE)) {
                out.addAll(typeChange(c.schema(), c.table(), c.from(), c.to()));
            }
            return out;
        }

        @Override
        public List<DataCheck> visitAddPrimaryKey(SchemaChange.AddPrimaryKey c) {
            return unique("PRIMARY KEY", c.schema(), c.table(), c.key().columns());
        }

        @Override
        public List<DataCheck> visitModifyPrimaryKey(SchemaChange.ModifyPrimaryKey c) {
            return unique("PRIMARY KEY", c.schema(), c.table(), c.to().columns());
        }

        @Override
        public List<DataCheck> visitAddUnique(SchemaChange.AddUnique c) {
            return c.unique().nullsNotDistinct() ? List.of() : unique("UNIQUE", c.schema(), c.table(), c.unique().columns());
        }

        @Override
        public List<DataCheck> visitAddIndex(SchemaChange.AddIndex c) {
            return uniqueIndex(c.schema(), c.table(), c.index());
        }

        @Override
        public List<DataCheck> visitModifyIndex(SchemaChange.ModifyIndex c) {
            return uniqueIndex(c.schema(), c.table(), c.to());
        }

        /**
         * A unique index: over plain columns, as a unique key; over expressions or column prefixes, the values of
         * those; a partial one, among the rows its predicate keeps.
         */
        private List<DataCheck> uniqueIndex(String schema, String tableName, Index index) {
            boolean plain = index.predicate() == null && index.parts().stream()
                    .allMatch(p -> p.column() != null && p.prefixLength() == null);
            if (!index.unique()) {
                return List.of();
            }
            if (plain) {
                return unique("UNIQUE", schema, tableName, index.parts().stream().map(IndexPart::column).toList());
            }
            Optional<Table> table = table(schema, tableName);
            List<String> columns = index.parts().stream().map(IndexPart::column).filter(c -> c != null).toList();
            if (table.isEmpty() || index.parts().isEmpty() || !hasColumns(table.get(), columns)) {
                return List.of();
            }
            List<String> keys = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (IndexPart part : index.parts()) {
                if (part.column() == null) {
                    // As the server printed it (or the user wrote it): an expression over the row's columns.
                    keys.add("(" + part.expression() + ")");
                    shown.add(part.expression());
                } else if (part.prefixLength() != null) {
                    keys.add("LEFT(" + ident(part.column()) + ", " + part.prefixLength() + ")");
                    shown.add(ident(part.column()) + "(" + part.prefixLength() + ")");
                } else {
                    keys.add(ident(part.column()));
                    shown.add(ident(part.column()));
                }
            }
            String list = String.join(", ", shown);
            return List.of(duplicates("UNIQUE", "unique index " + schema + "." + tableName + " " + index.name(), schema,
                    table.get(), keys, list, shown.size() == 1 ? list : "(" + list + ")", index.predicate()));
        }

        @Override
        public List<DataCheck> visitAddForeignKey(SchemaChange.AddForeignKey c) {
            return foreignKey(c.schema(), c.table(), c.foreignKey());
        }

        @Override
        public List<DataCheck> visitModifyForeignKey(SchemaChange.ModifyForeignKey c) {
            return foreignKey(c.schema(), c.table(), c.to());
        }

        @Override
        public List<DataCheck> visitAddCheck(SchemaChange.AddCheck c) {
            return checkConstraint(c.schema(), c.table(), c.check());
        }

        @Override
        public List<DataCheck> visitModifyCheck(SchemaChange.ModifyCheck c) {
            return checkConstraint(c.schema(), c.table(), c.to());
        }

        // ---- changes whose success does not depend on rows

        @Override
        public List<DataCheck> visitAddSchema(SchemaChange.AddSchema c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropSchema(SchemaChange.DropSchema c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitModifySchema(SchemaChange.ModifySchema c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitAddExtension(SchemaChange.AddExtension c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropExtension(SchemaChange.DropExtension c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitAddTable(SchemaChange.AddTable c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropTable(SchemaChange.DropTable c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitRenameTable(SchemaChange.RenameTable c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitModifyTable(SchemaChange.ModifyTable c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropColumn(SchemaChange.DropColumn c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitRenameColumn(SchemaChange.RenameColumn c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropPrimaryKey(SchemaChange.DropPrimaryKey c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropUnique(SchemaChange.DropUnique c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropCheck(SchemaChange.DropCheck c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropForeignKey(SchemaChange.DropForeignKey c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropIndex(SchemaChange.DropIndex c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitAddView(SchemaChange.AddView c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropView(SchemaChange.DropView c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitRenameView(SchemaChange.RenameView c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitModifyView(SchemaChange.ModifyView c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitAddEnum(SchemaChange.AddEnum c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropEnum(SchemaChange.DropEnum c) {
            return List.of();
        }

        /** An enum type that loses values: every column of that type must hold none of them. */
        @Override
        public List<DataCheck> visitModifyEnum(SchemaChange.ModifyEnum c) {
            if (c.to().values().containsAll(c.from().values())) {
                return List.of();
            }
            List<String> removed = c.from().values().stream().filter(v -> !c.to().values().contains(v)).toList();
            List<DataCheck> out = new ArrayList<>();
            for (Schema schema : live.schemas()) {
                for (Table table : schema.tables()) {
                    for (Column column : table.columns()) {
                        if (column.type() instanceof ColumnType.EnumRef ref && ref.name().equals(c.from().name())
                                && (ref.schema() == null || ref.schema().isEmpty() || ref.schema().equals(c.schema()))) {
                            // Compared as text: the values the rows may hold are the removed ones, still valid now.
                            String predicate = sql.asText(ident(column.name())) + " IN (" + String.join(", ",
                                    removed.stream().map(sql.quoter()::literal).toList()) + ")";
                            out.add(rows("ENUM", "enum " + schema.name() + "." + table.name() + "." + column.name(),
                                    schema.name(), table, predicate, "a value of " + ident(column.name())
                                            + " that enum " + ident(c.from().name()) + " no longer has", column.name()));
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public List<DataCheck> visitAddSequence(SchemaChange.AddSequence c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropSequence(SchemaChange.DropSequence c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitModifySequence(SchemaChange.ModifySequence c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitAddCollation(SchemaChange.AddCollation c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropCollation(SchemaChange.DropCollation c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitModifyCollation(SchemaChange.ModifyCollation c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitAddObject(SchemaChange.AddObject c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitDropObject(SchemaChange.DropObject c) {
            return List.of();
        }

        @Override
        public List<DataCheck> visitModifyObject(SchemaChange.ModifyObject c) {
            return List.of();
        }
    }
}
