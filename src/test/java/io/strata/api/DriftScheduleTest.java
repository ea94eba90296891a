package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.strata.app.Registry;
import io.strata.events.Cidr;
import io.strata.events.WebhookSettings;
import io.strata.rollout.drift.DriftSchedule;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled drift check, as {@code strata serve --drift-interval 1} runs it: drift made by hand is found and
 * {@code drift.detected} delivered without any sync, while an unreachable environment is shown on /metrics and
 * does not stop the schedule.
 */
class DriftScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Registry registry;
    private static ApiServer server;
    private static DriftSchedule schedule;
    private static HttpServer receiver;
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        // The webhook receiver is on loopback, which webhooks reach only when it is allowed.
        registry = Registry.open(null, Files.createTempDirectory("strata-drift-schedule"), Map.of(),
                WebhookSettings.defaults().allowing(List.of(Cidr.parse("127.0.0.1/32"))));
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        schedule = DriftSchedule.start(registry.environments(), registry.drift(), 1);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        schedule.close();
        receiver.stop(0);
        server.close();
        registry.close();
    }

    @Test
    void driftMadeByHandIsFoundAndAnnouncedWithoutASync() throws Exception {
        send("POST", "/api/v1/webhooks", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "secret", "k", "events", List.of("drift.detected")), 201);
        String url = TestDatabases.freshPostgres();
        send("POST", "/api/v1/schemas", Map.of("subject", "sched.orders", "format", "SQL",
                "schema", "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2));"), 201);
        send("POST", "/api/v1/environments", Map.of("name", "sched-gone", "tier", "dev",
                "url", "jdbc:postgresql://127.0.0.1:1/gone?user=postgres"), 201);
        send("POST", "/api/v1/environments", Map.of("name", "sched-dev", "tier", "dev", "url", url), 201);
        DriftFixture.rollOut(server.port(), "sched.orders", "sched-dev");

        // The drift is made only once the schedule has met the unreachable environment, so finding it proves that
        // meeting one did not end the schedule.
        String unreachable = "strata_environment_drift_unreachable{environment=\"sched-gone\"} 1.0";
        String metrics = DriftFixture.await(() -> JSON.getNodeFactory().textNode(get("/metrics")),
                m -> m.asText().contains(unreachable)).asText();
        assertThat(metrics).contains(unreachable);
        TestDatabases.exec(url, "ALTER TABLE orders ADD COLUMN nickname text");

        // 404 until the first check; a report of no drift after the rollout; then the drift.
        JsonNode drift = DriftFixture.await(() -> JSON.readTree(get("/api/v1/environments/sched-dev/drift")),
                d -> d.path("drifted").asBoolean());
        assertThat(drift.path("drifted").asBoolean()).as(drift.toString()).isTrue();
        assertThat(drift.path("report").path("changes").toString()).contains("nickname");
        assertThat(DriftFixture.statements(drift)).anySatisfy(s -> assertThat(s).contains("nickname"));
        DriftFixture.await(() -> JSON.valueToTree(received), r -> r.toString().contains("sched-dev"));
        JsonNode event = received.stream().filter(e -> e.path("data").path("environment").asText().equals("sched-dev"))
                .findFirst().orElseThrow();
        assertThat(event.path("event").asText()).isEqualTo("drift.detected");
        assertThat(event.path("data").path("subject").asText()).isEqualTo("sched.orders");
        assertThat(event.path("data").path("changes").asInt()).isPositive();
        assertThat(get("/metrics")).contains("strata_environment_drift_unreachable{environment=\"sched-dev\"} 0.0");
    }

    @Test
    void anIntervalOfZeroSchedulesNothingAndCloseStops() {
        assertThat(DriftSchedule.start(registry.environments(), registry.drift(), 0).running()).isFalse();
        DriftSchedule other = DriftSchedule.start(registry.environments(), registry.drift(), 3600);
        assertThat(other.running()).isTrue();
        other.close();
        assertThat(other.running()).isFalse();
    }

    /** The body of a GET, whatever its status. */
    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(TestKeys.request(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}
