package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strata.audit.EventNames;
import io.strata.events.Cidr;
import io.strata.events.WebhookSettings;
import io.strata.app.Registry;
import io.strata.registry.SchemaParser;
import io.strata.store.StoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outgoing webhooks end to end: a real receiver on loopback checks every delivery's HMAC signature; a receiver
 * that fails twice gets three attempts; an unreachable one gets every attempt, each logged; registrations through
 * the API raise {@code schema.registered} and {@code compatibility.failed}; bad subscriptions are refused and
 * leave nothing behind; no answer carries a secret.
 */
class WebhooksApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SECRET = "s3cr3t-never-shown-7f1c";
    private static final String AVRO_V1 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"}]}""";
    private static final String AVRO_V2 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},
             {"name":"total","type":"double","default":0}]}""";
    private static final String AVRO_BREAKS = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},
             {"name":"customer","type":"string"}]}""";

    private static Registry registry;
    private static ApiServer server;
    private static HttpServer receiver;
    /** What the receiver took: each delivery's body, parsed, after its signature checked out. */
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    /** Deliveries whose signature did not match; must stay empty. */
    private static final List<String> forged = new CopyOnWriteArrayList<>();
    private static final AtomicInteger flakyCalls = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        // The receivers are on loopback, which webhooks reach only when it is allowed.
        WebhookSettings fast = new WebhookSettings(Duration.ofMillis(20), 5, Duration.ofSeconds(5), 2,
                List.of(Cidr.parse("127.0.0.1/32")));
        registry = new Registry(StoreDatabase.open(null, Files.createTempDirectory("strata-hooks")), new SchemaParser(Map.of()),
                fast);
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", exchange -> take(exchange, 204));
        receiver.createContext("/flaky", exchange -> take(exchange, flakyCalls.incrementAndGet() <= 2 ? 500 : 200));
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        server.close();
        registry.close();
    }

    /** Checks the signature against the exact bytes received, records the body, answers {@code status}. */
    private static void take(HttpExchange exchange, int status) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String expected = "sha256=" + hmac(SECRET, body);
        String signature = exchange.getRequestHeaders().getFirst("X-Strata-Signature");
        JsonNode json = JSON.readTree(body);
        if (!expected.equals(signature)
                || !json.path("event").asText().equals(exchange.getRequestHeaders().getFirst("X-Strata-Event"))
                || !json.path("id").asText().equals(exchange.getRequestHeaders().getFirst("X-Strata-Delivery"))) {
            forged.add(new String(body, StandardCharsets.UTF_8) + " signed " + signature);
        } else if (status / 100 == 2) {
            received.add(json);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void registeringASchemaDeliversSchemaRegisteredSigned() throws Exception {
        long hook = subscribe(receiverUrl("/ok"), List.of(EventNames.SCHEMA_REGISTERED));
        try {
            JsonNode v1 = send("POST", "/api/v1/schemas", Map.of("subject", "hooks-registered", "format", "AVRO",
                    "schema", AVRO_V1), 201);
            JsonNode v2 = send("POST", "/api/v1/schemas/hooks-registered/versions", Map.of("schema", AVRO_V2), 201);
            List<JsonNode> events = awaitReceived(e -> e.path("event").asText().equals("schema.registered")
                    && e.path("data").path("subject").asText().equals("hooks-registered"), 2);
            JsonNode second = events.stream().filter(e -> e.path("data").path("version").asInt() == 2).findFirst().orElseThrow();
            assertThat(second.path("data").path("id").asLong()).isEqualTo(v2.path("id").asLong());
            assertThat(second.path("data").path("semver").asText()).isEqualTo(v2.path("semver").asText());
            assertThat(second.path("data").path("fingerprint").asText()).isEqualTo(v2.path("fingerprint").asText());
            assertThat(second.path("id").asText()).hasSize(36);
            assertThat(second.path("at").asText()).isNotBlank();
            assertThat(v1.path("version").asInt()).isEqualTo(1);
            // The same schema again creates nothing, so raises nothing: the log holds exactly the two deliveries.
            send("POST", "/api/v1/schemas/hooks-registered/versions", Map.of("schema", AVRO_V2), 200);
            List<JsonNode> log = awaitDeliveries(hook, d -> d.size() >= 2);
            assertThat(log).allSatisfy(d -> {
                assertThat(d.path("outcome").asText()).isEqualTo("success");
                assertThat(d.path("statusCode").asInt()).isEqualTo(204);
                assertThat(d.path("attempt").asInt()).isEqualTo(1);
                assertThat(d.path("event").asText()).isEqualTo("schema.registered");
                assertThat(d.has("durationMs")).isTrue();
                assertThat(d.path("at").asText()).isNotBlank();
            });
            assertThat(forged).isEmpty();
        } finally {
            send("DELETE", "/api/v1/webhooks/" + hook, null, 200);
        }
    }

    @Test
    void aRolloutDeliversStartedCompletedAndRolledBack() throws Exception {
        long hook = subscribe(receiverUrl("/ok"), List.of(EventNames.MIGRATION_STARTED, EventNames.MIGRATION_COMPLETED,
                EventNames.MIGRATION_ROLLED_BACK));
        try {
            send("POST", "/api/v1/schemas", Map.of("subject", "hooks.rollout", "format", "SQL",
                    "schema", "CREATE TABLE hooked (id bigint PRIMARY KEY);"), 201);
            send("POST", "/api/v1/environments", Map.of("name", "hooks-dev", "tier", "dev",
                    "url", io.strata.testing.TestDatabases.freshPostgres()), 201);
            long id = send("POST", "/api/v1/migrations", Map.of("subject", "hooks.rollout", "environments", List.of("hooks-dev")),
                    201).path("id").asLong();
            send("POST", "/api/v1/migrations/" + id + "/execute", null, 202);
            assertThat(HttpJson.awaitRollout(server.port(), id).path("state").asText()).isEqualTo("SUCCEEDED");
            send("POST", "/api/v1/migrations/" + id + "/rollback", null, 202);
            assertThat(HttpJson.awaitRollout(server.port(), id).path("state").asText()).isEqualTo("ROLLED_BACK");
            List<JsonNode> events = awaitReceived(e -> e.path("event").asText().startsWith("migration.")
                    && e.path("data").path("rollout").asLong() == id, 3);
            assertThat(events.stream().map(e -> e.path("event").asText()).toList())
                    .containsExactlyInAnyOrder("migration.started", "migration.completed", "migration.rolled_back");
            JsonNode back = events.stream().filter(e -> e.path("event").asText().equals("migration.rolled_back")).findFirst().orElseThrow();
            assertThat(back.path("data").path("subject").asText()).isEqualTo("hooks.rollout");
            assertThat(back.path("data").path("environments").asInt()).isEqualTo(1);
            assertThat(forged).isEmpty();
        } finally {
            send("DELETE", "/api/v1/webhooks/" + hook, null, 200);
        }
    }

    @Test
    void anIncompatibleRegistrationDeliversCompatibilityFailed() throws Exception {
        long hook = subscribe(receiverUrl("/ok"), List.of(EventNames.COMPATIBILITY_FAILED));
        try {
            send("POST", "/api/v1/schemas", Map.of("subject", "hooks-refused", "format", "AVRO", "schema", AVRO_V1), 201);
            send("POST", "/api/v1/schemas/hooks-refused/versions", Map.of("schema", AVRO_BREAKS), 409);
            JsonNode event = awaitReceived(e -> e.path("event").asText().equals("compatibility.failed")
                    && e.path("data").path("subject").asText().equals("hooks-refused"), 1).get(0);
            assertThat(event.path("data").path("level").asText()).isEqualTo("BACKWARD");
            assertThat(event.path("data").path("breaking")).isNotEmpty();
            assertThat(event.path("data").path("breaking").get(0).path("code").asText()).isNotBlank();
            assertThat(event.path("data").path("breaking").get(0).has("location")).isTrue();
            assertThat(forged).isEmpty();
        } finally {
            send("DELETE", "/api/v1/webhooks/" + hook, null, 200);
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsThreeAttemptsTheLastSuccessful() throws Exception {
        long hook = subscribe(receiverUrl("/flaky"), List.of(EventNames.DRIFT_DETECTED));
        try {
            registry.webhooks().publish(EventNames.DRIFT_DETECTED, Map.of("environment", "staging", "subject", "flaky"));
            List<JsonNode> log = awaitDeliveries(hook, d -> d.stream().anyMatch(a -> !a.path("outcome").asText().equals("retry")));
            assertThat(log).hasSize(3);
            // Newest first.
            assertThat(log.get(0).path("attempt").asInt()).isEqualTo(3);
            assertThat(log.get(0).path("outcome").asText()).isEqualTo("success");
            assertThat(log.get(0).path("statusCode").asInt()).isEqualTo(200);
            for (JsonNode failed : log.subList(1, 3)) {
                assertThat(failed.path("outcome").asText()).isEqualTo("retry");
                assertThat(failed.path("statusCode").asInt()).isEqualTo(500);
                assertThat(failed.path("error").asText()).contains("500");
            }
            assertThat(log.stream().map(d -> d.path("delivery").asText()).distinct()).hasSize(1);
            assertThat(received).anySatisfy(e -> assertThat(e.path("data").path("subject").asText()).isEqualTo("flaky"));
            String metrics = HTTP.send(TestKeys.request(URI.create(base() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("strata_webhook_deliveries_total{event=\"drift.detected\",outcome=\"retry\"} 2.0");
            assertThat(metrics).contains("strata_webhook_deliveries_total{event=\"drift.detected\",outcome=\"success\"} 1.0");
            assertThat(forged).isEmpty();
        } finally {
            send("DELETE", "/api/v1/webhooks/" + hook, null, 200);
        }
    }

    @Test
    void anUnreachableReceiverGetsEveryAttemptEachLogged() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long hook = subscribe("http://127.0.0.1:" + closedPort + "/hook", List.of(EventNames.MIGRATION_FAILED));
        try {
            registry.webhooks().publish(EventNames.MIGRATION_FAILED, Map.of("environment", "prod"));
            List<JsonNode> log = awaitDeliveries(hook, d -> d.stream().anyMatch(a -> a.path("outcome").asText().equals("failed")));
            assertThat(log).hasSize(5);
            assertThat(log.stream().map(d -> d.path("attempt").asInt()).toList()).containsExactly(5, 4, 3, 2, 1);
            assertThat(log.get(0).path("outcome").asText()).isEqualTo("failed");
            assertThat(log.subList(1, 5)).allSatisfy(d -> assertThat(d.path("outcome").asText()).isEqualTo("retry"));
            assertThat(log).allSatisfy(d -> {
                assertThat(d.path("statusCode").isNull()).isTrue();
                assertThat(d.path("error").asText()).isEqualTo("connection-failed: no HTTP answer from the receiver");
            });
        } finally {
            send("DELETE", "/api/v1/webhooks/" + hook, null, 200);
        }
    }

    @Test
    void badSubscriptionsAreRefusedAndStoreNothing() throws Exception {
        int hooksBefore = send("GET", "/api/v1/webhooks", null, 200).path("webhooks").size();
        long auditBefore = auditLength();
        List<Object[]> cases = List.of(
                new Object[]{Map.of("url", "ftp://example.com/x", "secret", "k", "events", List.of("schema.registered")), 422},
                new Object[]{Map.of("url", "not a url", "secret", "k", "events", List.of("schema.registered")), 422},
                new Object[]{Map.of("url", "http:///nohost", "secret", "k", "events", List.of("schema.registered")), 422},
                new Object[]{Map.of("url", "https://example.com/x", "secret", "k", "events", List.of("schema.deleted")), 422},
                new Object[]{Map.of("url", "https://example.com/x", "secret", "k", "events", List.of()), 422},
                new Object[]{Map.of("url", "https://example.com/x", "secret", "", "events", List.of("schema.registered")), 422},
                new Object[]{Map.of("url", "https://example.com/x", "secret", "  ", "events", List.of("schema.registered")), 422},
                new Object[]{Map.of("url", "https://example.com/x", "events", List.of("schema.registered")), 400},
                new Object[]{Map.of("url", "https://example.com/x", "secret", "k", "events", "schema.registered"), 400},
                new Object[]{Map.of("secret", "k", "events", List.of("schema.registered")), 400});
        for (Object[] c : cases) {
            JsonNode error = send("POST", "/api/v1/webhooks", c[0], (Integer) c[1]);
            assertThat(error.path("error").path("code").asText()).isEqualTo((Integer) c[1] == 422 ? "INVALID_WEBHOOK" : "INVALID_REQUEST");
            assertThat(error.path("error").path("message").asText()).isNotBlank();
        }
        assertThat(send("GET", "/api/v1/webhooks/12345", null, 404).path("error").path("code").asText()).isEqualTo("WEBHOOK_NOT_FOUND");
        send("GET", "/api/v1/webhooks/abc", null, 404);
        send("DELETE", "/api/v1/webhooks/12345", null, 404);
        send("GET", "/api/v1/webhooks/12345/deliveries", null, 404);
        assertThat(send("GET", "/api/v1/webhooks", null, 200).path("webhooks").size()).isEqualTo(hooksBefore);
        assertThat(auditLength()).isEqualTo(auditBefore);
    }

    @Test
    void theSecretNeverComesBackAndCreateAndDeleteAreAudited() throws Exception {
        String created = raw("POST", "/api/v1/webhooks", Map.of("url", receiverUrl("/ok"), "secret", SECRET,
                "events", List.of("migration.started", "migration.completed")), 201);
        long hook = JSON.readTree(created).path("id").asLong();
        registry.webhooks().publish(EventNames.MIGRATION_STARTED, Map.of("environment", "dev"));
        awaitDeliveries(hook, d -> !d.isEmpty());
        List<String> answers = new ArrayList<>(List.of(created, raw("GET", "/api/v1/webhooks", null, 200),
                raw("GET", "/api/v1/webhooks/" + hook, null, 200), raw("GET", "/api/v1/webhooks/" + hook + "/deliveries", null, 200)));
        JsonNode one = JSON.readTree(answers.get(2));
        assertThat(one.path("url").asText()).isEqualTo(receiverUrl("/ok"));
        assertThat(one.path("events").toString()).isEqualTo("[\"migration.started\",\"migration.completed\"]");
        send("DELETE", "/api/v1/webhooks/" + hook, null, 200);
        send("GET", "/api/v1/webhooks/" + hook, null, 404);
        answers.add(raw("GET", "/api/v1/audit?limit=1000", null, 200));
        assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContain(SECRET));
        JsonNode audit = JSON.readTree(answers.get(answers.size() - 1)).path("events");
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> {
            if (e.path("target").asText().equals("webhook/" + hook)) {
                actions.add(e.path("action").asText());
            }
        });
        assertThat(actions).containsExactly("webhook.created", "webhook.deleted");
        assertThat(send("GET", "/api/v1/audit/verify", null, 200).path("intact").asBoolean()).isTrue();
    }

    // ---- helpers

    private static long subscribe(String url, List<String> events) throws Exception {
        JsonNode created = send("POST", "/api/v1/webhooks", Map.of("url", url, "secret", SECRET, "events", events), 201);
        assertThat(created.has("secret")).isFalse();
        return created.path("id").asLong();
    }

    private static long auditLength() throws Exception {
        return send("GET", "/api/v1/audit?limit=1000", null, 200).path("events").size();
    }

    /** Polls the receiver until {@code count} matching deliveries arrived (no timing is asserted, only a deadline). */
    private static List<JsonNode> awaitReceived(Predicate<JsonNode> matching, int count) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            List<JsonNode> found = received.stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + count + " matching deliveries within " + DEADLINE + "; received " + received);
    }

    /** Polls the deliveries endpoint until {@code done} holds for the log, newest first. */
    private static List<JsonNode> awaitDeliveries(long hook, Predicate<List<JsonNode>> done) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        List<JsonNode> log = List.of();
        while (System.nanoTime() < end) {
            List<JsonNode> now = new ArrayList<>();
            send("GET", "/api/v1/webhooks/" + hook + "/deliveries", null, 200).path("deliveries").forEach(now::add);
            log = now;
            if (done.test(log)) {
                return log;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the delivery log of webhook " + hook + " did not settle within " + DEADLINE + ": " + log);
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static JsonNode send(String method, String path, Object body, int expected) throws Exception {
        return JSON.readTree(raw(method, path, body, expected));
    }

    private static String raw(String method, String path, Object body, int expected) throws Exception {
        HttpRequest.Builder request = TestKeys.request(URI.create(base() + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expected);
        return response.body();
    }
}
