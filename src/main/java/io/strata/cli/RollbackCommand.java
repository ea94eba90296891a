package io.strata.cli;

import io.strata.migrate.RollbackMigration;
import io.strata.migrate.ApplyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code strata rollback}: takes back applied versions, restoring the structure and the data their steps destroyed. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Take back the newest applied version at --url, or every version applied after --to, newest",
                "first: each step's recorded reverse runs in reverse order and backed-up rows are restored by primary key.",
                "A failed apply whose statements stand (--no-revert) is taken back first.",
                "On a terminal it shows the statements and asks first (--auto-approve).",
                "Exit 0 rolled back or nothing to do, 1 failed, locked, refused (a statement without reverse, a",
                "pruned backup) or declined at the prompt, 2 bad input."})
final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApplyCommand.TargetOptions target;

    @Option(names = "--to", paramLabel = "VERSION", description = "Return to this version (default: take back only the newest).")
    String to;

    @Option(names = "--auto-approve", description = "Do not ask before rolling back; asked only on a terminal, never in CI.")
    boolean autoApprove;

    @Override
    public Integer call() {
        List<ApplyResult> results = new RollbackMigration().run(target.url(), to, target.settings(),
                PromptApproval.of(spec, autoApprove));
        return ApplyCommand.print(results, target.output.format, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
