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
    @Command(name = "prune",
            description = {"Drop backups at --url: those of --version, or older than --older-than, else all of them.",
                    "The versions that needed them can no longer be rolled back. Without a selector it asks on a terminal",
                    "first (--auto-approve); anything but y/yes exits 1 with nothing dropped."})
    static final class Prune implements Callable<Integer> {

        /** Only help: {@code --version} names a version here, not Strata's. */
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Spec
        CommandSpec spec;

        @Mixin
        ApplyCommand.TargetOptions target;

        @Option(names = "--older-than", paramLabel = "DURATION", description = "Only backups made longer ago than this (30m, 2s; a bare number is seconds).")
        String olderThan;

        @Option(names = "--version", paramLabel = "V", description = "Only the backups made by this version.")
        String version;

        @Option(names = "--auto-approve", description = "Drop every backup without asking (asked on a terminal when no selector is given).")
        boolean autoApprove;

        @Override
        public Integer call() {
            PruneBackups.Request request = new PruneBackups.Request(target.url(),
                    olderThan == null ? null : ApplySettings.parseDuration(olderThan), version, target.settings());
            // Without a selector every backup goes, and with them every rollback that needs one: worth a question.
            boolean everything = olderThan == null && version == null;
            PromptApproval approval = PromptApproval.of(spec, autoApprove);
            java.util.Optional<List<Backup>> pruned = new PruneBackups().run(request,
                    (url, chosen) -> !everything || approval.approvesPruning(url, chosen));
            if (pruned.isEmpty()) {
                spec.commandLine().getErr().println("strata: nothing was pruned: not confirmed");
                return 1;
            }
            List<Backup> dropped = pruned.get();
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
