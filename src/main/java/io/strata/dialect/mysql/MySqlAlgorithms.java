package io.strata.dialect.mysql;

import io.strata.model.Column;
import io.strata.model.Index;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.plan.LockImpact;

import java.util.Locale;
import java.util.Set;

/**
 * MySqlAlgorithms knows which ALTER TABLE algorithm a server version supports for each operation.
 * Every ALTER the planner writes names its algorithm: when the server cannot honour it, the statement
 * fails at once instead of silently copying a large table under a lock.
 */
final class MySqlAlgorithms {

    /** How strongly an operation disturbs the table, weakest first, so that combined operations take the strongest. */
    enum Level { INSTANT, INPLACE, INPLACE_REBUILD, INPLACE_SHARED, COPY }

    /** The algorithm clause an ALTER TABLE ends with and what it does to concurrent clients. */
    record Recipe(Level level, String clause, LockImpact lock) {
        String appendTo(String alter) {
            return alter + ", " + clause;
        }
    }

    private final MySqlVersion version;

    MySqlAlgorithms(MySqlVersion version) {
        this.version = version;
    }

    static Recipe recipe(Level level) {
        return switch (level) {
            case INSTANT -> new Recipe(level, "ALGORITHM=INSTANT", new LockImpact("metadata lock", false, false));
            case INPLACE -> new Recipe(level, "ALGORITHM=INPLACE, LOCK=NONE", new LockImpact("LOCK=NONE", false, false));
            case INPLACE_REBUILD -> new Recipe(level, "ALGORITHM=INPLACE, LOCK=NONE", new LockImpact("LOCK=NONE", true, false));
            // Full-text and spatial indexes cannot be built while writers continue.
            case INPLACE_SHARED -> new Recipe(level, "ALGORITHM=INPLACE, LOCK=SHARED", new LockImpact("LOCK=SHARED", true, false));
            case COPY -> new Recipe(level, "ALGORITHM=COPY", new LockImpact("LOCK=SHARED", true, true));
        };
    }

    /** {@code level} on InnoDB; other engines (MyISAM, MEMORY, Aria) support neither INSTANT nor online INPLACE. */
    Recipe on(Table table, Level level) {
        String engine = table == null ? null : table.options().get("engine");
        boolean innoDb = engine == null || engine.toLowerCase(Locale.ROOT).equals("innodb");
        return recipe(innoDb ? level : Level.COPY);
    }

    Recipe addColumn(Table table, Column column, boolean atEnd) {
        if (column.identity() != null || column.generatedExpr() != null && column.generatedStored()) {
            // New auto-increment values and stored generated values must be written into every row.
            return on(table, Level.COPY);
        }
        if (hasFullText(table)) {
            return on(table, Level.INPLACE_SHARED);
        }
        boolean instant = atEnd ? version.atLeast("10.3.2", "8.0.12") : version.atLeast("10.4.0", "8.0.29");
        return on(table, instant ? Level.INSTANT : Level.INPLACE_REBUILD);
    }

    Recipe dropColumn(Table table) {
        if (hasFullText(table)) {
            return on(table, Level.INPLACE_SHARED);
        }
        return on(table, version.atLeast("10.4.0", "8.0.29") ? Level.INSTANT : Level.INPLACE_REBUILD);
    }

    Recipe renameColumn(Table table) {
        return on(table, version.atLeast("10.3.2", "8.0.28") ? Level.INSTANT : Level.INPLACE);
    }

    /** RENAME COLUMN exists from MariaDB 10.5.2 and MySQL 8.0; older servers need CHANGE with the full definition. */
    boolean hasRenameColumn() {
        return version.atLeast("10.5.2", "8.0.0");
    }

    Recipe setDefault(Table table) {
        return on(table, version.atLeast("10.3.2", "8.0.0") ? Level.INSTANT : Level.INPLACE);
    }

