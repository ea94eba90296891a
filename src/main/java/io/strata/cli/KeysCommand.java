package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * KeysCommand is {@code strata keys}: an admin issues, lists, rotates and revokes the API keys of a running
 * server; anyone asks {@code whoami}. A new key's token is printed once and kept nowhere.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the API keys of a running strata serve (admins).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Rotate.class, KeysCommand.Revoke.class,
                KeysCommand.WhoAmI.class})
final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** What every keys subcommand shares: the server, the output format, and flushing what it printed. */
    abstract static class ServerAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerOptionsMixin server;
        @Mixin
        OutputFormatMixin output;

        @Override
        public final Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            run(out);
            out.flush();
            return 0;
        }

        abstract void run(PrintWriter out);
    }

    /** Prints a key as text or JSON; with its token (once, when it was just made) and how to use it. */
    static void print(PrintWriter out, JsonNode key, boolean json) {
        if (json) {
            out.println(Json.write(key));
            return;
        }
        out.printf("key %s for %s: role %s%s%s%n", key.path("id").asText(), key.path("holder").asText(), key.path("role").asText(),
                key.path("team").isTextual() ? ", team " + key.path("team").asText() : "",
                key.path("expiresAt").isTextual() ? ", expires " + key.path("expiresAt").asText() : ", never expires");
        if (key.path("token").isTextual()) {
            out.println("token (shown once, store it now): " + key.path("token").asText());
            out.println("use it as:  export STRATA_TOKEN=" + key.path("token").asText());
            out.println("Confluent clients: basic.auth.user.info=" + key.path("id").asText() + ":<the part after the first dot>");
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a key; its token is printed once.")
    static final class Create extends ServerAction {

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, developer, releaser or admin.")
        String role;

        @Option(names = "--team", paramLabel = "TEAM", description = "The team whose subjects the key may change.")
        String team;

        @Option(names = "--holder", paramLabel = "NAME", description = "Who the key is for (default: the key's id).")
        String holder;

        @Option(names = "--expires", paramLabel = "DURATION", description = "Lifetime such as 90d or 12h (default: never).")
        String expires;

        @Override
        void run(PrintWriter out) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("role", role);
            body.put("team", team);
            body.put("holder", holder);
            body.put("expires", expires);
            print(out, server.client().postOk("/api/v1/keys", body), output.json());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every key, revoked and expired ones too.")
    static final class ListKeys extends ServerAction {

        @Override
        void run(PrintWriter out) {
            JsonNode answer = server.client().getOk("/api/v1/keys");
            if (output.json()) {
                out.println(Json.write(answer));
            } else {
                TextTable table = new TextTable("id", "holder", "role", "team", "state", "expires", "last used");
                for (JsonNode k : answer.path("keys")) {
                    table.row(k.path("id").asText(), k.path("holder").asText(), k.path("role").asText(), k.path("team").asText("-"),
                            k.path("state").asText(), k.path("expiresAt").asText("never"), k.path("lastUsedAt").asText("never"));
                }
                table.print(out);
            }
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Issue a replacement for a key (same holder, role and team); both work until the old one is revoked.")
    static final class Rotate extends ServerAction {

        @Parameters(paramLabel = "ID", description = "The key to replace.")
        String id;

        @Override
        void run(PrintWriter out) {
            print(out, server.client().postOk("/api/v1/keys/" + RegistryClient.segment(id) + "/rotate", Map.of()), output.json());
            if (!output.json()) {
                out.println("then, once every client uses the new key:  strata keys revoke " + id);
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key: it stops working at once.")
    static final class Revoke extends ServerAction {

        @Parameters(paramLabel = "ID", description = "The key to revoke.")
        String id;

        @Override
        void run(PrintWriter out) {
            print(out, server.client().deleteOk("/api/v1/keys/" + RegistryClient.segment(id)), output.json());
        }
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true, description = "Who the server takes the token for.")
    static final class WhoAmI extends ServerAction {

        @Override
        void run(PrintWriter out) {
            JsonNode me = server.client().getOk("/api/v1/whoami");
            if (output.json()) {
                out.println(Json.write(me));
            } else {
                out.printf("%s: role %s%s%n", me.path("auditName").asText(), me.path("role").asText(),
                        me.path("teams").isEmpty() ? "" : ", teams " + String.join(", ",
                                java.util.stream.StreamSupport.stream(me.path("teams").spliterator(), false).map(JsonNode::asText).toList()));
            }
        }
    }
}
