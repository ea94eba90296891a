package io.strata.cli;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.strata.app.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata register}, {@code subjects} and {@code versions} against a real server started in-process:
 * registration and its idempotency, a refusal with its breaking changes, and the exit codes for a refused
 * request (2), an unreachable server (2) and a failing one (3).
 */
class RegistryCommandsTest {

    private static final String EVENTS = "examples/events/";

    @TempDir
    Path dir;

    private InProcessServer running;
    private Registry registry;
    private String url;

    @BeforeEach
    void start() {
        running = new InProcessServer(dir);
        registry = running.registry();
        url = running.url();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private CliRun register(String file, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "register";
        args[1] = "orders-value";
        args[2] = file;
        args[3] = "--server";
        args[4] = url;
        System.arraycopy(more, 0, args, 5, more.length);
        return CliRun.of(args);
    }

    @Test
    void registersVersionsAndRecognisesOneAlreadyThere() {
        CliRun v1 = register(EVENTS + "order-v1.avsc", "--token", TestKeys.issue(registry, "ci-bot", "developer", null),
                "-m", "first cut");
        assertThat(v1.exitCode()).as(v1.err()).isZero();
        assertThat(v1.out()).matches("registered orders-value version 1 \\(id \\d+, semver 1\\.0\\.0\\)\\R");

        CliRun v2 = register(EVENTS + "order-v2.avsc", "--format", "json");
        assertThat(v2.exitCode()).as(v2.err()).isZero();
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("semver").asText()).isEqualTo("1.1.0");
        assertThat(v2.json().get("created").asBoolean()).isTrue();

        CliRun again = register(EVENTS + "order-v1.avsc");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("already registered as version 1 ");
        assertThat(registry.schemas().versions("orders-value", null, false)).hasSize(2);

        // The actor and message travel with the request into the version and the audit trail.
        var first = registry.schemas().versions("orders-value", null, false).get(0);
        assertThat(first.author()).as("the author is the key's holder, as the server authenticated it").startsWith("ci-bot (key k");
        assertThat(first.message()).isEqualTo("first cut");
        assertThat(registry.audit().page(0, 100)).anyMatch(e -> e.actor().equals(first.author()));
    }

    @Test
    void anIncompatibleVersionIsRefusedWithItsBreakingChanges() {
        assertThat(register(EVENTS + "order-v1.avsc").exitCode()).isZero();
        assertThat(register(EVENTS + "order-v2.avsc").exitCode()).isZero();

        CliRun v3 = register(EVENTS + "order-v3.avsc");
        assertThat(v3.exitCode()).as(v3.out() + v3.err()).isEqualTo(1);
        assertThat(v3.out()).startsWith("incompatible: schema is not BACKWARD compatible")
                .contains("TYPE_MISMATCH  /fields/1/type  breaks: OLD_WRITER")
                .contains("/fields/5");
        assertThat(registry.schemas().versions("orders-value", null, false)).hasSize(2);

        CliRun json = register(EVENTS + "order-v3.avsc", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.json().get("compatible").asBoolean()).isFalse();
        assertThat(json.json().get("changes")).anyMatch(c -> c.get("code").asText().equals("TYPE_MISMATCH")
                && c.get("location").asText().equals("/fields/1/type"));
    }

    @Test
    void theFormatComesFromTheExtensionOrTheOption() throws IOException {
        Path text = Files.copy(Path.of(EVENTS + "order-v1.avsc"), dir.resolve("order.txt"));
        CliRun unknown = register(text.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--schema-type");

        CliRun given = register(text.toString(), "--schema-type", "avro");
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(registry.subjects().get("orders-value").subject().format().name()).isEqualTo("AVRO");
    }

    @Test
    void aRequestTheServerRefusesIsBadInputOnOneLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.avsc"), "{\"type\": \"record\", \"name\": \"X\"}");
        CliRun run = register(broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("strata: ").hasLineCount(1);
        assertThat(run.out()).isEmpty();

        CliRun missing = CliRun.of("versions", "no-such-subject", "--server", url);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("strata: ").contains("no-such-subject");
    }

    @Test
    void anUnreachableServerIsNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + port;
        CliRun run = CliRun.of("register", "orders-value", EVENTS + "order-v1.avsc", "--server", nobody);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the Strata server at " + nobody);

        CliRun noUrl = CliRun.of("subjects", "--server", "localhost:8080");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("http://HOST:PORT");
    }

