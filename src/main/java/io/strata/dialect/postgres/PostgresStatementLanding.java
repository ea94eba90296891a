package io.strata.dialect.postgres;

import io.strata.dialect.StatementLanding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgresStatementLanding knows the statements PostgreSQL runs outside a transaction, which are the only
 * ones that can land without being recorded (the others commit with their history row): an index built
 * or dropped {@code CONCURRENTLY} and an enum value added. A concurrent build that was cut short leaves an
 * INVALID index behind, which is dropped before building again, as PostgreSQL's documentation advises.
 */
final class PostgresStatementLanding implements StatementLanding {

    private static final PostgresQuoter QUOTER = new PostgresQuoter();
    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+(?:ONLY\\s+)?(?:" + NAME + "\\s*\\.\\s*)?" + NAME + ".*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^\\s*DROP\\s+INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+EXISTS\\s+)?"
            + "(?:" + NAME + "\\s*\\.\\s*)?" + NAME + "\\s*(?:CASCADE|RESTRICT)?\\s*;?\\s*$");
    private static final Pattern ADD_ENUM_VALUE = Pattern.compile("(?is)^\\s*ALTER\\s+TYPE\\s+(?:" + NAME + "\\s*\\.\\s*)?" + NAME
            + "\\s+ADD\\s+VALUE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?'((?:[^']|'')*)'.*");

    @Override
    public Verdict check(Connection connection, String sql) throws SQLException {
        Matcher create = CREATE_INDEX.matcher(sql);
        if (create.matches()) {
            String schema = create.group(2) == null ? currentSchema(connection) : unquote(create.group(2));
            Boolean valid = indexValid(connection, schema, unquote(create.group(1)));
            if (valid == null) {
                return Verdict.no();
            }
            return valid ? Verdict.yes() : Verdict.partly("DROP INDEX CONCURRENTLY IF EXISTS " + QUOTER.ident(schema) + "."
                    + QUOTER.ident(unquote(create.group(1))));
        }
        Matcher drop = DROP_INDEX.matcher(sql);
        if (drop.matches()) {
            String schema = drop.group(1) == null ? currentSchema(connection) : unquote(drop.group(1));
            return indexValid(connection, schema, unquote(drop.group(2))) == null ? Verdict.yes() : Verdict.no();
        }
        Matcher value = ADD_ENUM_VALUE.matcher(sql);
        if (value.matches()) {
            String schema = value.group(1) == null ? currentSchema(connection) : unquote(value.group(1));
            return enumHas(connection, schema, unquote(value.group(2)), value.group(3).replace("''", "'"))
                    ? Verdict.yes() : Verdict.no();
        }
        return Verdict.no();
    }

    /** Whether the index is valid; null when there is no such index. */
    private static Boolean indexValid(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT i.indisvalid FROM pg_class c JOIN pg_index i "
                + "ON i.indexrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static boolean enumHas(Connection connection, String schema, String type, String label) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typname = ? AND e.enumlabel = ?")) {
            ps.setString(1, schema);
            ps.setString(2, type);
            ps.setString(3, label);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_schema()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** An identifier as the catalog stores it: quoted ones as written, bare ones folded to lower case. */
    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                : name.toLowerCase(java.util.Locale.ROOT);
    }
}
