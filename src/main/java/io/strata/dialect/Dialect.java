package io.strata.dialect;

/**
 * A Dialect is everything Strata knows about one database family, composed of small capabilities.
 * Implementations live in {@code dialect.postgres} and {@code dialect.mysql} under the same class
 * names, and are found through {@link Dialects}.
 */
public interface Dialect {

    /** {@code postgres} or {@code mysql}: the value of {@code --dialect} and of {@code Catalog.dialect()}. */
    String name();

    /** Whether this dialect reads databases behind {@code jdbcUrl}. */
    boolean accepts(String jdbcUrl);

    /** {@code jdbcUrl} as the driver on the classpath takes it (a dialect may accept URL schemes no driver serves). */
    default String driverUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /**
     * Opens a connection to {@code jdbcUrl} for a migration, a rollback or an inspection
     * ({@link ConnectionTimeouts#MIGRATION}); failure is an UNREACHABLE error naming the redacted URL.
     */
    default java.sql.Connection open(String jdbcUrl) {
        return open(jdbcUrl, ConnectionTimeouts.MIGRATION);
    }

    /** Opens a connection to {@code jdbcUrl} bounded by {@code timeouts}; failure is an UNREACHABLE error naming the redacted URL. */
    default java.sql.Connection open(String jdbcUrl, ConnectionTimeouts timeouts) {
        return JdbcUrls.open(driverUrl(jdbcUrl), connectionProperties(timeouts));
    }

    /** The driver properties that bound a connection's login and reads by {@code timeouts}; none for a driver without them. */
    default java.util.Properties connectionProperties(ConnectionTimeouts timeouts) {
        return new java.util.Properties();
    }

    /**
     * The driver parameters an environment's URL may carry (matched without regard to case, as MariaDB's driver
     * reads them): ones that choose TLS, the user, the schema or the host among several, and none that makes the
     * driver read a file of the server, load a class, open its own socket or lift a timeout. Empty for a dialect
     * that has no environments.
     */
    default java.util.Set<String> environmentUrlParameters() {
        return java.util.Set.of();
    }

    Inspector inspector();

    DdlRenderer renderer();

    MigrationPlanner planner();

    Quoter quoter();

    /** What hand-written statements (a migration file's) do to concurrent clients. */
    StatementClassifier classifier();

    /**
     * The scratch database on which SQL sources are replayed: {@code devUrl} when given, else the
     * dialect's default (an embedded PostgreSQL server), else a {@code NOT_CONFIGURED} error.
     */
    DevDatabase devDatabase(String devUrl);

    /**
     * {@link #devDatabase(String)} for SQL meant for a server of {@code targetVersion} (empty: unknown): a dialect whose
     * servers print a schema differently from one version to the next replays on the same major when it can, and
     * otherwise tells {@code notices}, once, in one line, which version it replays on instead.
     */
    default DevDatabase devDatabase(String devUrl, String targetVersion, java.util.function.Consumer<String> notices) {
        return devDatabase(devUrl);
    }

    /**
     * How migrations are applied and recorded on this dialect's databases; a dialect that cannot apply
     * says so with a NOT_CONFIGURED error.
     */
    default HistoryDialect history() {
        throw new io.strata.error.StrataException(io.strata.error.ErrorCode.NOT_CONFIGURED,
                "the " + name() + " dialect cannot apply migrations");
    }
}
