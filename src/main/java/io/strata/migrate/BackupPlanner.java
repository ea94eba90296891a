package io.strata.migrate;

import io.strata.dialect.LiveSchema;
import io.strata.dialect.Dialect;
import io.strata.dialect.HistoryDialect;
import io.strata.dialect.Quoter;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * BackupPlanner turns a plan into the batches {@code apply} runs, with a backup before each step that
 * destroys data (a dropped column or table, a type change that may lose values): the destroyed data is
 * copied by primary key into the backup schema, and the step's reverse becomes "recreate the structure,
 * then restore the data", so a planner's {@code Irreversible} becomes reversible at apply time.
 */
public final class BackupPlanner {

    /** The schema (PostgreSQL) or database (MySQL) holding the backups. */
    public static final String SCHEMA = LiveSchema.BACKUP_SCHEMA;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dialect dialect;
    private final HistoryDialect history;
    private final Quoter q;
    private final Catalog from;
    private final String serverVersion;
    private final String version;
    private final boolean allowDataLoss;
    private final TableRows rows;

    private BackupPlanner(Dialect dialect, Catalog from, String serverVersion, String version, boolean allowDataLoss,
                          TableRows rows) {
        this.dialect = dialect;
        this.history = dialect.history();
        this.q = dialect.quoter();
        this.from = from;
        this.serverVersion = serverVersion;
        this.version = version;
        this.allowDataLoss = allowDataLoss;
        this.rows = rows;
    }

