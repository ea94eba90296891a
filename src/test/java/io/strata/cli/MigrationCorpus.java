package io.strata.cli;

import io.strata.testing.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway-style migration directories of src/test/resources/migration-directories, one per dialect: versions 1,
 * 1.1 (written {@code V1.1__} on PostgreSQL, {@code V1_1__} on MariaDB) and 2, then two repeatable files; with a
 * function, a trigger, a row-level security policy and grants on PostgreSQL, and a function, a procedure, a trigger
 * and an event on MariaDB.
 */
enum MigrationCorpus {
    POSTGRES("postgres"),
    MARIADB("mariadb");

    private final String directory;

    MigrationCorpus(String directory) {
        this.directory = directory;
    }

    /** The versions {@code strata migrate} reports, in the order it runs them: the repeatable files last. */
    static final List<String> RUN_ORDER = List.of("1", "1.1", "2", "R", "R");

    /** A copy of the corpus in {@code into}, hashed into its strata.sum as {@code strata migrate} requires. */
    Path copyTo(Path into) throws IOException {
        Path source = Path.of("src/test/resources/migration-directories", directory);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
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

    /** {@code strata diff} of two sources, replaying SQL on this dialect's server; the changes it reports. */
    CliRun diff(String from, String to) {
        return CliRun.of("diff", "--dev-url", devServer(), from, to, "--format", "json");
    }
}
