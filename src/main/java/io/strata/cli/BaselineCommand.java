package io.strata.cli;

import io.strata.app.BaselineDatabase;
import io.strata.migrate.ApplySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code strata baseline}: records a version as applied on a database built before Strata, running nothing. */
@Command(name = "baseline", 
        description = {"Record --version as applied on --url without running anything; migrate starts after it.",
                "Refused when strata_history already has rows. Exit 0 ok, 1 locked, 2 bad input."})
final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Only help: {@code --version} names the migration version here, not Strata's. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL")
    String url;

    @Option(names = "--version", required = true, paramLabel = "N")
    String version;

    @Option(names = "--description", defaultValue = "baseline")
    String description;

    @Option(names = "--history-schema", paramLabel = "SCHEMA")
    String historySchema;

    @Option(names = "--wait", defaultValue = "30s", paramLabel = "DURATION",
            description = "How long to wait for another migrator's lock; default ${DEFAULT-VALUE}.")
    String wait;

    @Override
    public Integer call() {
        ApplySettings d = ApplySettings.defaults();
        ApplySettings settings = new ApplySettings(d.lockTimeout(), ApplySettings.parseDuration(wait), d.retries(), d.backoff(),
                historySchema, d.batchSize(), d.batchPause());
        return ApplyCommand.print(List.of(new BaselineDatabase().run(url, version, description, settings)),
                OutputFormat.text, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
