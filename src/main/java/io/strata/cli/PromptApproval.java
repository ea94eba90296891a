package io.strata.cli;

import io.strata.migrate.ApplyProposal;
import io.strata.migrate.Approval;
import io.strata.migrate.RollbackProposal;
import io.strata.migrate.StatementCount;
import io.strata.plan.lint.Diagnostic;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * PromptApproval asks the person at the terminal before {@code strata apply} runs a plan that destroys data or blocks
 * writers, before every {@code strata rollback}, and before {@code strata backups prune} drops every backup: it shows what will run and takes only "y" or "yes" for an
 * answer. Without a terminal, or given {@code --auto-approve}, it approves without a word, so CI runs unchanged.
 */
record PromptApproval(Terminal terminal, boolean autoApprove, PrintWriter out) implements Approval {

    /** The approval of the command {@code spec} runs, with its {@code --auto-approve}. */
    static PromptApproval of(picocli.CommandLine.Model.CommandSpec spec, boolean autoApprove) {
        return new PromptApproval(StrataCli.terminal(spec), autoApprove, spec.commandLine().getErr());
    }

    private boolean asks() {
        return !autoApprove && terminal.interactive();
    }

    @Override
    public boolean approves(ApplyProposal proposal) {
        if (!asks()) {
            return true;
        }
        List<Diagnostic> hazards = proposal.hazards();
        if (hazards.isEmpty()) {
            // Nothing destroys data or blocks writers for long: the plan is as safe to run as it is to read.
            return true;
        }
        new PlanText(Ansi.forTerminal()).print(proposal.plan(), out);
        out.println("hazards:");
        hazards.forEach(d -> out.println("  " + d.code() + " " + d.severity().name().toLowerCase(Locale.ROOT) + " "
                + d.location() + ": " + d.message()));
        return yes("Apply " + StatementCount.of(proposal.statements()) + " to " + proposal.target() + " ? [y/N] ");
    }

    @Override
    public boolean approves(RollbackProposal proposal) {
        if (!asks()) {
            return true;
        }
        out.println("rollback of version " + String.join(", then ", proposal.versions()) + " (newest first); it runs:");
        proposal.statements().forEach(s -> out.println("  " + s.replace("\n", "\n  ") + ";"));
        return yes("Roll back " + (proposal.versions().size() == 1 ? "version " : "versions ")
                + String.join(", ", proposal.versions()) + " at " + proposal.target() + " (" + StatementCount.of(proposal.statements().size())
                + ") ? [y/N] ");
    }

    /** Before {@code strata backups prune} drops every backup at {@code target}. */
    boolean approvesPruning(String target, List<io.strata.migrate.Backup> backups) {
        if (!asks()) {
            return true;
        }
        out.println("every backup at " + target + " goes; these versions can then no longer be rolled back:");
        backups.forEach(b -> out.println("  " + b.table() + " (version " + b.version() + ", made " + b.createdAt() + ")"));
        return yes("Drop all " + backups.size() + " backups at " + target + " ? [y/N] ");
    }

    private boolean yes(String question) {
        out.flush();
        String answer = terminal.ask(question);
        String a = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
