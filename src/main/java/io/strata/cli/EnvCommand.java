package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.rollout.EnvironmentRequest;
import io.strata.error.StrataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * EnvCommand is {@code strata env}: the environments of a running server, added, listed, shown, looked at
 * and removed. Passwords never pass through it: an environment names where the server finds its password.
 */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Manage the environments (target databases) of a running strata serve.",
        subcommands = {EnvCommand.Add.class, EnvCommand.ListEnvironments.class, EnvCommand.Show.class, EnvCommand.Health.class,
                EnvCommand.Remove.class, EnvCommand.Import.class, EnvCommand.Sync.class, EnvCommand.Repair.class})
final class EnvCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, list, show, health, remove, import, sync or repair");
    }

    private static int print(CommandSpec spec, OutputFormat format, JsonNode answer, java.util.function.Consumer<PrintWriter> text) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(answer));
        } else {
            text.accept(out);
        }
        out.flush();
        return 0;
    }

    private static String describe(JsonNode e) {
        return e.path("name").asText() + ": " + e.path("tier").asText() + " (order " + e.path("order").asInt()
                + (e.hasNonNull("group") ? ", group " + e.path("group").asText() : "") + "), " + e.path("dialect").asText()
                + " " + e.path("url").asText() + ", credentials " + e.path("credentials").asText()
                + (e.path("allowDestructive").asBoolean() ? "" : ", destructive steps refused") + approvals(e.path("policy"));
    }

    /** {@code , production, approvals low 1 high 2 (second factor)}, or nothing when it asks for none and is not production. */
    private static String approvals(JsonNode policy) {
        List<String> counts = new ArrayList<>();
        policy.path("approvals").fields().forEachRemaining(f -> {
            if (f.getValue().asInt() > 0) {
                counts.add(f.getKey() + " " + f.getValue().asInt());
            }
        });
        return (policy.path("production").asBoolean() ? ", production" : "")
                + (counts.isEmpty() ? "" : ", approvals " + String.join(" ", counts)
                + (policy.path("secondFactor").asBoolean() ? " (second factor)" : ""));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an environment.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptionsMixin server;
        @Parameters(index = "0", description = "The environment's name, e.g. prod-1.")
        String name;
        @Option(names = "--tier", required = true, description = "dev, staging, prod or another name (then give --order).")
        String tier;
        @Option(names = "--url", required = true, description = "JDBC URL without a password.")
        String url;
        @Option(names = "--credentials", description = "Where the server finds the password: env:VARIABLE, file:PATH or none.")
        String credentials;
        @Option(names = "--order", description = "Place in the promotion order (default: dev 10, staging 20, prod 30).")
        Integer order;
        @Option(names = "--group", description = "The fleet it belongs to, e.g. prod-shards.")
        String group;
        @Option(names = "--allow-destructive", arity = "1", description = "Whether destructive steps may run (default: not in prod).")
        Boolean allowDestructive;
        @Option(names = "--approvals", split = ",", paramLabel = "RISK=COUNT",
                description = "Approvals a rollout needs here per risk, e.g. low=1,high=2 (default: prod low 1, high 2; elsewhere none).")
        Map<String, Integer> approvals;
        @Option(names = "--second-factor", description = "Count approvals here only from someone who proved a second factor (MFA).")
        boolean secondFactor;
        @Option(names = "--production", description = "Production although the tier is not named prod or production: only releasers roll out here.")
        boolean production;
        @Mixin
        OutputFormatMixin output;

        @Override
        public Integer call() {
            EnvironmentRequest.ReviewPolicy policy = approvals == null && !secondFactor && !production ? null
                    : new EnvironmentRequest.ReviewPolicy(production ? Boolean.TRUE : null, approvals, secondFactor ? Boolean.TRUE : null);
            JsonNode added = server.client().postOk("/api/v1/environments", new EnvironmentRequest(name, tier, order, group, url,
                    credentials, allowDestructive, null, policy));
            return print(spec, output.format, added, out -> out.println("added " + describe(added)));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List environments in promotion order.")
    static final class ListEnvironments implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptionsMixin server;
        @Mixin
        OutputFormatMixin output;

        @Override
        public Integer call() {
            JsonNode answer = server.client().getOk("/api/v1/environments");
            return print(spec, output.format, answer, out -> {
                if (answer.path("environments").isEmpty()) {
                    out.println("no environments");
                    return;
                }
                TextTable table = new TextTable("order", "name", "tier", "group", "dialect", "credentials");
                for (JsonNode e : answer.path("environments")) {
                    table.row(e.path("order").asText(), e.path("name").asText(), e.path("tier").asText(),
                            e.hasNonNull("group") ? e.path("group").asText() : "", e.path("dialect").asText(),
                            e.path("credentials").asText());
                }
                table.print(out);
            });
        }
    }

    /** What every command on one environment takes: the server, the environment's name and the output format. */
    abstract static class OnEnvironment implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptionsMixin server;
        @Parameters(index = "0", description = "The environment's name.")
        String name;
        @Mixin
        OutputFormatMixin output;

        String path(String suffix) {
            return "/api/v1/environments/" + RegistryClient.segment(name) + suffix;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one environment.")
    static final class Show extends OnEnvironment {
        @Override
        public Integer call() {
            JsonNode answer = server.client().getOk(path(""));
            return print(spec, output.format, answer, out -> out.println(describe(answer)));
        }
    }

    @Command(name = "health", mixinStandardHelpOptions = true,
            description = "Connect to an environment: reachable, server version, versions applied, versions it lacks against earlier ones. Exit 1 when unreachable.")
    static final class Health extends OnEnvironment {
        @Override
        public Integer call() {
            JsonNode h = server.client().getOk(path("/health"));
            print(spec, output.format, h, out -> {
                if (!h.path("reachable").asBoolean()) {
                    out.println(name + ": unreachable (" + h.path("error").asText() + ")");
                    return;
                }
                out.println(name + ": reachable in " + h.path("latencyMillis").asLong() + " ms, " + h.path("serverVersion").asText());
                JsonNode applied = h.path("applied");
                out.println("  applied: " + (applied.isEmpty() ? "nothing recorded by Strata"
                        : applied.get(0).path("version").asText() + " (newest of " + applied.size() + " shown)"));
                JsonNode behind = h.path("behind");
                out.println("  behind earlier environments: " + (behind.isEmpty() ? "no" : behind.toString()));
                List<String> versions = new ArrayList<>();
                h.path("versions").fields().forEachRemaining(v -> versions.add(v.getKey() + "@" + v.getValue().asInt()));
                out.println("  versions: " + (versions.isEmpty() ? "none rolled out" : String.join(", ", versions)));
                JsonNode drift = h.path("drift");
                out.println("  drift: " + (!h.hasNonNull("drift") ? "never checked"
                        : (drift.path("drifted").asBoolean() ? drift.path("changes").asInt() + " change(s)" : "none")
                        + " (checked " + drift.path("checkedAt").asText() + ")"));
                JsonNode last = h.path("lastRollout");
                if (h.hasNonNull("lastRollout")) {
                    out.println("  last rollout: " + last.path("id").asLong() + ", " + last.path("subject").asText() + "@"
                            + last.path("version").asInt() + (last.path("phase").isTextual() ? " " + last.path("phase").asText() : "")
                            + ", " + last.path("stateHere").asText() + " here (" + last.path("state").asText() + " overall)");
                }
            });
            return h.path("reachable").asBoolean() ? 0 : 1;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Check an environment for drift now: the changes from the version it should be at, and the plan back. Exit 1 when it drifted.")
    static final class Sync extends OnEnvironment {
        @Override
        public Integer call() {
            JsonNode report = server.client().postOk(path("/sync"), Map.of());
            print(spec, output.format, report, out -> {
                if (!report.hasNonNull("subject")) {
                    out.println(name + ": " + report.path("report").path("note").asText("nothing rolled out here"));
                    return;
                }
                String version = report.path("subject").asText() + "@" + report.path("version").asInt();
                if (!report.path("drifted").asBoolean()) {
                    out.println(name + ": no drift from " + version + (report.path("report").has("note")
                            ? " (" + report.path("report").path("note").asText() + ")" : ""));
                    return;
                }
                out.println(name + ": " + report.path("changes").asInt() + " change(s) from " + version);
                for (JsonNode change : report.path("report").path("changes")) {
                    out.println("  " + change.path("code").asText() + " at " + change.path("location").asText());
                }
                if (report.path("report").has("note")) {
                    // The version replayed on another major than the environment's: some changes may be only printing.
                    out.println("  warning: " + report.path("report").path("note").asText());
                }
                out.println("  the way back" + (report.path("repair").path("destructive").asBoolean() ? " (destructive)" : "") + ":");
                report.path("repair").path("statements").forEach(sql -> out.println("    " + sql.asText()));
                out.println("  run it as a rollout: strata env repair " + name);
            });
            return report.path("drifted").asBoolean() ? 1 : 0;
        }
    }

    @Command(name = "repair", mixinStandardHelpOptions = true,
            description = "Create a rollout that takes a drifted environment back to the version it should be at.")
    static final class Repair extends OnEnvironment {
        @Option(names = "--execute", description = "Execute it at once.")
        boolean execute;
        @Option(names = "--wait", description = "With --execute, wait until it settles.")
        boolean waitToSettle;

        @Override
        public Integer call() throws InterruptedException {
            RegistryClient client = server.client();
            JsonNode rollout = client.postOk(path("/repair"), Map.of());
            if (execute) {
                rollout = client.postOk(RolloutCommand.path(rollout.path("id").asLong(), "/execute"), Map.of());
                rollout = waitToSettle ? RolloutCommand.settle(client, rollout) : rollout;
            }
            return RolloutCommand.printRollout(spec, output.format, rollout);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an environment.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptionsMixin server;
        @Parameters(index = "0")
        String name;

        @Override
        public Integer call() {
            server.client().deleteOk("/api/v1/environments/" + RegistryClient.segment(name));
            spec.commandLine().getOut().println("removed " + name);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the environments a strata.yaml declares under 'environments:'; existing ones are compared, not changed. "
                    + "Exit 1 when one on the server differs from the file.")
    static final class Import implements Callable<Integer> {
        private static final List<String> FIELDS = List.of("name", "tier", "order", "group", "url",
                "credentials", "allowDestructive", "lintSeverities", "policy");
        /** The objects a file may give in part: the server fills the rest of a policy in with defaults. */
        private static final Set<String> PARTIAL = Set.of("policy", "approvals");

        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptionsMixin server;
        @Parameters(index = "0", defaultValue = "strata.yaml", description = "The file (default: ${DEFAULT-VALUE}).")
        Path file;

        @Override
        public Integer call() {
            JsonNode declared = read(file).path("environments");
            if (!declared.isArray() || declared.isEmpty()) {
                throw StrataException.badInput("\"" + file + "\" declares no environments (a list under 'environments:')");
            }
            RegistryClient client = server.client();
            PrintWriter out = spec.commandLine().getOut();
            int differing = 0;
            for (JsonNode e : declared) {
                Map<String, Object> body = new LinkedHashMap<>();
                e.fields().forEachRemaining(f -> {
                    if (!FIELDS.contains(f.getKey())) {
                        throw StrataException.badInput("\"" + file + "\": environment field \"" + f.getKey()
                                + "\" is unknown (known: " + String.join(", ", FIELDS) + ")");
                    }
                    body.put(f.getKey(), f.getValue());
                });
                String name = e.path("name").asText();
                RegistryClient.Response added = client.post("/api/v1/environments", body);
                if (added.ok()) {
                    out.println("added " + describe(added.body()));
                } else if (added.status() == 409) {
                    List<String> differences = differences(e, client.getOk("/api/v1/environments/" + RegistryClient.segment(name)));
                    if (differences.isEmpty()) {
                        out.println("unchanged " + name);
                    } else {
                        differing++;
                        out.println("differs " + name + " (" + String.join("; ", differences) + "); remove it and import again to replace it");
                    }
                } else {
                    throw client.failure(added);
                }
            }
            out.flush();
            return differing == 0 ? 0 : 1;
        }

        /**
         * The fields the file declares that the server holds otherwise: numbers and booleans by value, tiers in any
         * case, objects (a policy) by the fields the file gives, since the server fills in the rest with defaults.
         */
        private static List<String> differences(JsonNode declared, JsonNode existing) {
            List<String> differences = new ArrayList<>();
            declared.fields().forEachRemaining(f -> {
                JsonNode have = existing.path(f.getKey());
                if (PARTIAL.contains(f.getKey()) && f.getValue().isObject()) {
                    differences(f.getValue(), have).forEach(d -> differences.add(f.getKey() + "." + d));
                    return;
                }
                boolean same = f.getValue().isNumber() || f.getValue().isBoolean()
                        ? f.getValue().asText().equals(have.asText()) : f.getValue().equals(have);
                if (!same && !(f.getKey().equals("tier") && f.getValue().asText().equalsIgnoreCase(have.asText()))) {
                    differences.add(f.getKey() + ": file " + f.getValue() + ", server " + have);
                }
            });
            return differences;
        }

        private static JsonNode read(Path file) {
            try {
                return new ObjectMapper(new YAMLFactory())
                        .readTree(Files.readString(file));
            } catch (NoSuchFileException e) {
                throw StrataException.badInput("no such file: \"" + file + "\"");
            } catch (java.io.IOException e) {
                throw StrataException.badInput("\"" + file + "\" is not readable YAML: " + e.getMessage());
            }
        }
    }
}
