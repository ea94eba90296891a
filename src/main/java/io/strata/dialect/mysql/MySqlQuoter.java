package io.strata.dialect.mysql;

import io.strata.dialect.Quoter;

/**
 * MySqlQuoter is the one place MySQL/MariaDB identifiers and string literals are quoted: identifiers
 * in backticks with embedded backticks doubled, literals in single quotes with quotes doubled and
 * backslashes escaped (the server reads backslash escapes unless NO_BACKSLASH_ESCAPES is set, and
 * doubling the backslash is read correctly in both modes).
 */
public final class MySqlQuoter implements Quoter {

    @Override
    public String ident(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
