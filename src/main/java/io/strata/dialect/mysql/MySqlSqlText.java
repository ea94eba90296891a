package io.strata.dialect.mysql;

/**
 * MySqlSqlText edits SQL text the server prints (view bodies, check and generation expressions)
 * without touching string literals.
 */
final class MySqlSqlText {

    private MySqlSqlText() {
    }

    /**
     * Removes every {@code `schema`.} qualifier outside string literals. The server qualifies names
     * in view bodies with the database they were created in; SQL sources are replayed in a database
     * with a random name, so the model keeps names relative to their own database.
     */
    static String stripSchema(String sql, String schema) {
        if (sql == null || schema == null) {
            return sql;
        }
        String qualifier = new MySqlQuoter().ident(schema) + ".";
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = literalEnd(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '`' && sql.startsWith(qualifier, i)) {
                i += qualifier.length();
            } else if (c == '`') {
                int end = literalEnd(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index just past the quoted token starting at {@code from}; doubled quotes and backslash escapes stay inside. */
    static int literalEnd(String sql, int from, char quote) {
        int i = from + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
