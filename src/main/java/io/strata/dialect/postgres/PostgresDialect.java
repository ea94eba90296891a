package io.strata.dialect.postgres;

import io.strata.dialect.ConnectionTimeouts;
import io.strata.dialect.DdlRenderer;
import io.strata.dialect.Dialect;
import io.strata.dialect.DevDatabase;
import io.strata.dialect.Inspector;
import io.strata.dialect.MigrationPlanner;
import io.strata.dialect.Quoter;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** PostgresDialect is Strata's PostgreSQL support: inspector, renderer, planner, quoter and scratch database. */
public final class PostgresDialect implements Dialect {

    public static final String NAME = "postgres";

    private static final Set<String> ENVIRONMENT_URL_PARAMETERS =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of("user", "ssl", "sslmode",
            "sslNegotiation", "gssEncMode", "ApplicationName", "currentSchema", "targetServerType", "loadBalanceHosts",
            "hostRecheckSeconds", "tcpKeepAlive", "prepareThreshold")));

    private final PostgresQuoter quoter = new PostgresQuoter();
    private final PostgresInspector inspector = new PostgresInspector();
    private final PostgresRenderer renderer = new PostgresRenderer(quoter);
    private final PostgresPlanner planner = new PostgresPlanner();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /**
     * pgjdbc reads seconds. {@code loginTimeout} bounds the whole login, which {@code connectTimeout} (the TCP
     * connect alone) does not: a server that accepts the connection and never answers the start-up message.
     */
    @Override
    public Properties connectionProperties(ConnectionTimeouts timeouts) {
        return timeoutProperties(timeouts);
    }

    static Properties timeoutProperties(ConnectionTimeouts timeouts) {
        Properties p = new Properties();
        p.setProperty("connectTimeout", Integer.toString(timeouts.connectSeconds()));
        p.setProperty("loginTimeout", Integer.toString(timeouts.connectSeconds()));
        p.setProperty("socketTimeout", Integer.toString(timeouts.readSeconds()));
        p.setProperty("tcpKeepAlive", "true");
        return p;
    }

    /**
     * Not accepted, among others: {@code socketFactory}, {@code sslfactory}, {@code sslhostnameverifier},
     * {@code authenticationPluginClassName} (classes loaded into the server), {@code sslrootcert}, {@code sslcert},
     * {@code sslkey}, {@code service}, {@code loggerFile} (files of the server's host), {@code options} (server
     * settings at login), the timeouts (Strata sets them) and {@code password} (the credentials reference gives it).
     */
    @Override
    public Set<String> environmentUrlParameters() {
        return ENVIRONMENT_URL_PARAMETERS;
    }

    @Override
    public Inspector inspector() {
        return inspector;
    }

    @Override
    public DdlRenderer renderer() {
        return renderer;
    }

    @Override
    public MigrationPlanner planner() {
        return planner;
    }

    @Override
    public Quoter quoter() {
        return quoter;
    }

    @Override
    public io.strata.dialect.StatementClassifier classifier() {
        return new PostgresStatementClassifier();
    }

    /** The server named by {@code devUrl}, or, when it is null or blank, Strata's own embedded PostgreSQL. */
    @Override
    public DevDatabase devDatabase(String devUrl) {
        return devUrl == null || devUrl.isBlank() ? PostgresDevDatabase.embedded() : PostgresDevDatabase.at(devUrl);
    }

    /**
     * The server named by {@code devUrl}, as the user chose it, else an embedded server of {@code targetVersion}'s major
     * when its binaries are installed, else the bundled one; either way {@code notices} hears of a major other than the target's.
     */
    @Override
    public DevDatabase devDatabase(String devUrl, String targetVersion, java.util.function.Consumer<String> notices) {
        return devUrl == null || devUrl.isBlank() ? PostgresDevDatabase.embedded(targetVersion, notices)
                : PostgresDevDatabase.at(devUrl, targetVersion, notices);
    }

    @Override
    public io.strata.dialect.HistoryDialect history() {
        return new PostgresHistoryDialect(quoter);
    }
}
