package io.strata.cli;

import io.strata.app.MigrateDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code strata migrate}: applies a directory of versioned {@code V<version>__<description>.sql} files in version
 * order, then its repeatable {@code R__<description>.sql} files that are new or changed.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, subcommands = MigrateCommand.Hash.class,
        description = {"Apply the versioned files of --dir (V<version>__<description>.sql) to --url in version order,",
                "then its repeatable files (R__<description>.sql) that never ran or changed since, checked against",
                "strata.sum. Exit 0 applied or nothing to do, 1 failed or locked, 2 bad input or tampered files."})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "The directory of migration files (required).")
    Path dir;

    @Option(names = "--dry-run", description = "List the files that would run, and change nothing at the target.")
    boolean dryRun;

    @Mixin
    ApplyCommand.TargetOptions target;

    @Override
    public Integer call() {
        if (dir == null) {
            throw io.strata.error.StrataException.badInput("missing required option --dir=DIR");
        }
        MigrateDirectory migrate = new MigrateDirectory();
        return ApplyCommand.print(dryRun ? migrate.dryRun(dir, target.url(), target.settings())
                        : migrate.run(dir, target.url(), target.settings()), target.output.format,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** {@code strata migrate hash}: rewrites strata.sum after a deliberate change to the directory. */
    @Command(name = "hash", mixinStandardHelpOptions = true, description = "Rewrite DIR/strata.sum from the files as they are.")
    static final class Hash implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() {
            int files = new MigrateDirectory().hash(dir).files().size();
            spec.commandLine().getOut().println("wrote " + dir.resolve("strata.sum") + " (" + files + " files)");
            return 0;
        }
    }
}
