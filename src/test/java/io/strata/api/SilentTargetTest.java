package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.app.Registry;
import io.strata.rollout.drift.DriftSchedule;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target database that accepts the connection and then never says a word (a hostile or hung server) fails a
 * health check, a drift check and a rollout's reachability check as unreachable, instead of holding them, and the
 * drift schedule goes on to the other environments. The timeouts are guards that let the test end, not assertions.
 */
class SilentTargetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServerSocket silent;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();
    private Registry registry;
    private ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (!silent.isClosed()) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-target");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server of its own per test: each test's environments stand alone in the promotion order. */
    @BeforeEach
    void open() throws IOException {
        registry = Registry.open(null, Files.createTempDirectory("strata-silent"), Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterEach
    void close() {
        server.close();
        registry.close();
    }

    @AfterAll
    static void stop() throws IOException {
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void healthAndDriftChecksOfASilentTargetReportItUnreachable() throws Exception {
        int port = silent.getLocalPort();
        send("POST", "/api/v1/environments", Map.of("name", "silent-pg", "tier", "dev",
                "url", "jdbc:postgresql://127.0.0.1:" + port + "/shop?user=app"), 201);
        send("POST", "/api/v1/environments", Map.of("name", "silent-mysql", "tier", "dev",
                "url", "jdbc:mariadb://127.0.0.1:" + port + "/shop?user=app"), 201);
        for (String name : List.of("silent-pg", "silent-mysql")) {
            JsonNode health = send("GET", "/api/v1/environments/" + name + "/health", null, 200);
            assertThat(health.path("reachable").asBoolean()).as(health.toString()).isFalse();
            assertThat(health.path("error").asText()).as(health.toString()).contains("127.0.0.1:" + port);
            JsonNode drift = send("POST", "/api/v1/environments/" + name + "/sync", null, 503);
            assertThat(drift.path("error").path("code").asText()).isEqualTo("UNREACHABLE");
            assertThat(drift.path("error").path("message").asText()).contains(name).contains("cannot be reached");
        }
        assertThat(held).as("the checks did reach the silent server").isNotEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRolloutToASilentTargetIsRefusedBeforeAnythingRuns() throws Exception {
        send("POST", "/api/v1/schemas", Map.of("subject", "silent.orders", "format", "SQL",
                "schema", "CREATE TABLE orders (id bigint PRIMARY KEY);"), 201);
        send("POST", "/api/v1/environments", Map.of("name", "silent-canary", "tier", "canary", "order", 1,
                "url", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/shop?user=app"), 201);
        JsonNode refused = send("POST", "/api/v1/migrations", Map.of("subject", "silent.orders", "version", 1,
                "environments", List.of("silent-canary")), 422);
        assertThat(refused.path("error").path("code").asText()).isEqualTo("TARGETS_UNREACHABLE");
        assertThat(refused.path("error").path("message").asText()).contains("silent-canary");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theDriftScheduleChecksTheOtherEnvironmentsPastASilentOne() throws Exception {
        String url = TestDatabases.freshPostgres();
        send("POST", "/api/v1/schemas", Map.of("subject", "sched.silent", "format", "SQL",
                "schema", "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2));"), 201);
        send("POST", "/api/v1/environments", Map.of("name", "sched-real", "tier", "review", "order", 11, "url", url), 201);
        DriftFixture.rollOut(server.port(), "sched.silent", "sched-real");
        // Earlier in the promotion order, so every round meets the silent target first.
        send("POST", "/api/v1/environments", Map.of("name", "sched-silent", "tier", "review", "order", 2,
                "url", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/shop?user=app"), 201);
        TestDatabases.exec(url, "ALTER TABLE orders ADD COLUMN nickname text");
        try (DriftSchedule schedule = DriftSchedule.start(registry.environments(), registry.drift(), 1)) {
            JsonNode drift = DriftFixture.await(() -> JSON.readTree(get("/api/v1/environments/sched-real/drift")),
                    d -> d.path("drifted").asBoolean());
            assertThat(drift.path("drifted").asBoolean()).as(drift.toString()).isTrue();
            assertThat(drift.path("report").path("changes").toString()).contains("nickname");
            assertThat(schedule.running()).isTrue();
        }
        assertThat(get("/metrics")).contains("strata_environment_drift_unreachable{environment=\"sched-silent\"} 1.0");
    }

    /** The body of a GET, whatever its status. */
    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(TestKeys.request(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}
