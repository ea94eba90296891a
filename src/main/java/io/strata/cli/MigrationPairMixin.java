package io.strata.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** MigrationPairMixin holds the arguments of the commands that plan a migration: FROM, TO and the server version. */
final class MigrationPairMixin {

    @Parameters(index = "0", paramLabel = "FROM", description = "The current schema (typically the target database's JDBC URL).")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The desired schema.")
    String to;

    @Option(names = "--server-version", paramLabel = "VERSION",
            description = "Choose safe recipes for this server version (default: the version FROM was inspected on).")
    String serverVersion;
}
