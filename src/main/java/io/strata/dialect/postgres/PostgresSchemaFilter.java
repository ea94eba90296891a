package io.strata.dialect.postgres;

import io.strata.dialect.SchemaFilter;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgresSchemaFilter is the {@link SchemaFilter} of PostgreSQL: CREATE, ALTER, DROP, COMMENT, GRANT and REVOKE of
 * schema objects (functions, procedures and triggers included), transaction control, and the session settings
 * {@code pg_dump} writes ({@code SET search_path}, {@code SELECT pg_catalog.set_config('search_path', '', false)}...).
 * {@code SET statement_timeout} (which {@code pg_dump} writes first) and {@code ALTER ... OWNER TO} are accepted and
 * not run: the replay keeps its own time limit, and its login may not give objects away.
 */
final class PostgresSchemaFilter implements SchemaFilter {

    /** Session settings a schema script may change: how names, text and bodies are read, never who or how long. */
    private static final Set<String> SETTINGS = Set.of("search_path", "client_encoding", "standard_conforming_strings",
            "check_function_bodies", "client_min_messages", "default_tablespace", "default_table_access_method",
            "default_toast_compression", "default_with_oids", "xmloption", "row_security", "lock_timeout",
            "idle_in_transaction_session_timeout", "transaction_timeout", "timezone", "datestyle", "intervalstyle",
            "extra_float_digits", "escape_string_warning");

    /** Settings a script may name but the replay keeps: accepted, not run. */
    private static final Set<String> KEPT = Set.of("statement_timeout");

