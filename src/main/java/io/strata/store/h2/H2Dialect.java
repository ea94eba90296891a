package io.strata.store.h2;

import io.strata.dialect.DdlRenderer;
import io.strata.dialect.DevDatabase;
import io.strata.dialect.Dialect;
import io.strata.dialect.HistoryDialect;
import io.strata.dialect.Inspector;
import io.strata.dialect.MigrationPlanner;
import io.strata.dialect.Quoter;
import io.strata.dialect.StatementClassifier;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

/**
 * H2Dialect is the embedded store's database as a migration target: Strata's own store schema is
 * evolved by Strata's own migrator, so H2 needs history tables and a lock, and nothing else. It is not
 * registered with {@link io.strata.dialect.Dialects}: users' schemas are never H2.
 */
public final class H2Dialect implements Dialect {

    private final H2Quoter quoter = new H2Quoter();
    private final H2HistoryDialect history = new H2HistoryDialect(quoter);
    private final H2StatementClassifier classifier = new H2StatementClassifier();

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public Inspector inspector() {
        throw unsupported("inspect");
    }

    @Override
    public DdlRenderer renderer() {
        throw unsupported("render DDL");
    }

    @Override
    public MigrationPlanner planner() {
        throw unsupported("plan");
    }

    @Override
    public Quoter quoter() {
        return quoter;
    }

    @Override
    public StatementClassifier classifier() {
        return classifier;
    }

    @Override
    public DevDatabase devDatabase(String devUrl) {
        throw unsupported("replay schemas");
    }

    @Override
    public HistoryDialect history() {
        return history;
    }

    private static StrataException unsupported(String what) {
        return new StrataException(ErrorCode.NOT_CONFIGURED, "the h2 dialect only holds Strata's own store; it cannot " + what);
    }
}
