package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.app.Registry;
import io.strata.registry.SchemaParser;
import io.strata.store.StoreDatabase;
import io.strata.store.TestStores;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Strata servers, each with its own pool and caches, on one PostgreSQL store, registering at the same
 * time into the same subjects: no id or version number is handed out twice, numbers have no gaps, and the
 * audit chain stays one chain.
 */
class TwoServersOneStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBJECTS = 3;
    private static final int PER_SERVER = 20;

    @Test
    void concurrentRegistrationsThroughTwoServersNeverCollide() throws Exception {
        String url = TestStores.freshUrl("postgres");
        try (Registry first = new Registry(StoreDatabase.open(url, TestStores.freshDir()), new SchemaParser(Map.of()));
             Registry second = new Registry(StoreDatabase.open(url, TestStores.freshDir()), new SchemaParser(Map.of()));
             ApiServer a = TestKeys.serve(first, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
             ApiServer b = TestKeys.serve(second, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY))) {
            HttpClient http = HttpClient.newHttpClient();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<JsonNode>> results = new ArrayList<>();
            for (int i = 0; i < PER_SERVER * 2; i++) {
                int n = i;
                int port = i % 2 == 0 ? a.port() : b.port();
                results.add(pool.submit(() -> register(http, port, "orders-" + (n % SUBJECTS), schema(n))));
            }
            Set<Long> ids = new HashSet<>();
            Map<String, Set<Integer>> numbers = new java.util.HashMap<>();
            for (Future<JsonNode> f : results) {
                JsonNode r = f.get();
                assertThat(r.path("created").asBoolean()).as(r.toString()).isTrue();
                assertThat(ids.add(r.path("id").asLong())).as("id handed out twice: " + r).isTrue();
                assertThat(numbers.computeIfAbsent(r.path("subject").asText(), s -> new HashSet<>())
                        .add(r.path("version").asInt())).as("version number handed out twice: " + r).isTrue();
            }
            pool.shutdown();
            assertThat(ids).hasSize(PER_SERVER * 2);
            for (Set<Integer> perSubject : numbers.values()) {
                assertThat(perSubject).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, perSubject.size()).boxed().toList());
            }
            JsonNode verify = get(http, b.port(), "/api/v1/audit/verify");
            assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
            // One event per subject and per registration, and one for the admin key the store was started with.
            assertThat(verify.path("checked").asInt()).isEqualTo(SUBJECTS + PER_SERVER * 2 + 1);
        }
    }

    @Test
    void aVersionPurgedThroughOneServerStopsBeingServedByTheOther() throws Exception {
        String url = TestStores.freshUrl("postgres");
        try (Registry first = new Registry(StoreDatabase.open(url, TestStores.freshDir()), new SchemaParser(Map.of()));
             Registry second = new Registry(StoreDatabase.open(url, TestStores.freshDir()), new SchemaParser(Map.of()))) {
            long id = first.register().run(new io.strata.registry.RegisterRequest("purged", null,
                    io.strata.model.SubjectFormat.AVRO, null, schema(1), "a", null, null)).version().id();
            assertThat(second.schemas().byId(id).subject()).isEqualTo("purged");
            first.subjects().delete("purged", false, "a");
            assertThat(second.schemas().byId(id).subject()).as("soft-deleted versions stay readable by id").isEqualTo("purged");
            first.subjects().delete("purged", true, "a");
            // The other server learns of the purge from the store's purge count, which it reads every few seconds.
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean gone = false;
            while (!gone && System.nanoTime() < deadline) {
                try {
                    second.schemas().byId(id);
                    Thread.sleep(100);
                } catch (io.strata.registry.RegistryException e) {
                    gone = e.reason() == io.strata.registry.RegistryException.Reason.SCHEMA_NOT_FOUND;
                }
            }
            assertThat(gone).as("schema " + id + " still served after it was purged").isTrue();
        }
    }

    /** Each schema adds its own defaulted field: backward compatible with whichever version lands before it. */
    private static String schema(int n) {
        return "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
                + "{\"name\":\"f" + n + "\",\"type\":\"string\",\"default\":\"\"}]}";
    }

    private static JsonNode register(HttpClient http, int port, String subject, String schema) throws Exception {
        String body = JSON.writeValueAsString(Map.of("subject", subject, "format", "AVRO", "schema", schema));
        HttpResponse<String> response = http.send(TestKeys.request(URI.create("http://127.0.0.1:" + port + "/api/v1/schemas"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(TestKeys.request(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
