package io.strata.dialect.mysql;

import java.util.Locale;

/**
 * MySqlUrls adapts user-given MySQL/MariaDB JDBC URLs to the one driver on the classpath, the
 * MariaDB Connector/J, which refuses {@code jdbc:mysql:} unless told otherwise.
 */
public final class MySqlUrls {

    private static final String MYSQL = "jdbc:mysql:";
    private static final String MARIADB = "jdbc:mariadb:";

    private MySqlUrls() {
    }

    /** Whether {@code url} names a MySQL or MariaDB server. */
    public static boolean accepts(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return lower.startsWith(MYSQL) || lower.startsWith(MARIADB);
    }

    /** {@code url} with a {@code jdbc:mysql:} scheme rewritten to {@code jdbc:mariadb:}; other URLs unchanged. */
    public static String forDriver(String url) {
        return url.regionMatches(true, 0, MYSQL, 0, MYSQL.length()) ? MARIADB + url.substring(MYSQL.length()) : url;
    }
}
