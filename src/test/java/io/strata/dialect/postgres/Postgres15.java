package io.strata.dialect.postgres;

import io.strata.testing.TestDatabases;

import java.util.Optional;

/**
 * Postgres15 gives tests in any package a PostgreSQL 15 server beside the bundled 18: the test server when it is a 15
 * (CI's local service), else an embedded 15 from the binaries the build copies to {@code target/pg-binaries}. The
 * embedded one stays up for the rest of the JVM, shared by every test that asks.
 */
public final class Postgres15 {

    private static Optional<String> server;

    private Postgres15() {
    }

    /** The server's JDBC URL (database {@code postgres}), or empty when neither a 15 service nor 15 binaries exist. */
    public static synchronized Optional<String> serverUrl() throws java.sql.SQLException {
        if (server == null) {
            String test = TestDatabases.postgresServerUrl();
            if (TestDatabases.majorOf(test).equals("15")) {
                server = Optional.of(test);
            } else {
                PostgresEmbeddedServer.Started started = PostgresEmbeddedServer.acquire(15);
                if (started.key() == 15) {
                    server = Optional.of(started.url());
                } else {
                    PostgresEmbeddedServer.release(started.key());
                    server = Optional.empty();
                }
            }
        }
        return server;
    }

    /** The server's JDBC URL; when there is none, prints why and skips the calling test. */
    public static String urlOrSkip() throws java.sql.SQLException {
        if (serverUrl().isEmpty()) {
            System.out.println(MISSING);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(serverUrl().isPresent(), MISSING);
        return serverUrl().get();
    }

    private static final String MISSING = "skipped: no PostgreSQL 15 server (STRATA_TEST_PG_URL) and no PostgreSQL 15"
            + " binaries in target/pg-binaries or the local Maven repository";
}
