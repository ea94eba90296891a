package io.strata.cli;

import io.strata.api.dto.AuditEventDto;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.audit.AuditVerification;
import io.strata.error.StrataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * AuditCommand is {@code strata audit}: the registry's hash-chained audit trail, read from a running server
 * or straight from its store. Reading the store directly matters for {@code verify}: whoever can edit the
 * store's rows could also run a server that lies, so an auditor can check the rows themselves.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = {AuditCommand.Verify.class, AuditCommand.Log.class},
        description = "Read and verify the registry's audit trail (from --server, or from the store itself).")
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Where the trail is read: a server when {@code --server} (or {@code STRATA_SERVER}) is set and no store
     * option is given on the command line, else the store. Store options have no picocli defaults so that
     * giving one is visible here and wins over an inherited {@code STRATA_SERVER}.
     */
    static final class Source {

        @Option(names = "--server", paramLabel = "URL", description = "Base URL of a running strata serve (default: $STRATA_SERVER, unless a store option is given).")
        String server;

        @Option(names = "--token", paramLabel = "KEY", defaultValue = "${env:STRATA_TOKEN}",
                description = "API key or OIDC token for --server (default: $STRATA_TOKEN).")
        String token;

        @Option(names = "--store-url", paramLabel = "JDBC_URL",
                description = "PostgreSQL JDBC URL of the store (default: $STRATA_STORE_URL, else the H2 file under --store-dir).")
        String storeUrl;

        @Option(names = "--store-dir", paramLabel = "DIR", description = "Directory of the embedded store (default: .strata).")
        Path storeDir;

        /** The server's client, or null when the store is to be read directly. */
        RegistryClient client() {
            boolean storeGiven = storeUrl != null || storeDir != null;
            if (server != null && storeGiven) {
                throw StrataException.badInput("give --server or the store (--store-url/--store-dir), not both");
            }
            String url = server != null ? server : storeGiven ? null : System.getenv("STRATA_SERVER");
            return url == null || url.isBlank() ? null : new RegistryClient(url, token);
        }

        Registry openStore() {
            String url = storeUrl != null ? storeUrl : System.getenv("STRATA_STORE_URL");
            Path dir = storeDir != null ? storeDir : Path.of(".strata");
            if ((url == null || url.isBlank()) && !Files.isDirectory(dir)) {
                // Opening would create an empty store, whose empty trail would "verify".
                throw StrataException.badInput("no store under \"" + dir + "\": give --store-dir, --store-url or --server");
            }
            return Registry.open(url, dir, Map.of());
        }
    }

    /** {@code strata audit verify}: recomputes the hash chain; exit 1 names the first event altered or removed. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute the audit trail's hash chain.",
                    "Exit 0 when intact, 1 when an event was altered or removed (the first one is named), 2 on bad input."})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Source source;

        @Mixin
        OutputFormatMixin output;

        @Override
        public Integer call() {
            AuditVerification result = verify();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("intact", result.intact());
                json.put("checked", result.checked());
                json.put("firstBroken", result.intact() ? null : result.firstBroken());
                json.put("message", result.message());
                out.println(Json.write(json));
            } else if (result.intact()) {
                out.println("audit trail intact: " + result.checked() + " events verified");
            } else {
                out.println("audit trail broken at event " + result.firstBroken() + ": " + result.message());
            }
            out.flush();
            return result.intact() ? 0 : 1;
        }

        private AuditVerification verify() {
            RegistryClient client = source.client();
            if (client == null) {
                try (Registry registry = source.openStore()) {
                    return registry.audit().verify();
                }
            }
            JsonNode v = client.getOk("/api/v1/audit/verify");
            return new AuditVerification(v.path("intact").asBoolean(), v.path("checked").asInt(),
                    v.path("firstBroken").asLong(), v.path("message").asText());
        }
    }

    /** {@code strata audit log}: a page of events, oldest first. */
    @Command(name = "log", mixinStandardHelpOptions = true, description = "List audit events after --after, oldest first.")
    static final class Log implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Source source;

        @Option(names = "--after", paramLabel = "SEQ", defaultValue = "0", description = "Only events after this sequence number (default: ${DEFAULT-VALUE}).")
        long after;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most this many events, up to 1000 (default: ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        OutputFormatMixin output;

        @Override
        public Integer call() {
            if (after < 0 || limit < 1) {
                throw StrataException.badInput("--after must be 0 or more and --limit 1 or more");
            }
            List<Map<String, Object>> events = events();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("events", events);
                json.put("next", events.isEmpty() ? null : events.get(events.size() - 1).get("seq"));
                out.println(Json.write(json));
            } else if (events.isEmpty()) {
                out.println("no events after " + after);
            } else {
                TextTable table = new TextTable("seq", "at", "actor", "action", "target");
                for (Map<String, Object> e : events) {
                    table.row(String.valueOf(e.get("seq")), String.valueOf(e.get("at")), (String) e.get("actor"),
                            (String) e.get("action"), (String) e.get("target"));
                }
                table.print(out);
            }
            out.flush();
            return 0;
        }

        /** Events in the API's shape whichever the source, so both print (and script) the same. */
        private List<Map<String, Object>> events() {
            RegistryClient client = source.client();
            List<Map<String, Object>> events = new ArrayList<>();
            if (client == null) {
                try (Registry registry = source.openStore()) {
                    registry.audit().page(after, limit).forEach(e -> events.add(Json.asMap(AuditEventDto.of(e))));
                }
                return events;
            }
            JsonNode page = client.getOk("/api/v1/audit?after=" + after + "&limit=" + limit);
            for (JsonNode e : page.path("events")) {
                Map<String, Object> event = new LinkedHashMap<>();
                e.fields().forEachRemaining(f -> event.put(f.getKey(), f.getValue().isNull() ? null
                        : f.getValue().isNumber() ? f.getValue().numberValue() : f.getValue().asText()));
                events.add(event);
            }
            return events;
        }
    }
}
