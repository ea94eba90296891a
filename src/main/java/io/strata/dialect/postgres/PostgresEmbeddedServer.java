package io.strata.dialect.postgres;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * PostgresEmbeddedServer is the one embedded PostgreSQL server (zonky) a JVM starts for scratch work,
 * shared by every {@link PostgresDevDatabase} that did not name a server and stopped when the last of
 * them closes (or when the JVM exits).
 */
final class PostgresEmbeddedServer {

    private static EmbeddedPostgres server;
    private static int users;
    private static boolean hookInstalled;

    private PostgresEmbeddedServer() {
    }

    /** Starts the server on first use and returns the JDBC URL of its {@code postgres} database. */
    static synchronized String acquire() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        // The CLI prints JSON on stdout: the server's own output must not reach it.
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                        // Scratch data is thrown away, so durability only costs start-up and DDL time.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException | RuntimeException e) {
                throw new StrataException(ErrorCode.INTERNAL, "cannot start the embedded PostgreSQL server: "
                        + e.getMessage(), e);
            }
            if (!hookInstalled) {
                hookInstalled = true;
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresEmbeddedServer::stop, "strata-pg-stop"));
            }
        }
        users++;
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** One user is done; the last one stops the server. */
    static synchronized void release() {
        users = Math.max(0, users - 1);
        if (users == 0) {
            stop();
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the data directory is temporary; a failed stop leaves nothing the user must clean up
            }
            server = null;
        }
    }
}
