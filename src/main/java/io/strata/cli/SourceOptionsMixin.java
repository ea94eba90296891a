package io.strata.cli;

import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** SourceOptionsMixin holds the options every command that reads sources shares. */
final class SourceOptionsMixin {

    @Option(names = "--dialect", paramLabel = "postgres|mysql",
            description = "How to read .sql sources (default: from --dev-url, else postgres). MariaDB is mysql.")
    String dialect;

    @Option(names = "--dev-url", paramLabel = "JDBC_URL",
            description = "Scratch server that .sql sources are replayed on (default for postgres: an embedded server).")
    String devUrl;

    SourceOptions toOptions() {
        return new SourceOptions(dialect, devUrl);
    }

    /**
     * A loader of these options for SQL meant for {@code serverVersion} (null: the version of the database the sources
     * are compared with), whose notices (a replay on another server version) are warnings on stderr, never in
     * stdout's JSON.
     */
    SourceLoader loader(CommandSpec spec, String serverVersion) {
        return new SourceLoader(toOptions().withServerVersion(serverVersion), notice -> {
            spec.commandLine().getErr().println("warning: " + notice);
            spec.commandLine().getErr().flush();
        });
    }
}
