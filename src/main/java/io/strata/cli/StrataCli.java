package io.strata.cli;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * StrataCli is the {@code strata} command: the entry point of the fat jar. Each subcommand calls one
 * use case and prints its result as text or JSON. Exit codes: 0 ok/compatible, 1 incompatible,
 * 2 bad input (usage, files, URLs, DDL the server rejects), 3 internal failure.
 */
@Command(name = "strata", mixinStandardHelpOptions = true, versionProvider = StrataVersion.class,
        description = "Schema evolution manager: inspect and diff schemas, check which clients a change breaks, plan, lint, apply and roll back migrations; run the registry and talk to it.",
        subcommands = {InspectCommand.class, DiffCommand.class, CheckCommand.class, PlanCommand.class, LintCommand.class,
                ApplyCommand.class, RollbackCommand.class, StatusCommand.class, BackupsCommand.class, MigrateCommand.class, BaselineCommand.class, ServeCommand.class, DemoCommand.class, EnvCommand.class, RolloutCommand.class, ClientsCommand.class,
                RegisterCommand.class, SubjectsCommand.class, VersionsCommand.class, AuditCommand.class, KeysCommand.class,
                CommandLine.HelpCommand.class})
public final class StrataCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where apply and rollback ask before they run; a test hands its own. */
    private final Terminal terminal;

    public StrataCli() {
        this(Terminal.system());
    }

    StrataCli(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The terminal of the command line {@code spec} belongs to. */
    static Terminal terminal(CommandLine.Model.CommandSpec spec) {
        return ((StrataCli) spec.root().userObject()).terminal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: see strata --help (inspect, diff, check, plan, lint, apply, rollback, status, backups, migrate, baseline, serve, register, subjects, versions, audit)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this directly). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Terminal.system());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with the questions of apply and rollback put to {@code terminal}. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
        CommandLine cli = new CommandLine(new StrataCli(terminal));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            StrataException se = e instanceof StrataException s ? s : null;
            if (se == null) {
                commandLine.getErr().println("strata: internal error: " + e);
                e.printStackTrace(commandLine.getErr());
                return ErrorCode.INTERNAL.exitCode();
            }
            commandLine.getErr().println("strata: " + se.getMessage());
            return se.code().exitCode();
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            e.getCommandLine().getErr().println("strata: " + e.getMessage());
            e.getCommandLine().getErr().println("try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ErrorCode.BAD_INPUT.exitCode();
        });
        return cli.execute(args);
    }
}
