package io.strata.dialect.postgres;

import io.strata.dialect.DdlRenderer;
import io.strata.dialect.Dialect;
import io.strata.dialect.DevDatabase;
import io.strata.dialect.Inspector;
import io.strata.dialect.MigrationPlanner;
import io.strata.dialect.Quoter;

/** PostgresDialect is Strata's PostgreSQL support: inspector, renderer, planner, quoter and scratch database. */
public final class PostgresDialect implements Dialect {

    public static final String NAME = "postgres";

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

    @Override
    public io.strata.dialect.HistoryDialect history() {
        return new PostgresHistoryDialect(quoter);
    }
}
