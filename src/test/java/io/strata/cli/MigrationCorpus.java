package io.strata.cli;

import io.strata.testing.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway-style migration directories of src/test/resources/migration-directories, one per dialect: versions 1,
 * 1.1 (written {@code V1.1__} on PostgreSQL, {@code V1_1__} on MariaDB) and 2, then two repeatable files; with a
 * function, a trigger, a row-level security policy and grants on PostgreSQL, and a function, a procedure, a trigger
 * and (version 3) an event on MariaDB.
 */
enum MigrationCorpus {
    POSTGRES("postgres"),
    MARIADB("mariadb");

    private final String directory;

    MigrationCorpus(String directory) {
        this.directory = directory;
    }

    /** MariaDB's file with an event, which a server without grant tables refuses. */
    private static final String EVENT_FILE = "V3__purge_event.sql";

    /** The versions {@code strata migrate} reports, in the order it runs them: the repeatable files last. */
    List<String> runOrder() {
        if (this == POSTGRES) {
            return List.of("1", "1.1", "2", "R", "R");
        }
        return eventsRefused() ? List.of("1", "1.1", "2", "R", "R") : List.of("1", "1.1", "2", "3", "R", "R");
    }

    /** Whether the MariaDB server refuses CREATE EVENT; the corpus then leaves its event file out. */
    static boolean eventsRefused() {
        return !TestDatabases.mysqlAcceptsEvents();
    }

    /** A copy of the corpus in {@code into}, hashed into its strata.sum as {@code strata migrate} requires. */
    Path copyTo(Path into) throws IOException {
        Path source = Path.of("src/test/resources/migration-directories", directory);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                if (this == MARIADB && f.getFileName().toString().equals(EVENT_FILE) && eventsRefused()) {
                    continue;
                }
                Files.copy(f, into.resolve(f.getFileName()));
            }
        }
        CliRun hash = CliRun.of("migrate", "hash", "--dir", into.toString());
        assertThat(hash.exitCode()).as(hash.err()).isZero();
        return into;
    }

    /** A new empty database on the dialect's test server. */
    String freshDatabase() {
        return this == POSTGRES ? TestDatabases.freshPostgres() : TestDatabases.freshMysql();
    }

    /** The server SQL sources are replayed on, as {@code --dev-url}. */
    String devServer() {
        return this == POSTGRES ? TestDatabases.postgresServerUrl() : TestDatabases.mysqlServerUrl();
    }

    /** {@code strata migrate} of {@code dir} onto {@code url}; fails the test unless it succeeds. */
    static CliRun migrate(Path dir, String url) {
        CliRun run = CliRun.of("migrate", "--dir", dir.toString(), "--url", url, "--format", "json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return run;
    }

    /**
     * The functions, procedures, triggers, events, policies and grants of the database at {@code url}, read from the
     * server's catalog as the server prints them: what a schema holds beyond what Strata's model may cover.
     */
    List<String> routinesTriggersPoliciesGrants(String url) throws SQLException {
        List<String> out = new ArrayList<>();
        List<String> queries = this == POSTGRES ? List.of(
                "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1",
                "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
                "SELECT relname, relrowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relrowsecurity",
                "SELECT policyname, tablename, cmd, roles::text, qual FROM pg_policies ORDER BY 1",
                "SELECT table_name, grantee, privilege_type FROM information_schema.role_table_grants "
                        + "WHERE grantee = 'strata_reader' ORDER BY 1, 3")
                : List.of(
                "SELECT routine_type, routine_name, routine_definition FROM information_schema.routines "
                        + "WHERE routine_schema = DATABASE() ORDER BY 2",
                "SELECT trigger_name, event_manipulation, action_timing, action_statement FROM information_schema.triggers "
                        + "WHERE trigger_schema = DATABASE() ORDER BY 1",
                "SELECT event_name, interval_value, interval_field, starts, event_definition FROM information_schema.events "
                        + "WHERE event_schema = DATABASE() ORDER BY 1");
        for (String query : queries) {
            out.addAll(TestDatabases.rows(url, query));
        }
        return out;
    }

    /** {@code strata diff} of two sources, replaying SQL on this dialect's server; the changes it reports. */
    CliRun diff(String from, String to) {
        return CliRun.of("diff", "--dev-url", devServer(), from, to, "--format", "json");
    }
}
