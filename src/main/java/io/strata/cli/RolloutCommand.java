package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.rollout.RolloutRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * RolloutCommand is {@code strata rollout}: create a rollout of a SQL subject's version (or one phase of its
 * plan) on a running server, execute it (optionally waiting until it settles), follow its status, pause,
 * resume, abort or roll it back. Exit codes: 0 created, started, succeeded or rolled back; 1 a rollout that
 * stopped (PAUSED) or was aborted, or a rollback that could not take every environment back; 2 a refused request
 * (an execute of a rollout that waits for approvals, an approval by its own author). {@code approve} and
 * {@code approvals} give and show the approvals a rollout needs where its risk asks for them.
 */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Roll a SQL subject's version out to environments through a running strata serve.",
        subcommands = {RolloutCommand.Create.class, RolloutCommand.Execute.class, RolloutCommand.Status.class,
                RolloutCommand.Pause.class, RolloutCommand.Resume.class, RolloutCommand.Abort.class, RolloutCommand.Rollback.class,
                RolloutCommand.Approve.class, RolloutCommand.Approvals.class})
final class RolloutCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: create, execute, status, pause, resume, abort, rollback, approve or approvals");
    }

    /** Prints a rollout; its exit code: 1 when it stopped (PAUSED, ABORTED) or could not take every environment back. */
    static int printRollout(CommandSpec spec, OutputFormat format, JsonNode rollout) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(rollout));
        } else {
            out.println("rollout " + rollout.path("id").asLong() + ": " + (rollout.path("repair").asBoolean() ? "repair back to " : "")
                    + rollout.path("subject").asText() + " version "
                    + rollout.path("version").asInt() + (rollout.path("phase").isTextual() ? " (" + rollout.path("phase").asText() + ")" : "")
                    + ", " + rollout.path("state").asText() + " " + rollout.path("summary"));
            if (rollout.path("note").isTextual()) {
                out.println("  " + rollout.path("note").asText());
            }
            TextTable table = new TextTable("wave", "environment", "state", "message");
            for (JsonNode t : rollout.path("environments")) {
                String message = t.path("message").isNull() ? "" : t.path("message").asText().lines().reduce((a, b) -> b).orElse("");
                table.row(t.path("wave").asText(), t.path("environment").asText(), t.path("state").asText(), message);
            }
            table.print(out);
        }
        out.flush();
        String state = rollout.path("state").asText();
        boolean incomplete = state.equals("ROLLED_BACK") && rollout.path("summary").path("ROLLBACK_FAILED").asInt() > 0;
        return state.equals("PAUSED") || state.equals("ABORTED") || incomplete ? 1 : 0;
    }

    /** Prints where a rollout stands with its approvals; exit 0. */
    static int printApprovals(CommandSpec spec, OutputFormat format, JsonNode status) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(status));
        } else {
            out.println("rollout " + status.path("rollout").asLong() + ": " + status.path("state").asText() + ", "
                    + status.path("risk").asText() + " risk, " + status.path("approved").asInt() + " of "
                    + status.path("requiredApprovals").asInt() + " approval(s)" + (status.path("missing").asInt() > 0
                    ? ", " + status.path("missing").asInt() + " missing" : "") + " (created by " + status.path("createdBy").asText() + ")");
            if (!status.path("secondFactorTiers").isEmpty()) {
                out.println("  approvals count only with a second factor in tier " + String.join(", ", texts(status.path("secondFactorTiers"))));
            }
            TextTable table = new TextTable("approver", "at", "counts", "comment");
            for (JsonNode a : status.path("approvals")) {
                table.row(a.path("approver").asText() + (a.path("secondFactor").asBoolean() ? " (second factor)" : ""),
                        a.path("approvedAt").asText(), a.path("counts").asBoolean() ? "yes" : "no (voided: the plan changed)",
                        a.path("comment").isTextual() ? a.path("comment").asText() : "");
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The path of rollout {@code id}, or of one of its commands ({@code /execute}...). */
    static String path(long id, String suffix) {
        return "/api/v1/migrations/" + id + suffix;
    }

    /** {@code rollout} once it stops RUNNING or ROLLING_BACK, polled every half second. */
    static JsonNode settle(RegistryClient client, JsonNode rollout) throws InterruptedException {
        JsonNode now = rollout;
        while (now.path("state").asText().equals("RUNNING") || now.path("state").asText().equals("ROLLING_BACK")) {
            Thread.sleep(500);
            now = client.getOk(path(now.path("id").asLong(), "/status"));
        }
        return now;
    }

    @Command(name = "create", description = "Plan a rollout (nothing runs yet).")
    static final class Create implements Callable<Integer> {

        /** Only help: {@code --version} names a version here, not Strata's. */
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptionsMixin server;
        @Parameters(index = "0", description = "The SQL subject.")
        String subject;
        @Option(names = "--version", defaultValue = "latest", description = "A version number or latest (default).")
        String version;
        @Option(names = "--phase", description = "EXPAND, MIGRATE or CONTRACT: one phase of the version's plan (default: the whole plan).")
        String phase;
        @Option(names = "--between-waves", description = "none (default), pause (wait for resume) or health (check the wave's environments).")
        String betweenWaves;
        @Option(names = "--env", split = ",", description = "Environments by name (default: all of the subject's dialect).")
        List<String> environments;
        @Option(names = "--group", description = "Every member of this group instead.")
        String group;
        @Option(names = "--waves", split = ",", description = "Within each promotion step, e.g. 1,10%%,rest.")
        List<String> waves;
        @Option(names = "--concurrency", description = "Environments of a wave at once (default 10).")
        Integer concurrency;
        @Option(names = "--failure-threshold", description = "Failures in a wave that stop the rollout (default 1).")
        Integer failureThreshold;
        @Option(names = "--force", description = "Roll out even to environments whose last drift check found changes.")
        boolean force;
        @Mixin
        OutputFormatMixin output;

        @Override
        public Integer call() {
            return printRollout(spec, output.format, server.client().postOk("/api/v1/migrations", new RolloutRequest(subject, version,
                    phase, environments, group, waves, concurrency, failureThreshold, betweenWaves, force)));
        }
    }

    /**
     * What every command on one rollout takes: the server, the rollout's id and the output format. A command
     * posts to the rollout's path named after it ({@code pause} to {@code /pause}).
     */
    abstract static class OnRollout implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptionsMixin server;
        @Parameters(index = "0", description = "The rollout's id.")
        long id;
        @Mixin
        OutputFormatMixin output;
    }

    /** A command that sets a rollout moving, and with {@code --wait} follows it until it stops. */
    abstract static class Moving extends OnRollout {
        @Option(names = "--wait", description = "Wait until the rollout stops moving, then print it.")
        boolean waitToSettle;

        @Override
        public Integer call() throws InterruptedException {
            RegistryClient client = server.client();
            JsonNode rollout = client.postOk(path(id, "/" + spec.name()), Map.of());
            return printRollout(spec, output.format, waitToSettle ? settle(client, rollout) : rollout);
        }
    }

    /** A command that changes a rollout's state once and prints it: exit 0 when the server accepted it. */
    abstract static class Once extends OnRollout {
        @Override
        public Integer call() {
            printRollout(spec, output.format, server.client().postOk(path(id, "/" + spec.name()), Map.of()));
            return 0;
        }
    }

    @Command(name = "execute", mixinStandardHelpOptions = true, description = "Start (or resume) a rollout.")
    static final class Execute extends Moving {
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a rollout, per environment.")
    static final class Status extends OnRollout {
        @Override
        public Integer call() {
            return printRollout(spec, output.format, server.client().getOk(path(id, "/status")));
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Start no more environments; those running finish. Resume goes on.")
    static final class Pause extends Once {
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Go on with a paused rollout: failed environments are tried again.")
    static final class Resume extends Moving {
    }

    @Command(name = "abort", mixinStandardHelpOptions = true, description = "Stop a rollout for good.")
    static final class Abort extends Once {
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a rollout that waits for approvals (not your own); approving twice counts once.")
    static final class Approve extends OnRollout {
        @Option(names = "--comment", paramLabel = "TEXT", description = "Why, kept with the approval and in the audit trail.")
        String comment;

        @Override
        public Integer call() {
            return printApprovals(spec, output.format, server.client().postOk(path(id, "/approvals"),
                    comment == null ? Map.of() : Map.of("comment", comment)));
        }
    }

    @Command(name = "approvals", mixinStandardHelpOptions = true,
            description = "Show a rollout's approvals: how many it needs for its risk, who gave them, which still count.")
    static final class Approvals extends OnRollout {
        @Override
        public Integer call() {
            return printApprovals(spec, output.format, server.client().getOk(path(id, "/approvals")));
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Take the version back on every environment the rollout migrated, newest wave first.")
    static final class Rollback extends Moving {
    }
}
