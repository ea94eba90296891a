package io.strata.cli;

import io.strata.app.PruneBackups;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.Backup;
import io.strata.migrate.BackupPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code strata backups}: the backups rollback restores from; {@code strata status} lists them. */
@Command(name = "backups", mixinStandardHelpOptions = true, subcommands = BackupsCommand.Prune.class,
        description = "Manage the backups of destroyed data kept for rollback (listed by strata status).")
final class BackupsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code strata backups prune}: the only way backups are removed. */
    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = {"Drop backups at --url: those of --version, or older than --older-than, else all of them.",
                    "The versions that needed them can no longer be rolled back."})
    static final class Prune implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ApplyCommand.TargetOptions target;

        @Option(names = "--older-than", paramLabel = "DURATION", description = "Only backups made longer ago than this (30m, 2s; a bare number is seconds).")
        String olderThan;

        @Option(names = "--version", paramLabel = "V", description = "Only the backups made by this version.")
        String version;

        @Override
        public Integer call() {
            List<Backup> dropped = new PruneBackups().run(new PruneBackups.Request(target.url(),
                    olderThan == null ? null : ApplySettings.parseDuration(olderThan), version, target.settings()));
            var out = spec.commandLine().getOut();
            if (target.output.json()) {
                out.println(Json.write(Map.of("pruned", dropped.stream().map(Backup::table).toList())));
            } else {
                out.println("pruned " + dropped.size() + " backup(s) from " + BackupPlanner.SCHEMA);
                dropped.forEach(b -> out.println("  " + b.table() + " (version " + b.version() + ")"));
            }
            out.flush();
            return 0;
        }
    }
}