    @Test
    void aFailingServerExitsThreeAndSomethingElseThanStrataExitsTwo() throws IOException {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/api/v1/schemas", exchange -> answer(exchange, 500,
                "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"disk full\"}}"));
        fake.createContext("/api/v1/audit/verify", exchange -> answer(exchange, 200, "<html>hello</html>"));
        fake.start();
        try {
            String fakeUrl = "http://127.0.0.1:" + fake.getAddress().getPort();
            CliRun failing = CliRun.of("register", "orders-value", EVENTS + "order-v1.avsc", "--server", fakeUrl);
            assertThat(failing.exitCode()).isEqualTo(3);
            assertThat(failing.err()).contains("HTTP 500").contains("disk full");

            CliRun html = CliRun.of("audit", "verify", "--server", fakeUrl);
            assertThat(html.exitCode()).isEqualTo(2);
            assertThat(html.err()).contains("did not answer with JSON");
        } finally {
            fake.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void subjectsAndVersionsAreListed() {
        assertThat(CliRun.of("subjects", "--server", url).out()).isEqualTo("no subjects\n");
        register(EVENTS + "order-v1.avsc", "--token", TestKeys.issue(registry, "alice", "developer", null));
        register(EVENTS + "order-v2.avsc", "--token", TestKeys.issue(registry, "bob", "developer", null));
        assertThat(CliRun.of("register", "gone-value", EVENTS + "order-v1.avsc", "--server", url).exitCode()).isZero();
        registry.subjects().delete("gone-value", false, "carol");

        CliRun subjects = CliRun.of("subjects", "--server", url);
        assertThat(subjects.exitCode()).as(subjects.err()).isZero();
        assertThat(subjects.out().lines().toList()).hasSize(2);
        assertThat(subjects.out().lines().toList().get(0)).matches("subject\\s+format\\s+level\\s+versions\\s+latest");
        assertThat(subjects.out()).containsPattern("orders-value\\s+AVRO\\s+BACKWARD\\s+2\\s+1\\.1\\.0").doesNotContain("gone-value");

        CliRun withDeleted = CliRun.of("subjects", "--server", url, "--deleted");
        assertThat(withDeleted.out()).containsPattern("gone-value\\s+AVRO\\s+BACKWARD\\s+\\d+\\s+\\S+\\s+yes")
                .containsPattern("orders-value\\s+AVRO\\s+BACKWARD\\s+2\\s+1\\.1\\.0\\s+no");

        CliRun json = CliRun.of("versions", "orders-value", "--server", url, "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode second = json.json().get("versions").get(1);
        String fingerprint = second.get("fingerprint").asText();

        CliRun versions = CliRun.of("versions", "orders-value", "--server", url);
        assertThat(versions.exitCode()).as(versions.err()).isZero();
        assertThat(versions.out().lines().toList()).hasSize(3);
        assertThat(versions.out()).containsPattern("(?m)^1\\s+\\d+\\s+1\\.0\\.0\\s+alice \\(key k[0-9a-f]+\\)\\s+\\S+\\s+[0-9a-f]{12}$")
                .containsPattern("(?m)^2\\s+" + second.get("id").asText() + "\\s+1\\.1\\.0\\s+bob \\(key k[0-9a-f]+\\)\\s+"
                        + second.get("createdAt").asText().replace(".", "\\.") + "\\s+" + fingerprint.substring(0, 12) + "$")
                .doesNotContain(fingerprint);
    }
}
