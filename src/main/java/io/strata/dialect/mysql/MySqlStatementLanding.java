package io.strata.dialect.mysql;

import io.strata.dialect.StatementLanding;
import io.strata.dialect.mysql.MySqlDdlCursor.Name;
import io.strata.dialect.mysql.MySqlDefinitions.IndexDef;
import io.strata.error.StrataException;
import io.strata.model.ObjectKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MySqlStatementLanding tells whether a DDL statement took effect, from what information_schema shows. On
 * MySQL and MariaDB every DDL statement commits on its own, so any of them can have finished after its run
 * died and before it was marked applied. It knows the statements the planner writes: CREATE, DROP and RENAME
 * TABLE; ALTER TABLE with column, index, key, foreign key, check and table option clauses; CREATE and DROP
 * INDEX, TRIGGER, VIEW, FUNCTION, PROCEDURE and EVENT. A statement landed when what it makes is there as it
 * defines it (a column with its type, nullability, default and the rest; an index with its parts); anything it cannot read, or can read but
 * not compare, answers NO, so the statement runs again as it did before there was a check.
 */
final class MySqlStatementLanding implements StatementLanding {

    @Override
    public Verdict check(Connection connection, String sql) throws SQLException {
        MySqlLandingSchema live = new MySqlLandingSchema(connection);
        try {
            return live.current() != null && (landed(new MySqlDdlCursor(sql), live) || programCreated(sql, live))
                    ? Verdict.yes() : Verdict.no();
        } catch (StrataException e) {
            // The inspector wraps the driver's errors; as SQL errors they fail the run like any other statement's.
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean landed(MySqlDdlCursor c, MySqlLandingSchema live) throws SQLException {
        // SET STATEMENT var=value[, ...] FOR statement (MariaDB) scopes a variable to the statement.
        if (c.accept("SET", "STATEMENT") && !skipTo(c, "FOR")) {
            return false;
        }
        if (c.accept("ALTER")) {
            c.accept("ONLINE");
            c.accept("IGNORE");
            return c.accept("TABLE") && altered(c, live);
        }
        if (c.accept("CREATE")) {
            return created(c, live);
        }
        if (c.accept("DROP")) {
            return dropped(c, live);
        }
        return c.accept("RENAME", "TABLE") && renamed(c, live);
    }

    private static boolean altered(MySqlDdlCursor c, MySqlLandingSchema live) throws SQLException {
        c.accept("IF", "EXISTS");
        Name name = c.qualifiedName();
        if (name == null) {
            return false;
        }
        skipWait(c);
        MySqlTableLanding table = MySqlTableLanding.of(live, name);
        return table != null && table.altered(c.rest());
    }

    private static boolean created(MySqlDdlCursor c, MySqlLandingSchema live) throws SQLException {
        // What OR REPLACE makes cannot be told from a same object that was there before; it replaces it when run again.
        if (c.accept("OR", "REPLACE")) {
            return false;
        }
        if (c.accept("TABLE")) {
            c.accept("IF", "NOT", "EXISTS");
            Name name = c.qualifiedName();
            if (name != null && (c.accept("AS") || c.peek("SELECT"))) {
                return copied(c, live, name);
            }
            String body = name == null ? null : c.group();
            MySqlTableLanding table = body == null ? null : MySqlTableLanding.of(live, name);
            return table != null && table.created(body, c);
        }
        boolean unique = c.accept("UNIQUE");
        String kind = unique ? null : c.accept("FULLTEXT") ? "FULLTEXT" : c.accept("SPATIAL") ? "SPATIAL" : null;
        if (c.accept("INDEX")) {
            return indexCreated(c, live, unique, kind);
        }
        if (unique || kind != null) {
            return false;
        }
        if (c.accept("TRIGGER")) {
            return triggerCreated(c, live);
        }
        return c.accept("VIEW") && viewCreated(c, live);
    }

    /**
     * CREATE TABLE name AS SELECT columns FROM table, the executor's backup of what a step destroys: a table of
     * that (unique) name with those columns. It holds every row only where CREATE ... SELECT is atomic (MariaDB
     * 10.6, MySQL 8.0.21): before, a server that stopped half way kept the table and the rows it had copied.
     */
    private static boolean copied(MySqlDdlCursor c, MySqlLandingSchema live, Name name) throws SQLException {
        if (!c.accept("SELECT")) {
            return false;
        }
        List<String> columns = c.list(c::name);
        boolean plain = columns != null && c.accept("FROM") && c.qualifiedName() != null && c.atEnd();
        if (!plain || !live.version().atLeast("10.6.0", "8.0.21")) {
            return false;
        }
        MySqlTableLanding table = MySqlTableLanding.of(live, name);
        return table != null && table.hasColumns(columns);
    }

    /** CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name [USING m] ON table (parts) [options] [ALGORITHM|LOCK]. */
    private static boolean indexCreated(MySqlDdlCursor c, MySqlLandingSchema live, boolean unique, String kind) throws SQLException {
        c.accept("IF", "NOT", "EXISTS");
        String name = c.name();
        String using = c.accept("USING") ? MySqlDdlCursor.upper(c.name()) : null;
        Name on = name != null && c.accept("ON") ? c.qualifiedName() : null;
        IndexDef def = on == null ? null : MySqlDefinitions.indexBody(c, name, unique, kind, using);
        if (def == null || !skipAlgorithmAndLock(c)) {
            return false;
        }
        MySqlTableLanding table = MySqlTableLanding.of(live, on);
        return table != null && table.indexShown(def.index());
    }

    /** CREATE TRIGGER name BEFORE|AFTER event ON table FOR EACH ROW body: that trigger, on that table, with that body. */
    private static boolean triggerCreated(MySqlDdlCursor c, MySqlLandingSchema live) throws SQLException {
        c.accept("IF", "NOT", "EXISTS");
        Name name = c.qualifiedName();
        String timing = word(c, "BEFORE", "AFTER");
        String event = word(c, "INSERT", "UPDATE", "DELETE");
        Name on = name != null && timing != null && event != null && c.accept("ON") ? c.qualifiedName() : null;
        if (on == null || !c.accept("FOR", "EACH", "ROW") || c.peek("FOLLOWS") || c.peek("PRECEDES")) {
            return false;
        }
        String body = c.rest();
        Optional<MySqlLandingSchema.Trigger> trigger = live.trigger(name);
        return trigger.isPresent() && live.sameTable(trigger.get().table(), on.name())
                && live.schemaOf(on).equals(live.schemaOf(name)) && trigger.get().timing().equalsIgnoreCase(timing)
                && trigger.get().event().equalsIgnoreCase(event) && trigger.get().body().strip().equals(body);
    }

    /**
     * CREATE FUNCTION, PROCEDURE or EVENT name ...: that object, whose definition as the inspector reads it is the
     * statement itself (which is how the planner writes it); one written any other way is not compared.
     */
    private static boolean programCreated(String sql, MySqlLandingSchema live) throws SQLException {
        MySqlDdlCursor c = new MySqlDdlCursor(sql);
        String kind = c.accept("CREATE") ? word(c, "FUNCTION", "PROCEDURE", "EVENT") : null;
        Name name = kind == null ? null : c.qualifiedName();
        return name != null && live.program(ObjectKind.valueOf(kind), name)
                .map(o -> o.definition().equals(sql.strip())).orElse(false);
    }

    /**
     * CREATE VIEW name AS select: that view with that body, as the server prints it (which is how the planner
     * writes it); a view with a column list or other options is not compared.
     */
    private static boolean viewCreated(MySqlDdlCursor c, MySqlLandingSchema live) throws SQLException {
        c.accept("IF", "NOT", "EXISTS");
        Name name = c.qualifiedName();
        if (name == null || !c.accept("AS")) {
            return false;
        }
        String body = c.rest();
        return live.view(name).map(v -> v.definition().strip().equals(body)).orElse(false);
    }

    private static boolean dropped(MySqlDdlCursor c, MySqlLandingSchema live) throws SQLException {
        if (c.accept("TABLE") || c.accept("VIEW")) {
            c.accept("IF", "EXISTS");
            List<Name> names = c.list(c::qualifiedName);
            c.accept("RESTRICT");
            c.accept("CASCADE");
            if (names == null || !c.atEnd()) {
                return false;
            }
            for (Name name : names) {
                if (live.exists(name)) {
                    return false;
                }
            }
            return true;
        }
        if (c.accept("INDEX")) {
            c.accept("IF", "EXISTS");
            String name = c.name();
            Name on = name != null && c.accept("ON") ? c.qualifiedName() : null;
            MySqlTableLanding table = on != null && skipAlgorithmAndLock(c) ? MySqlTableLanding.of(live, on) : null;
            return table != null && table.indexAbsent(name);
        }
        if (c.accept("TRIGGER")) {
            c.accept("IF", "EXISTS");
            Name name = c.qualifiedName();
            return name != null && c.atEnd() && live.trigger(name).isEmpty();
        }
        String program = word(c, "FUNCTION", "PROCEDURE", "EVENT");
        if (program != null) {
            c.accept("IF", "EXISTS");
            Name name = c.qualifiedName();
            return name != null && c.atEnd() && live.program(ObjectKind.valueOf(program), name).isEmpty();
        }
        return false;
    }

    /**
     * RENAME TABLE a TO b[, c TO d]: each new name is there and each old one gone. A chain or a swap through a
     * third name never reads as landed: the middle name would have to be both there and gone.
     */
    private static boolean renamed(MySqlDdlCursor c, MySqlLandingSchema live) throws SQLException {
        c.accept("IF", "EXISTS");
        List<Name[]> pairs = new ArrayList<>();
        do {
            Name from = c.qualifiedName();
            skipWait(c);
            Name to = from != null && c.accept("TO") ? c.qualifiedName() : null;
            if (to == null) {
                return false;
            }
            pairs.add(new Name[]{from, to});
        } while (c.symbol(','));
        if (!c.atEnd()) {
            return false;
        }
        for (Name[] pair : pairs) {
            if (!live.exists(pair[1]) || live.exists(pair[0])) {
                return false;
            }
        }
        return true;
    }

    /** The first of {@code words} that comes next, consumed; null when none does. */
    private static String word(MySqlDdlCursor c, String... words) {
        for (String word : words) {
            if (c.accept(word)) {
                return word;
            }
        }
        return null;
    }

    /** MariaDB's {@code WAIT n} or {@code NOWAIT} after a table name. */
    private static void skipWait(MySqlDdlCursor c) {
        if (c.accept("WAIT")) {
            c.value();
        } else {
            c.accept("NOWAIT");
        }
    }

    /** ALGORITHM [=] x and LOCK [=] x to the end, which change how a statement runs, not what it makes. */
    private static boolean skipAlgorithmAndLock(MySqlDdlCursor c) {
        while (!c.atEnd()) {
            if (!c.accept("ALGORITHM") && !c.accept("LOCK")) {
                return false;
            }
            c.symbol('=');
            if (c.name() == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean skipTo(MySqlDdlCursor c, String word) {
        while (!c.accept(word)) {
            if (!c.symbol(',') && !c.symbol('=') && c.value() == null) {
                return false;
            }
        }
        return true;
    }
}
