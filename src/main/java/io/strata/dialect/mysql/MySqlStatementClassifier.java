package io.strata.dialect.mysql;

import io.strata.dialect.StatementClassifier;
import io.strata.dialect.mysql.MySqlAlgorithms.Level;
import io.strata.model.Catalog;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.LockImpact;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MySqlStatementClassifier reads the {@code ALGORITHM} and {@code LOCK} a statement states. Without them
 * the server picks the cheapest algorithm it supports for what the statement changes: given those changes,
 * that is the one the planner names for them ({@link MySqlAlgorithms}); from the text alone, a column type
 * change, a changed primary key or a character set conversion is taken to be a table copy under a shared lock.
 * DDL commits implicitly, so only DML and session statements ({@code SET}, {@code USE}) can share a transaction.
 */
final class MySqlStatementClassifier implements StatementClassifier {

    private static final LockImpact METADATA = new LockImpact("metadata lock", false, false);
    private static final LockImpact ONLINE = new LockImpact("LOCK=NONE", false, false);
    private static final LockImpact COPY = new LockImpact("LOCK=SHARED", true, true);
    private static final Pattern COPYING = Pattern.compile(" (MODIFY|CHANGE) (COLUMN )?|PRIMARY KEY| CONVERT TO | ENGINE ?=| FORCE\\b");
    /** Statements that do not commit implicitly: DML, and session statements (a conditional comment may wrap one). */
    private static final Pattern NO_IMPLICIT_COMMIT = Pattern.compile(
            "^(/\\*!\\d* )?((INSERT|UPDATE|DELETE|REPLACE|SELECT|USE|DO)\\b|SET (?!PASSWORD\\b))");
    private static final Pattern STATED = Pattern.compile("\\b(ALGORITHM|LOCK) ?=");
    private static final Pattern PLACED = Pattern.compile(" (FIRST|AFTER)\\b");

    @Override
    public boolean transactional(String sql) {
        return NO_IMPLICIT_COMMIT.matcher(StatementClassifier.flat(sql)).find();
    }

    @Override
    public LockImpact lock(String sql) {
        String s = StatementClassifier.flat(sql);
        if (s.contains("ALGORITHM=COPY") || s.contains("ALGORITHM = COPY")) {
            return COPY;
        }
        if (s.contains("ALGORITHM=INSTANT") || s.contains("ALGORITHM = INSTANT")) {
            return METADATA;
        }
        if (s.contains("LOCK=NONE") || s.contains("LOCK = NONE")) {
            return ONLINE;
        }
        if (s.startsWith("ALTER TABLE") && COPYING.matcher(s).find()) {
            return COPY;
        }
        return s.startsWith("CREATE INDEX") || s.startsWith("CREATE UNIQUE INDEX") ? ONLINE : METADATA;
    }

    @Override
    public LockImpact lock(String sql, List<SchemaChange> changes, Catalog before) {
        String s = StatementClassifier.flat(sql);
        if (!s.startsWith("ALTER TABLE") || STATED.matcher(s).find() || changes.isEmpty()) {
            return lock(sql);
        }
        return serverChoice(changes, before, !PLACED.matcher(s).find()).map(MySqlAlgorithms.Recipe::lock).orElse(lock(sql));
    }

    /**
     * The algorithm the server picks for {@code changes} to a table as {@code before} held it: the strongest any of
     * them needs; empty when one is of a kind not known here, so the text must decide.
     *
     * @param atEnd whether new columns go at the end (the statement says neither FIRST nor AFTER)
     */
    private static Optional<MySqlAlgorithms.Recipe> serverChoice(List<SchemaChange> changes, Catalog before, boolean atEnd) {
        MySqlAlgorithms algorithms = new MySqlAlgorithms(MySqlVersion.parse(before.serverVersion()));
        Level strongest = Level.INSTANT;
        Table table = null;
        for (SchemaChange change : changes) {
            if (!(change instanceof SchemaChange.InTable in)) {
                return Optional.empty();
            }
            table = before.schema(in.schema()).flatMap(sc -> sc.table(in.table())).orElse(null);
            MySqlAlgorithms.Recipe recipe = table == null ? null : recipe(change, table, algorithms, atEnd);
            if (recipe == null) {
                return Optional.empty();
            }
            strongest = recipe.level().compareTo(strongest) > 0 ? recipe.level() : strongest;
        }
        return Optional.of(algorithms.on(table, strongest));
    }

    /** The planner's recipe for one change, or null for a kind of change not listed here. */
    private static MySqlAlgorithms.Recipe recipe(SchemaChange change, Table table, MySqlAlgorithms algorithms, boolean atEnd) {
        if (change instanceof SchemaChange.AddColumn c) {
            return algorithms.addColumn(table, c.column(), atEnd);
        } else if (change instanceof SchemaChange.DropColumn) {
            return algorithms.dropColumn(table);
        } else if (change instanceof SchemaChange.RenameColumn) {
            return algorithms.renameColumn(table);
        } else if (change instanceof SchemaChange.ModifyColumn c) {
            return algorithms.modifyColumn(table, c.from(), c.to(), c.kinds());
        } else if (change instanceof SchemaChange.AddIndex c) {
            return algorithms.addIndex(table, c.index());
        } else if (change instanceof SchemaChange.DropIndex c) {
            return algorithms.dropIndex(table, c.index());
        } else if (change instanceof SchemaChange.AddPrimaryKey || change instanceof SchemaChange.ModifyPrimaryKey) {
            return algorithms.addPrimaryKey(table);
        } else if (change instanceof SchemaChange.DropPrimaryKey) {
            return algorithms.dropPrimaryKey(table);
        } else if (change instanceof SchemaChange.AddForeignKey) {
            // foreign_key_checks is on, as a migration file leaves it: the server checks the rows by copying them.
            return algorithms.addForeignKey(table);
        } else if (change instanceof SchemaChange.DropForeignKey) {
            return algorithms.dropForeignKey(table);
        } else if (change instanceof SchemaChange.AddCheck) {
            return algorithms.addCheck(table);
        } else if (change instanceof SchemaChange.DropCheck) {
            return algorithms.dropCheck(table);
        }
        return null;
    }
}
