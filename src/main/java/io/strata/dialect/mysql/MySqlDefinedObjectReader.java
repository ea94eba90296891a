package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlCatalogRows.Row;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MySqlDefinedObjectReader reads a database's functions, procedures, triggers and events as {@link DefinedObject}s
 * whose definition is a CREATE statement that runs as written on MySQL 8 and MariaDB. Grants are left out: MySQL
 * keeps them per account, and the accounts of a target do not exist on the server its SQL files are replayed on.
 *
 * <p>What the text leaves out carries no meaning for the comparison: the DEFINER (the replay runs as another login),
 * the sql_mode and character set the server records beside the text, the {@code `database`.} qualifier of the
 * database's own names, and an event's STARTS clause when it only repeats the moment the event was created (the
 * server prints one even when none was written, so every replay would print another).
 */
final class MySqlDefinedObjectReader {

    private static final MySqlQuoter Q = new MySqlQuoter();

    private static final Pattern DEFINER = Pattern.compile("(?i)^CREATE\\s+DEFINER\\s*=\\s*(?:`(?:[^`]|``)*`|'(?:[^'\\\\]|\\\\.)*'"
            + "|\\S+?)(?:\\s*@\\s*(?:`(?:[^`]|``)*`|'(?:[^'\\\\]|\\\\.)*'|[^\\s`']+))?\\s+");

    private static final String ROUTINES = """
            SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES
            WHERE ROUTINE_SCHEMA IN (%s) AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE')
            ORDER BY ROUTINE_SCHEMA, ROUTINE_NAME""";

    // The strata_sync_ triggers are Strata's own: an online column change keeps two columns in step with them
    // between its phases. They are machinery, like the history tables, not part of anyone's schema.
    private static final String TRIGGERS = """
            SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_TIMING, ACTION_STATEMENT
            FROM information_schema.TRIGGERS
            WHERE TRIGGER_SCHEMA IN (%s) AND TRIGGER_NAME NOT LIKE 'strata\\_sync\\_%'
            ORDER BY TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER""";

    // STARTS is kept only when it is not the moment of creation: the server fills it in when none is given.
    private static final String EVENTS = """
            SELECT EVENT_SCHEMA, EVENT_NAME, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD,
                   CASE WHEN ABS(TIMESTAMPDIFF(SECOND, STARTS, CREATED)) <= 1 THEN NULL ELSE STARTS END AS STARTS,
                   ENDS, ON_COMPLETION, STATUS, EVENT_COMMENT, EVENT_DEFINITION
            FROM information_schema.EVENTS
            WHERE EVENT_SCHEMA IN (%s)
            ORDER BY EVENT_SCHEMA, EVENT_NAME""";

    private MySqlDefinedObjectReader() {
    }

    /** Each database's functions, procedures, triggers and events, sorted by {@link DefinedObject#identity()}. */
    static Map<String, List<DefinedObject>> read(MySqlCatalogRows info) {
        Map<String, List<DefinedObject>> out = new LinkedHashMap<>();
        for (Row row : info.rows(ROUTINES)) {
            String schema = row.get("ROUTINE_SCHEMA");
            String kind = row.get("ROUTINE_TYPE");
            String name = row.get("ROUTINE_NAME");
            String text = info.showCreate("SHOW CREATE " + kind + " " + Q.qualified(schema, name),
                    kind.toLowerCase(Locale.ROOT) + " " + name);
            out.computeIfAbsent(schema, k -> new ArrayList<>()).add(new DefinedObject(ObjectKind.valueOf(kind), name,
                    null, clean(withoutDefiner(text), schema)));
        }
        for (Row row : info.rows(TRIGGERS)) {
            String schema = row.get("TRIGGER_SCHEMA");
            out.computeIfAbsent(schema, k -> new ArrayList<>()).add(trigger(row, schema));
        }
        for (Row row : info.rows(EVENTS)) {
            String schema = row.get("EVENT_SCHEMA");
            out.computeIfAbsent(schema, k -> new ArrayList<>()).add(event(row, schema));
        }
        out.values().forEach(list -> list.sort(Comparator.comparing(DefinedObject::identity)));
        return out;
    }

    /** {@code text} without its leading {@code DEFINER = user@host}. */
    static String withoutDefiner(String text) {
        return DEFINER.matcher(text.strip()).replaceFirst("CREATE ");
    }

    /**
     * The trigger's statement as MySQL 8 prints it, rebuilt from information_schema: MariaDB prints the text as it
     * was written instead, so the same trigger would read differently on each server and for each way of quoting.
     */
    private static DefinedObject trigger(Row row, String schema) {
        String name = row.get("TRIGGER_NAME");
        String table = row.get("EVENT_OBJECT_TABLE");
        String sql = "CREATE TRIGGER " + Q.ident(name) + " " + row.get("ACTION_TIMING") + " "
                + row.get("EVENT_MANIPULATION") + " ON " + Q.ident(table) + " FOR EACH ROW " + row.get("ACTION_STATEMENT");
        return new DefinedObject(ObjectKind.TRIGGER, name, table, clean(sql, schema));
    }

    /** The event's statement rebuilt from information_schema (see the class comment for STARTS). */
    private static DefinedObject event(Row row, String schema) {
        StringBuilder sql = new StringBuilder("CREATE EVENT ").append(Q.ident(row.get("EVENT_NAME"))).append(" ON SCHEDULE ");
        if ("ONE TIME".equals(row.get("EVENT_TYPE"))) {
            sql.append("AT ").append(Q.literal(row.get("EXECUTE_AT")));
        } else {
            String every = row.get("INTERVAL_VALUE");
            sql.append("EVERY ").append(every.matches("\\d+") ? every : Q.literal(every)).append(' ')
                    .append(row.get("INTERVAL_FIELD"));
            if (row.get("STARTS") != null) {
                sql.append(" STARTS ").append(Q.literal(row.get("STARTS")));
            }
            if (row.get("ENDS") != null) {
                sql.append(" ENDS ").append(Q.literal(row.get("ENDS")));
            }
        }
        sql.append(" ON COMPLETION ").append(row.get("ON_COMPLETION")).append(' ').append(switch (row.get("STATUS")) {
            case "DISABLED" -> "DISABLE";
            // MySQL 8.0.22 renamed the status; both servers still take the old clause.
            case "SLAVESIDE_DISABLED", "REPLICA_SIDE_DISABLED" -> "DISABLE ON SLAVE";
            default -> "ENABLE";
        });
        if (row.nonEmpty("EVENT_COMMENT") != null) {
            sql.append(" COMMENT ").append(Q.literal(row.get("EVENT_COMMENT")));
        }
        sql.append(" DO ").append(row.get("EVENT_DEFINITION"));
        return new DefinedObject(ObjectKind.EVENT, row.get("EVENT_NAME"), null, clean(sql.toString(), schema));
    }

    /** Without the database's own qualifier, which a replay in a scratch database would print differently, and trailing blanks. */
    private static String clean(String sql, String schema) {
        return MySqlSqlText.stripSchema(sql, schema).strip();
    }
}
