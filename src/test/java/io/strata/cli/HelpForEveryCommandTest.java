package io.strata.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --help} works on every command and subcommand: exit 0 and a usage text naming the command. A command that
 * has a {@code --version} option of its own (a migration version) must still answer {@code --help}; picocli's
 * standard help mixin would clash with that option.
 */
class HelpForEveryCommandTest {

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new StrataCli()), new ArrayList<>(), paths);
        assertThat(paths).as("commands found").hasSizeGreaterThan(30);
        List<String> broken = new ArrayList<>();
        // picocli warns on the process's stderr, not the command's, when a description is not a valid format string
        // (a bare "%"): the person reading --help sees those warnings first.
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                CliRun run = CliRun.of(args.toArray(String[]::new));
                if (run.exitCode() != 0 || !run.out().contains("Usage: strata " + String.join(" ", path))) {
                    broken.add(String.join(" ", path) + " --help: exit " + run.exitCode() + " " + run.err().strip());
                }
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(broken).isEmpty();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void aBadOptionPointsAtTheFullCommandsHelp() {
        CliRun run = CliRun.of("rollout", "create", "--no-such-option");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("try: strata rollout create --help");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias: its command is visited under its own name
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            out.add(next);
            collect(sub, next, out);
        });
    }
}
