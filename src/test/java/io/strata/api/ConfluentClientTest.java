package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.app.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ConfluentClientTest is the Confluent-compatible API driven by a client nobody here wrote: the npm package
 * {@code @kafkajs/confluent-schema-registry} (pinned in {@code src/test/node/package.json}) registers Avro
 * schemas, encodes and decodes messages in Confluent's wire format, and is refused an incompatible version.
 * The Node script prints what it saw as JSON; this test checks it. Without Node.js (or npm, when the package
 * is not installed yet) the test is skipped with the reason printed.
 */
class ConfluentClientTest {

    private static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();
    private static final String PACKAGE = "@kafkajs/confluent-schema-registry";
    private static final long NODE_TIMEOUT_SECONDS = 90;
    private static final long NPM_TIMEOUT_SECONDS = 300;

    @TempDir
    static Path dir;

    private static Registry registry;
    private static ApiServer server;

    @BeforeAll
    static void start() {
        registry = Registry.open(null, dir, Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void kafkaJsClientRegistersEncodesDecodesAndIsRefusedAnIncompatibleSchema() throws Exception {
        requireClientPackage();
        String token = TestKeys.issue(registry, "payments-app", "developer", "payments");
        String keyId = token.substring(0, token.indexOf('.'));
        Run run = run(NODE_TIMEOUT_SECONDS, "node", "ccompat-client.js", "http://127.0.0.1:" + server.port() + "/ccompat",
                keyId, token.substring(token.indexOf('.') + 1));
        assertThat(run.exit()).as("node exit status; output:%n%s", run.output()).isZero();
        JsonNode out = lastJsonLine(run.output());
        System.out.println("ConfluentClientTest: the client saw " + out);

        assertThat(out.path("anonymous").path("status").asInt()).as("a client without the key is refused: %s", out.path("anonymous"))
                .isEqualTo(401);
        long id1 = out.path("id1").asLong();
        assertThat(id1).isPositive();
        assertThat(out.path("idAgain").asLong()).as("the same schema registered again keeps its id").isEqualTo(id1);

        assertThat(out.path("magicByte").asInt()).isZero();
        assertThat(out.path("encodedId").asLong()).as("the wire format carries the schema id").isEqualTo(id1);
        assertThat(out.path("decoded").path("id").asText()).isEqualTo("p-1");
        assertThat(out.path("decoded").path("amount").asDouble()).isEqualTo(12.5);
        assertThat(out.path("decoded").size()).isEqualTo(2);

        long id2 = out.path("id2").asLong();
        assertThat(id2).as("a compatible second version gets a new id").isPositive().isNotEqualTo(id1);
        assertThat(out.path("decodedV2").path("currency").asText()).isEqualTo("USD");
        assertThat(out.path("decodedV2").path("amount").asDouble()).isEqualTo(3.0);
        assertThat(out.path("latestId").asLong()).isEqualTo(id2);
        assertThat(out.path("lookupV1").asLong()).as("lookup of version 1 by its schema").isEqualTo(id1);

        JsonNode refused = out.path("incompatible");
        assertThat(refused.has("registered")).as("the incompatible schema must be refused: %s", refused).isFalse();
        assertThat(refused.path("status").asInt()).isEqualTo(409);
        assertThat(refused.path("message").asText()).containsIgnoringCase("compatible");
        assertThat(registry.schemas().versions("payments-value", null, false)).hasSize(2);
        assertThat(registry.subjects().get("payments-value").subject().owner())
                .as("a subject registered with a team's key belongs to that team").isEqualTo("payments");
        assertThat(registry.audit().page(0, 100)).filteredOn(e -> e.action().startsWith("version"))
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("payments-app (key " + keyId + ")"));

        assertThat(out.path("unknownId").path("status").asInt()).isEqualTo(404);
    }

    /** Skips (printing why) without Node.js; installs the pinned package with npm when it is missing. */
    private static void requireClientPackage() throws Exception {
        assume(available("node"), "node is not on the PATH");
        if (Files.isDirectory(NODE_DIR.resolve("node_modules").resolve(PACKAGE))) {
            return;
        }
        assume(available("npm"), PACKAGE + " is not installed in " + NODE_DIR + " and npm is not on the PATH");
        Run install = run(NPM_TIMEOUT_SECONDS, "npm", "ci", "--no-audit", "--no-fund");
        assume(install.exit() == 0, "npm ci in " + NODE_DIR + " failed (offline?):\n" + install.output());
    }

    private static void assume(boolean condition, String reason) {
        if (!condition) {
            System.out.println("ConfluentClientTest skipped: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    private static boolean available(String command) {
        try {
            return run(30, command, "--version").exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A process's exit status and its stdout and stderr together. */
    private record Run(int exit, String output) {
    }

    private static Run run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), output.join());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static JsonNode lastJsonLine(String output) throws IOException {
        List<String> lines = new ArrayList<>(output.lines().filter(l -> l.startsWith("{")).toList());
        assertThat(lines).as("the script prints its results as a JSON line; output:%n%s", output).isNotEmpty();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }
}