    /** The recipe for MODIFY COLUMN from {@code from} to {@code to}: the strongest any changed property needs. */
    Recipe modifyColumn(Table table, Column from, Column to, Set<ColumnChangeKind> kinds) {
        Level level = Level.INSTANT;
        for (ColumnChangeKind kind : kinds) {
            Level needed = switch (kind) {
                case DEFAULT -> version.atLeast("10.3.2", "8.0.0") ? Level.INSTANT : Level.INPLACE;
                case COMMENT -> version.atLeast("10.3.2", null) ? Level.INSTANT : Level.INPLACE;
                case NULLABILITY -> Level.INPLACE_REBUILD;
                case TYPE -> typeChange(from, to, table);
                case IDENTITY, GENERATED, COLLATION, CHARSET -> Level.COPY;
            };
            level = needed.compareTo(level) > 0 ? needed : level;
        }
        return on(table, level);
    }

    private Level typeChange(Column from, Column to, Table table) {
        String charset = to.charset() != null ? to.charset() : table == null ? null : table.options().get("charset");
        return switch (MySqlTypeChange.of(from.type(), to.type(), charset)) {
            case MEMBERS_APPENDED -> version.atLeast("10.3.7", "8.0.0") ? Level.INSTANT : Level.INPLACE;
            case VARCHAR_SAME_PREFIX -> Level.INPLACE;
            case WIDENING, NARROWING -> Level.COPY;
        };
    }

    Recipe addIndex(Table table, Index index) {
        if (longUnique(index)) {
            return on(table, Level.COPY);
        }
        return on(table, fullTextOrSpatial(index) ? Level.INPLACE_SHARED : Level.INPLACE);
    }

    Recipe dropIndex(Table table, Index index) {
        return on(table, longUnique(index) ? Level.COPY : Level.INPLACE);
    }

    /**
     * MariaDB's {@code UNIQUE ... USING HASH} (a long unique key) is kept in a hidden virtual column, and the
     * server refuses to add or drop a virtual column INPLACE together with anything else: only COPY takes it.
     */
    private static boolean longUnique(Index index) {
        return index.unique() && index.method() != null && index.method().equalsIgnoreCase("HASH");
    }

    /** Adding or changing a primary key rebuilds the clustered index, online. */
    Recipe addPrimaryKey(Table table) {
        return on(table, Level.INPLACE_REBUILD);
    }

    /** InnoDB cannot rebuild a table in place without any primary key to cluster it by. */
    Recipe dropPrimaryKey(Table table) {
        return on(table, Level.COPY);
    }

    /**
     * ADD FOREIGN KEY is INPLACE only with foreign_key_checks=0, which would skip checking the existing
     * rows; COPY checks them, at the price of a rewrite under a shared lock. This is the recipe for a key
     * whose rows nothing else checks: see {@link #addForeignKeyUnchecked} for the online one.
     */
    Recipe addForeignKey(Table table) {
        return on(table, Level.COPY);
    }

    /**
     * Whether a foreign key can be added INPLACE under {@code SET STATEMENT foreign_key_checks=0 FOR},
     * after a separate statement has checked the existing rows. SET STATEMENT (MariaDB 10.1.2) scopes the
     * variable to the one ALTER, so it is back on even when the ALTER fails or the connection is reused;
     * MySQL has no statement-scoped variable for DDL (SET_VAR hints do not apply to ALTER TABLE), and a
     * session SET could stay off after a failure, so MySQL keeps COPY. Other engines have no online path.
     */
    boolean addForeignKeyUnchecked(Table table) {
        return version.atLeast("10.1.2", null) && on(table, Level.INPLACE).level() == Level.INPLACE;
    }

    Recipe dropForeignKey(Table table) {
        return on(table, Level.INPLACE);
    }

    /** A new check reads every row, which the servers only do while copying the table. */
    Recipe addCheck(Table table) {
        return on(table, Level.COPY);
    }

    Recipe dropCheck(Table table) {
        return on(table, version.atLeast("10.2.1", "8.0.16") ? Level.INPLACE : Level.COPY);
    }

    Recipe tableComment(Table table) {
        return on(table, Level.INPLACE);
    }

    /** Engine, character set and row format changes rewrite every row. */
    Recipe rebuildTable(Table table) {
        return on(table, Level.COPY);
    }

    static boolean hasFullText(Table table) {
        return table != null && table.indexes().stream().anyMatch(MySqlAlgorithms::fullTextOrSpatial);
    }

    private static boolean fullTextOrSpatial(Index index) {
        String method = index.method() == null ? "" : index.method().toUpperCase(Locale.ROOT);
        return method.equals("FULLTEXT") || method.equals("SPATIAL");
    }
}