    /**
     * The batches of {@code plan}, planned from {@code from}, for recording as {@code version}. A step that
     * destroys rows of a table without a primary key cannot be backed up by key: it is refused unless the
     * table is empty ({@code rows} says), or {@code allowDataLoss}, and then stays irreversible.
     */
    public static List<Batch> batches(MigrationPlan plan, Catalog from, Dialect dialect, String version,
                                      boolean allowDataLoss, TableRows rows) {
        BackupPlanner planner = new BackupPlanner(dialect, from, plan.serverVersion(), version, allowDataLoss, rows);
        List<Batch> out = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            if (phase.transactional()) {
                List<Guarded> all = new ArrayList<>();
                phase.steps().forEach(s -> all.addAll(planner.guard(s, phase.kind())));
                out.add(batch(all, true));
            } else {
                phase.steps().forEach(s -> out.add(batch(planner.guard(s, phase.kind()), s.transactional())));
            }
        }
        return out;
    }

    /** One statement to run and how to undo it. */
    private record Guarded(String sql, Undo undo) {
    }

    /** What a destructive step loses: {@code columns} of {@code table} (all of them for a dropped table). */
    private record Loss(String schema, Table table, List<Column> columns, boolean wholeTable) {
    }

    private static Batch batch(List<Guarded> statements, boolean transactional) {
        return new Batch(statements.stream().map(Guarded::sql).toList(), transactional,
                statements.stream().map(Guarded::undo).toList());
    }

    private List<Guarded> guard(Step step, PhaseKind phase) {
        if (step.source() instanceof SchemaChange.DropSequence d && !step.reversible()
                && history.sequencePositions().isPresent()) {
            return sequence(step, d);
        }
        Loss loss = loss(step, phase);
        if (loss == null) {
            return List.of(new Guarded(step.sql(), new Undo(step.reverse(), null)));
        }
        Table t = loss.table();
        if (t.primaryKey() == null || t.primaryKey().columns().isEmpty()) {
            if (rows.empty(loss.schema(), t.name())) {
                // Nothing to lose: the structure comes back, empty as it was.
                List<String> reverse = new ArrayList<>(structure(step.source(), loss, step.reverse()));
                reverse.addAll(afterRestore(step.source()));
                return List.of(new Guarded(step.sql(), new Undo(new Reverse.Sql(reverse), null)));
            }
            if (!allowDataLoss) {
                throw StrataException.badInput("step \"" + step.description() + "\" destroys data of table "
                        + loss.schema() + "." + t.name() + ", which holds rows and has no primary key to back them up by; "
                        + "nothing was run. Add a primary key, or pass --allow-data-loss to run it without a backup "
                        + "(it cannot be rolled back then)");
            }
            return List.of(new Guarded(step.sql(), new Undo(step.reverse(), null)));
        }
        String name = backupName(t.name());
        String backup = q.qualified(SCHEMA, name);
        String table = q.qualified(loss.schema(), t.name());
        List<String> keys = t.primaryKey().columns().stream().map(q::ident).toList();
        List<Column> copied = new ArrayList<>(t.primaryKey().columns().stream().map(k -> t.column(k).orElseThrow()).toList());
        // A generated column's values come back from its expression.
        loss.columns().stream().filter(c -> c.generatedExpr() == null && !copied.contains(c)).forEach(copied::add);
        List<HistoryDialect.Restored> restored = copied.stream().map(c -> new HistoryDialect.Restored(q.ident(c.name()),
                history.restoredValue("b." + q.ident(c.name()), c.type()))).toList();
        List<String> reverse = new ArrayList<>(structure(step.source(), loss, step.reverse()));
        if (loss.wholeTable()) {
            reverse.add(history.restoreRows(table, backup, restored));
            t.columns().stream().filter(c -> c.identity() != null && c.identity().increment() > 0)
                    .forEach(c -> reverse.addAll(history.restoreIdentity(table, c.name())));
        } else {
            List<HistoryDialect.Restored> values = restored.subList(keys.size(), restored.size());
            if (!values.isEmpty()) {
                reverse.add(history.restoreColumns(table, backup, keys, values));
            }
            reverse.addAll(afterRestore(step.source()));
        }
        String select = String.join(", ", copied.stream().map(c -> backedUp(c)).toList());
        return List.of(
                new Guarded("CREATE SCHEMA IF NOT EXISTS " + q.ident(SCHEMA), Undo.NOTHING),
                new Guarded("CREATE TABLE " + backup + " AS SELECT " + select + " FROM " + table, Undo.NOTHING),
                new Guarded(step.sql(), new Undo(new Reverse.Sql(reverse), name)));
    }

    /**
     * A dropped sequence loses its position, which the model does not hold (a serial column's sequence goes with
     * its table): the position is saved in a backup table, and the reverse creates the sequence again and sets it
     * back there. Its owner comes back with the reverse of the step that released it.
     */
    private List<Guarded> sequence(Step step, SchemaChange.DropSequence d) {
        String schema = schema(d.schema());
        Sequence s = d.sequence();
        String sequence = q.qualified(schema, s.name());
        String name = backupName(s.name());
        String backup = q.qualified(SCHEMA, name);
        Sequence released = new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.min(), s.max(), s.cache(),
                s.cycle(), null);
        List<String> reverse = new ArrayList<>(replan(withoutSequence(schema, s.name()), from,
                new SchemaChange.AddSequence(schema, released)));
        HistoryDialect.SequencePositions positions = history.sequencePositions().orElseThrow();
        reverse.add(positions.restore(sequence, backup));
        return List.of(
                new Guarded("CREATE SCHEMA IF NOT EXISTS " + q.ident(SCHEMA), Undo.NOTHING),
                new Guarded("CREATE TABLE " + backup + " AS " + positions.read(sequence), Undo.NOTHING),
                new Guarded(step.sql(), new Undo(new Reverse.Sql(reverse), name)));
    }

    private Catalog withoutSequence(String schema, String name) {
        return from.withSchemas(from.schemas().stream().map(s -> !s.name().equals(schema) ? s : new Schema(s.name(),
                s.tables(), s.views(), s.enums(), s.sequences().stream().filter(x -> !x.name().equals(name)).toList(),
                s.comment(), s.charset(), s.collation(), s.collations(), s.objects())).toList());
    }

    /** A column of the backup's SELECT, under its own name. */
    private String backedUp(Column c) {
        String column = q.ident(c.name());
        String value = history.backupValue(column, c.type());
        return value.equals(column) ? column : value + " AS " + column;
    }

    /** The data {@code step} destroys, or null when it keeps every value. */
    private Loss loss(Step step, PhaseKind phase) {
        // A drop's other steps (its foreign keys, dropped first) have reverses of their own and lose nothing.
        if (step.source() instanceof SchemaChange.DropTable d && !step.reversible()) {
            return new Loss(schema(d.schema()), d.table(), d.table().columns(), true);
        }
        if (step.source() instanceof SchemaChange.DropColumn d && !step.reversible() && table(d.schema(), d.table()) != null) {
            return new Loss(schema(d.schema()), table(d.schema(), d.table()), List.of(d.column()), false);
        }
        // A type change the planner cannot undo, or put in CONTRACT because it may lose values (MySQL).
        if (step.source() instanceof SchemaChange.ModifyColumn m && m.kinds().contains(ColumnChangeKind.TYPE)
                && (!step.reversible() || phase == PhaseKind.CONTRACT) && table(m.schema(), m.table()) != null) {
            return new Loss(schema(m.schema()), table(m.schema(), m.table()), List.of(m.from()), false);
        }
        return null;
    }

    /**
     * Statements that bring back the structure a step removed, planned by the dialect's own planner from
     * the schema after the step to the one before it. A dropped column comes back nullable, so that its
     * values can be restored before NOT NULL is set again.
     */
    private List<String> structure(SchemaChange source, Loss loss, Reverse planned) {
        Table t = loss.table();
        String schema = loss.schema();
        if (source instanceof SchemaChange.DropTable) {
            // Both planners drop a table's foreign keys in steps of their own before the table: their reverses
            // add them back after the rows are restored, so the table comes back without them.
            Table bare = new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(), t.indexes(), List.of(), t.checks(),
                    t.comment(), t.options(), null);
            return replan(with(schema, t.name(), null), with(schema, t.name(), bare), new SchemaChange.AddTable(schema, bare));
        }
        if (source instanceof SchemaChange.DropColumn d) {
            Column open = d.column().withNullable(true);
            Table without = t.withColumns(t.columns().stream().filter(c -> !c.name().equals(open.name())).toList());
            return replan(with(schema, t.name(), without), with(schema, t.name(), replaced(t, open)),
                    new SchemaChange.AddColumn(schema, t.name(), open));
        }
        SchemaChange.ModifyColumn m = (SchemaChange.ModifyColumn) source;
        return planned instanceof Reverse.Sql sql ? sql.statements()
                : replan(with(schema, t.name(), replaced(t, m.to())), from,
                new SchemaChange.ModifyColumn(schema, m.table(), m.to(), m.from(), m.kinds()));
    }

    /** NOT NULL comes back after the values it needs. */
    private List<String> afterRestore(SchemaChange source) {
        if (source instanceof SchemaChange.DropColumn d && !d.column().nullable()) {
            String schema = schema(d.schema());
            Table t = table(d.schema(), d.table());
            Column open = d.column().withNullable(true);
            return replan(with(schema, t.name(), replaced(t, open)), from, new SchemaChange.ModifyColumn(schema,
                    d.table(), open, d.column(), Set.of(ColumnChangeKind.NULLABILITY)));
        }
        return List.of();
    }

    private List<String> replan(Catalog before, Catalog after, SchemaChange change) {
        return dialect.planner().plan(before, after, List.of(change), serverVersion).steps().stream()
                .map(Step::sql).toList();
    }

    private static Table replaced(Table t, Column column) {
        return t.withColumns(t.columns().stream().map(c -> c.name().equals(column.name()) ? column : c).toList());
    }

    private Table table(String schema, String name) {
        return from.schema(schema(schema)).flatMap(s -> s.table(name)).orElse(null);
    }

    /**
     * The name {@code from} gives the schema a change names. A MySQL change names the desired schema's
     * database (a scratch one when it was replayed); a MySQL catalog has one schema, the target's.
     */
    private String schema(String named) {
        return from.schema(named).isEmpty() && from.schemas().size() == 1 ? from.schemas().get(0).name() : named;
    }

    /** {@code from} with table {@code name} of {@code schema} replaced by {@code table}, or removed when null. */
    private Catalog with(String schema, String name, Table table) {
        return from.withSchemas(from.schemas().stream().map(s -> !s.name().equals(schema) ? s : s.withTables(
                s.tables().stream().map(t -> t.name().equals(name) ? table : t).filter(t -> t != null).toList())).toList());
    }

    /** table, version and a random suffix, within the 63 characters PostgreSQL keeps of a name. */
    private String backupName(String table) {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        String suffix = "_" + version.replaceAll("[^A-Za-z0-9]", "_") + "_" + HexFormat.of().formatHex(bytes);
        if (suffix.length() > 40) {
            suffix = suffix.substring(suffix.length() - 40);
        }
        String base = table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return base.substring(0, Math.min(base.length(), 60 - suffix.length())) + suffix;
    }
}
