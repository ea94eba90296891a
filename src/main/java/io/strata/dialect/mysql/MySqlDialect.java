package io.strata.dialect.mysql;

import io.strata.dialect.ConnectionTimeouts;
import io.strata.dialect.DdlRenderer;
import io.strata.dialect.Dialect;
import io.strata.dialect.DevDatabase;
import io.strata.dialect.Inspector;
import io.strata.dialect.Quoter;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** MySqlDialect is Strata's knowledge of MySQL and MariaDB, reached through {@code jdbc:mysql:} and {@code jdbc:mariadb:} URLs. */
public final class MySqlDialect implements Dialect {

    public static final String NAME = "mysql";

    private static final String MYSQL = "jdbc:mysql:";
    private static final String MARIADB = "jdbc:mariadb:";

    private static final Set<String> ENVIRONMENT_URL_PARAMETERS =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of("user", "sslMode",
            "enabledSslProtocolSuites", "enabledSslCipherSuites", "allowPublicKeyRetrieval", "restrictedAuth",
            "tcpKeepAlive")));

    private final MySqlQuoter quoter = new MySqlQuoter();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        String lower = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith(MYSQL) || lower.startsWith(MARIADB);
    }

    /**
     * {@code jdbcUrl} with a {@code jdbc:mysql:} scheme rewritten to {@code jdbc:mariadb:}. Only the MariaDB
     * Connector/J is on the classpath, and it refuses {@code jdbc:mysql:} unless told otherwise; it speaks to
     * MySQL too once the URL says {@code jdbc:mariadb:}.
     */
    @Override
    public String driverUrl(String jdbcUrl) {
        return jdbcUrl.regionMatches(true, 0, MYSQL, 0, MYSQL.length()) ? MARIADB + jdbcUrl.substring(MYSQL.length()) : jdbcUrl;
    }

    /** MariaDB Connector/J reads milliseconds; its connect timeout also bounds the login. */
    @Override
    public Properties connectionProperties(ConnectionTimeouts timeouts) {
        return timeoutProperties(timeouts);
    }

    static Properties timeoutProperties(ConnectionTimeouts timeouts) {
        Properties p = new Properties();
        p.setProperty("connectTimeout", Integer.toString(timeouts.connectMillis()));
        p.setProperty("socketTimeout", Integer.toString(timeouts.readMillis()));
        p.setProperty("tcpKeepAlive", "true");
        return p;
    }

    /**
     * Not accepted, among others: {@code allowLocalInfile}, {@code allowLoadLocalInfile} (the server reads a file
     * of Strata's host for the target), {@code socketFactory}, {@code credentialType} (classes, credentials from the
     * server's environment), {@code serverSslCert}, {@code trustStore}, {@code keyStore} (files of the server's
     * host), {@code sessionVariables}, {@code autoDeserialize}, the timeouts (Strata sets them) and
     * {@code password} (the credentials reference gives it).
     */
    @Override
    public Set<String> environmentUrlParameters() {
        return ENVIRONMENT_URL_PARAMETERS;
    }

    @Override
    public Inspector inspector() {
        return new MySqlInspector();
    }

    @Override
    public DdlRenderer renderer() {
        return new MySqlRenderer(quoter);
    }

    @Override
    public io.strata.dialect.MigrationPlanner planner() {
        return new MySqlPlanner(quoter);
    }

    @Override
    public Quoter quoter() {
        return quoter;
    }

    @Override
    public io.strata.dialect.StatementClassifier classifier() {
        return new MySqlStatementClassifier();
    }

    /**
     * A scratch database on the server behind {@code devUrl}. Unlike PostgreSQL there is no embedded
     * MySQL server to fall back on, so a missing URL is a configuration error, not a silent default.
     */
    @Override
    public DevDatabase devDatabase(String devUrl) {
        if (devUrl == null || devUrl.isBlank()) {
            throw new StrataException(ErrorCode.NOT_CONFIGURED,
                    "MySQL sources need a scratch server to replay them on: pass --dev-url "
                            + "jdbc:mariadb://host:3306/?user=... (a user allowed to create and drop databases)");
        }
        if (!accepts(devUrl)) {
            throw StrataException.badInput("dev URL for the mysql dialect must start with jdbc:mysql: or jdbc:mariadb:");
        }
        return new MySqlDevDatabase(driverUrl(devUrl), inspector());
    }

    @Override
    public io.strata.dialect.HistoryDialect history() {
        return new MySqlHistoryDialect(quoter);
    }
}