    private static final Set<String> OBJECT_STATEMENTS = Set.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE",
            "SECURITY");
    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK",
            "SAVEPOINT", "RELEASE", "ABORT");

    /** Objects of the server rather than of a schema, or that reach outside it. */
    private static final Set<String> SERVER_OBJECTS = Set.of("ROLE", "USER", "GROUP", "DATABASE", "SYSTEM", "TABLESPACE",
            "SUBSCRIPTION", "SERVER", "FOREIGN", "EVENT", "LANGUAGE");
    private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL",
            "LOCAL", "UNIQUE", "DEFAULT", "TRUSTED", "PROCEDURAL", "CONSTRAINT", "RECURSIVE");

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("DO", "a DO block runs code"),
            Map.entry("COPY", "COPY moves data between tables and files or programs"),
            Map.entry("CALL", "CALL runs a procedure"),
            Map.entry("LOAD", "LOAD loads a library into the server"),
            Map.entry("SELECT", "it reads data or runs functions"),
            Map.entry("WITH", "it reads or writes data"),
            Map.entry("VALUES", "it reads data"),
            Map.entry("TABLE", "it reads data"),
            Map.entry("INSERT", "it writes data"),
            Map.entry("UPDATE", "it writes data"),
            Map.entry("DELETE", "it writes data"),
            Map.entry("MERGE", "it writes data"),
            Map.entry("TRUNCATE", "it deletes data"),
            Map.entry("REFRESH", "it runs a materialized view's query"),
            Map.entry("EXECUTE", "it runs a prepared statement"),
            Map.entry("PREPARE", "it prepares a statement to run"),
            Map.entry("DISCARD", "it resets the session"),
            Map.entry("IMPORT", "it reaches a foreign server"));

    /** pg_dump's way of setting the search path: a literal setting name and value, nothing computed. */
    private static final Pattern SET_CONFIG = Pattern.compile(
            "^SELECT (?:PG_CATALOG\\.)?SET_CONFIG ?\\( ?'([A-Z_]+)' ?, ?'[^']*' ?, ?(?:TRUE|FALSE) ?\\) ?;?$");

    /** Functions that reach the server's files, programs, settings, other sessions or the clock. */
    private static final Pattern SIDE_EFFECTS = Pattern.compile("(?i)(?<![\\w$])\"?(pg_read_file|pg_read_binary_file"
            + "|pg_ls_\\w+|pg_stat_file|pg_file_\\w+|lo_import|lo_export|pg_sleep(?:_for|_until)?|dblink\\w*"
            + "|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|set_config"
            + "|pg_(?:try_)?advisory_\\w+|pg_notify|pg_promote|pg_switch_wal|pg_backup_\\w+|pg_create_restore_point"
            + "|pg_log_backend_memory_contexts|pg_\\w*replication_\\w+)\"?\\s*\\(");

    private static final Pattern META_COMMAND = Pattern.compile("(?m)^[ \t]*\\\\(?:un)?restrict[ \t]+\\S+[ \t]*$");
    private static final Pattern OWNER_TO = Pattern.compile("^ALTER .+ OWNER TO (?:\"[^\"]*\"|[A-Z0-9_$]+) ?;?$");
    private static final Pattern SETTING = Pattern.compile("^(?:\"([^\"]+)\"|([A-Z_][A-Z0-9_]*))\\b(.*)$");

    @Override
    public boolean mysql() {
        return false;
    }

    @Override
    public Optional<String> refusal(String statement) {
        String code = SchemaFilter.code(withoutMetaCommands(statement), false);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Matcher setConfig = SET_CONFIG.matcher(code);
        if (setConfig.matches()) {
            String name = setConfig.group(1).toLowerCase(Locale.ROOT);
            // Run as it is written, so only a setting that may run: never one the replay keeps.
            return SETTINGS.contains(name) ? Optional.empty() : notAllowed(name);
        }
        Matcher effect = SIDE_EFFECTS.matcher(statement);
        if (effect.find()) {
            return Optional.of("it calls " + effect.group(1) + ", which reaches beyond the schema");
        }
        String first = firstWord(code);
        if (OBJECT_STATEMENTS.contains(first)) {
            String kind = objectKind(code);
            return SERVER_OBJECTS.contains(kind) ? Optional.of(first + " " + kind + " changes the server, not a schema")
                    : Optional.empty();
        }
        if (TRANSACTION_CONTROL.contains(first)) {
            return Optional.empty();
        }
        if (first.equals("SET")) {
            return setRefusal(code);
        }
        if (first.equals("RESET")) {
            return settingRefusal(code.substring("RESET".length()).strip());
        }
        return Optional.of(WHY.getOrDefault(first, (first.isEmpty() ? "it" : first) + " is not a schema statement"));
    }

    @Override
    public Optional<String> runnable(String statement) {
        String sql = withoutMetaCommands(statement);
        String code = SchemaFilter.code(sql, false);
        boolean keptSetting = code.startsWith("SET ") && KEPT.contains(settingName(setTarget(code)));
        boolean owner = OWNER_TO.matcher(code).matches() && !code.contains(" RENAME ") && !hasTopLevelComma(code);
        return code.isEmpty() || keptSetting || owner ? Optional.empty() : Optional.of(sql);
    }

    /**
     * {@code statement} without the psql {@code restrict} and {@code unrestrict} commands {@code pg_dump} writes around
     * a dump: commands to psql, not SQL, which the splitter leaves at the head of the next statement.
     */
    private static String withoutMetaCommands(String statement) {
        return META_COMMAND.matcher(statement).replaceAll("");
    }

    private static Optional<String> setRefusal(String code) {
        String target = setTarget(code);
        if (code.startsWith("SET SESSION AUTHORIZATION") || target.startsWith("ROLE")) {
            return Optional.of("it changes who the session is");
        }
        for (String harmless : new String[] {"TIME ZONE", "NAMES", "SCHEMA", "CONSTRAINTS", "TRANSACTION",
                "CHARACTERISTICS"}) {
            if (target.startsWith(harmless)) {
                return Optional.empty();
            }
        }
        return settingRefusal(target);
    }

    /** What a SET changes: its text after {@code SET}, {@code SET SESSION} or {@code SET LOCAL}. */
    private static String setTarget(String code) {
        return code.replaceFirst("^SET (?:SESSION |LOCAL )?", "");
    }

    private static Optional<String> settingRefusal(String target) {
        String name = settingName(target);
        if (SETTINGS.contains(name) || KEPT.contains(name)) {
            return Optional.empty();
        }
        return notAllowed(name.isEmpty() ? target : name);
    }

    private static Optional<String> notAllowed(String setting) {
        return Optional.of("it changes setting " + setting + ", which a schema script may not");
    }

    /** The setting a SET or RESET names, lower case. */
    private static String settingName(String target) {
        Matcher m = SETTING.matcher(target.strip());
        if (!m.matches()) {
            return "";
        }
        return (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String code) {
        Matcher m = Pattern.compile("^[A-Z_]+").matcher(code);
        return m.find() ? m.group() : "";
    }

    /** The kind of object a CREATE, ALTER, DROP, COMMENT ON, GRANT or SECURITY LABEL names, past its modifiers. */
    private static String objectKind(String code) {
        String[] words = code.split("[ (]");
        int i = 1;
        while (i < words.length && (CREATE_MODIFIERS.contains(words[i]) || words[i].equals("ON") || words[i].equals("LABEL"))) {
            i++;
        }
        return i < words.length ? words[i] : "";
    }

    /** Whether {@code code} has a comma outside parentheses and quotes: an ALTER with several actions. */
    private static boolean hasTopLevelComma(String code) {
        int depth = 0;
        boolean quoted = false;
        for (char c : code.toCharArray()) {
            if (c == '"' || c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                return true;
            }
        }
        return false;
    }
}
