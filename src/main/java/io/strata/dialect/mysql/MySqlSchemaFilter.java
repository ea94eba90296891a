package io.strata.dialect.mysql;

import io.strata.dialect.SchemaFilter;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySqlSchemaFilter is the {@link SchemaFilter} of MySQL and MariaDB: CREATE, ALTER, DROP of tables, indexes, views,
 * triggers, routines, events and sequences, RENAME TABLE, table locks and transaction control, and the session settings
 * {@code mysqldump} writes (in version comments too, which the server runs). A {@code DEFINER} clause is removed
 * before the statement runs, so that a view or routine is defined as the replay's own login and never runs with
 * another account's rights. An event may run while the replay lasts if the server's scheduler is on; it runs as that
 * login, whose rights end at the scratch database, and is dropped with it.
 */
final class MySqlSchemaFilter implements SchemaFilter {

    /** Session settings a schema script may change. */
    private static final Set<String> SETTINGS = Set.of("character_set_client", "character_set_results",
            "character_set_connection", "collation_connection", "sql_mode", "time_zone", "unique_checks",
            "foreign_key_checks", "sql_notes", "sql_warnings", "sql_quote_show_create", "default_storage_engine",
            "storage_engine", "autocommit");

    private static final Set<String> SCHEMA_OBJECTS = Set.of("TABLE", "INDEX", "VIEW", "TRIGGER", "PROCEDURE", "FUNCTION", "EVENT",
            "SEQUENCE");
    private static final Set<String> OTHER_STATEMENTS = Set.of("LOCK", "UNLOCK", "START", "BEGIN", "COMMIT", "ROLLBACK");

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("SELECT", "it reads data, or writes a file with INTO OUTFILE"),
            Map.entry("WITH", "it reads data"),
            Map.entry("VALUES", "it reads data"),
            Map.entry("TABLE", "it reads data"),
            Map.entry("INSERT", "it writes data"),
            Map.entry("REPLACE", "it writes data"),
            Map.entry("UPDATE", "it writes data"),
            Map.entry("DELETE", "it writes data"),
            Map.entry("TRUNCATE", "it deletes data"),
            Map.entry("LOAD", "LOAD DATA reads a file"),
            Map.entry("CALL", "CALL runs a procedure"),
            Map.entry("DO", "DO runs expressions"),
            Map.entry("HANDLER", "it reads data"),
            Map.entry("USE", "a registered schema is replayed in a database of its own"),
            Map.entry("GRANT", "it changes accounts' rights"),
            Map.entry("REVOKE", "it changes accounts' rights"),
            Map.entry("EXECUTE", "it runs a prepared statement"),
            Map.entry("PREPARE", "it prepares a statement to run"));

    /** The head of CREATE, ALTER and DROP: past its options, the kind of object it names. */
    private static final Pattern HEAD = Pattern.compile("^(CREATE|ALTER|DROP)(?: OR REPLACE)?(?: ALGORITHM ?= ?\\w+)?"
            + "(?: DEFINER ?= ?\\S+(?: ?@ ?\\S+)?)?(?: SQL SECURITY \\w+)?"
            + "(?: (?:TEMPORARY|UNIQUE|FULLTEXT|SPATIAL|ONLINE|OFFLINE|AGGREGATE|IGNORE))* (\\w+)");

    /** Functions that reach the server's files, other sessions or the clock; and the clauses that write or read files. */
    private static final Pattern SIDE_EFFECTS = Pattern.compile("(?i)(?:(?<![\\w$])`?(load_file|sleep|benchmark|get_lock"
            + "|release_lock|release_all_locks|is_used_lock|is_free_lock|master_pos_wait|source_pos_wait|master_gtid_wait"
            + "|wait_for_executed_gtid_set|wait_until_sql_thread_after_gtids|sys_exec|sys_eval)`?\\s*\\()"
            + "|\\b(into\\s+(?:outfile|dumpfile)|load\\s+(?:data|xml))\\b");

    private static final Pattern STRINGS = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

    private static final Pattern DEFINER = Pattern.compile("(?i)\\bDEFINER\\s*=\\s*(?:`[^`]*`|'[^']*'|\"[^\"]*\""
            + "|CURRENT_USER(?:\\s*\\(\\s*\\))?|[\\w.$-]+)(?:\\s*@\\s*(?:`[^`]*`|'[^']*'|\"[^\"]*\"|[\\w.$%-]+))?");

    /** One assignment of a SET: its scope and the variable's name. */
    private static final Pattern ASSIGNMENT = Pattern.compile("^(@@GLOBAL\\.|@@PERSIST\\.|@@PERSIST_ONLY\\.|@@SESSION\\."
            + "|@@LOCAL\\.|@@|@|GLOBAL |PERSIST |PERSIST_ONLY |SESSION |LOCAL )?`?([A-Z_][A-Z0-9_$.]*)`?");

    @Override
    public boolean mysql() {
        return true;
    }

    @Override
    public Optional<String> refusal(String statement) {
        String code = SchemaFilter.code(statement, true);
        // Quoted text is data here: a stored program runs only when called, which a replay never does.
        Matcher effect = SIDE_EFFECTS.matcher(STRINGS.matcher(code).replaceAll("''"));
        if (effect.find()) {
            String what = effect.group(1) != null ? "it calls " + effect.group(1).toLowerCase(Locale.ROOT)
                    : "it uses " + effect.group(2);
            return Optional.of(what + ", which reaches beyond the schema");
        }
        String first = code.replaceFirst("^([A-Z_]*).*$", "$1");
        if (first.equals("CREATE") || first.equals("ALTER") || first.equals("DROP")) {
            Matcher head = HEAD.matcher(code);
            String kind = head.find() ? head.group(2) : "";
            if (!SCHEMA_OBJECTS.contains(kind)) {
                return Optional.of(first + " " + kind + " is not a statement on the schema's own tables, views or routines");
            }
            return code.contains(" SONAME ") ? Optional.of("a function from a library (SONAME) runs code of the server's host")
                    : Optional.empty();
        }
        if (first.equals("RENAME")) {
            return code.startsWith("RENAME TABLE ") ? Optional.empty() : Optional.of("it renames accounts");
        }
        if (OTHER_STATEMENTS.contains(first)) {
            return Optional.empty();
        }
        if (first.equals("SET")) {
            return setRefusal(code.substring(3).strip());
        }
        return Optional.of(WHY.getOrDefault(first, (first.isEmpty() ? "it" : first) + " is not a schema statement"));
    }

    /** The statement without a {@code DEFINER} clause. */
    @Override
    public Optional<String> runnable(String statement) {
        return Optional.of(DEFINER.matcher(statement).replaceAll(" "));
    }

    private static Optional<String> setRefusal(String target) {
        for (String refused : new String[] {"PASSWORD", "ROLE", "DEFAULT ROLE", "STATEMENT"}) {
            if (target.startsWith(refused + " ") || target.startsWith(refused + "=")) {
                return Optional.of("SET " + refused + " changes accounts or runs another statement");
            }
        }
        if (target.startsWith("NAMES ") || target.startsWith("CHARACTER SET ") || target.startsWith("CHARSET ")
                || target.startsWith("TRANSACTION ")) {
            return Optional.empty();
        }
        for (String assignment : assignments(target)) {
            Matcher m = ASSIGNMENT.matcher(assignment.strip());
            if (!m.find()) {
                return Optional.of("it is not a SET this replay understands");
            }
            String scope = m.group(1) == null ? "" : m.group(1).strip();
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (scope.equals("@")) {
                continue;
            }
            if (scope.contains("GLOBAL") || scope.contains("PERSIST")) {
                return Optional.of("it changes " + name + " for the whole server");
            }
            if (!SETTINGS.contains(name)) {
                return Optional.of("it changes setting " + name + ", which a schema script may not");
            }
        }
        return Optional.empty();
    }

    /** The assignments of a SET, split at commas outside parentheses and quotes. */
    private static java.util.List<String> assignments(String target) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(target.substring(start, i));
                start = i + 1;
            }
        }
        out.add(target.substring(start));
        return out;
    }
}
