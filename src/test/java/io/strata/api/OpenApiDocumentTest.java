package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.app.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenApiDocumentTest is the check that the served OpenAPI document describes exactly the routes the server
 * registers, with a success answer for each and a request body for each route that reads one, and that the
 * server's real answers (successes and errors, on both APIs) have the shapes the document gives them.
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    /** The routes that read a body only when one is sent. */
    private static final Set<String> OPTIONAL_BODY = Set.of("POST /api/v1/schemas/{id}/branches/{branch}/merge",
            "POST /api/v1/migrations/{id}/approvals");
    /** Commands on a rollout: their path says everything. */
    private static final Set<String> NO_BODY = Set.of("POST /api/v1/migrations/{id}/execute", "POST /api/v1/migrations/{id}/abort",
            "POST /api/v1/migrations/{id}/pause", "POST /api/v1/migrations/{id}/resume", "POST /api/v1/migrations/{id}/rollback",
            "POST /api/v1/environments/{id}/sync", "POST /api/v1/environments/{id}/repair", "POST /api/v1/keys/{id}/rotate");

    private static final String AVRO_V1 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"}]}""";
    private static final String AVRO_V2 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},
             {"name":"total","type":"double","default":0}]}""";
    private static final String AVRO_BREAKS = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},
             {"name":"customer","type":"string"}]}""";
    private static final String AVRO_BRANCH = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},
             {"name":"note","type":["null","string"],"default":null}]}""";
    private static final String JSON_SCHEMA = """
            {"type":"object","properties":{"id":{"type":"integer"}}}""";
    private static final String PROTO = """
            syntax = "proto3";
            package pay;
            message Payment { int64 id = 1; }
            """;
    private static final String PROTO_V2 = """
            syntax = "proto3";
            package pay;
            message Payment { int64 id = 1; string currency = 2; }
            """;

    @TempDir
    static Path dir;

    private static Registry registry;
    private static ApiServer server;
    private static HttpClient http;
    private static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, dir, Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        http = HttpClient.newHttpClient();
        HttpResponse<String> served = http.send(TestKeys.request(uri("/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        doc = JsonBodies.JSON.readTree(served.body());
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
    void documentsEveryRouteAndNoOther() {
        Set<String> documented = documentedOperations();
        Set<String> served = new TreeSet<>(server.routes());
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(undocumented.isEmpty() && notServed.isEmpty())
                .as("served but not documented: %s; documented but not served: %s", undocumented, notServed).isTrue();
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void everyOperationHasASuccessAndEveryBodyRouteARequestBody() {
        List<String> problems = new ArrayList<>();
        forEachOperation((key, operation) -> {
            boolean success = false;
            for (Iterator<String> it = operation.path("responses").fieldNames(); it.hasNext(); ) {
                success |= it.next().startsWith("2");
            }
            if (!success) {
                problems.add(key + " declares no 2xx response");
            }
            // Every POST and PUT route of this server reads a JSON object (JsonBodies.object); merge's is optional.
            if (NO_BODY.contains(key)) {
                if (operation.has("requestBody")) {
                    problems.add(key + " reads no body but declares one");
                }
            } else if (key.startsWith("POST ") || key.startsWith("PUT ")) {
                JsonNode body = operation.path("requestBody");
                if (!body.path("content").has("application/json")) {
                    problems.add(key + " reads a JSON body but declares no application/json requestBody");
                } else if (body.path("required").asBoolean(false) == OPTIONAL_BODY.contains(key)) {
                    problems.add(key + "'s requestBody should be " + (OPTIONAL_BODY.contains(key) ? "optional" : "required"));
                }
            }
            for (JsonNode p : operation.path("parameters")) {
                JsonNode param = resolve(p);
                if ("path".equals(param.path("in").asText()) && !key.contains("{" + param.path("name").asText() + "}")) {
                    problems.add(key + " declares path parameter " + param.path("name") + " its path lacks");
                }
            }
            String path = key.substring(key.indexOf(' ') + 1);
            for (String segment : path.split("/")) {
                if (segment.startsWith("{") && !declaresPathParameter(operation, segment.substring(1, segment.length() - 1))) {
                    problems.add(key + " does not declare path parameter " + segment);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(doc, broken);
        assertThat(broken).as("$refs that name nothing").isEmpty();
    }

    /** Every operation is called at least once, and each answer must be one the document gives for its status. */
    @Test
    void answersHaveTheDocumentedShapes() throws Exception {
        Calls calls = new Calls();
        String v1 = "/api/v1";
        // Strata's API.
        calls.call("POST", v1 + "/schemas", v1 + "/schemas", body("subject", "orders-value", "format", "AVRO", "schema", AVRO_V1,
                "owner", "shop", "tags", List.of("orders"), "message", "first"), 201);
        calls.call("POST", v1 + "/schemas", v1 + "/schemas", body("subject", "orders-value", "schema", AVRO_V1), 200);
        calls.call("POST", v1 + "/schemas/{id}/versions", v1 + "/schemas/orders-value/versions", body("schema", AVRO_V2), 201);
        calls.call("POST", v1 + "/schemas/{id}/versions", v1 + "/schemas/orders-value/versions", body("schema", AVRO_BREAKS), 409);
        calls.call("POST", v1 + "/schemas", v1 + "/schemas", body("subject", "orders-sink", "format", "AVRO", "schema", AVRO_V1,
                "dependsOn", List.of(Map.of("subject", "orders-value", "kind", "READS"))), 201);
        calls.call("POST", v1 + "/schemas", v1 + "/schemas", body("subject", "events", "format", "JSON", "schema", JSON_SCHEMA), 201);
        calls.call("GET", v1 + "/schemas", v1 + "/schemas?deleted=true", null, 200);
        String envUrl = io.strata.testing.TestDatabases.freshPostgres();
        calls.call("POST", v1 + "/environments", v1 + "/environments", body("name", "doc-dev", "tier", "dev", "url", envUrl), 201);
        calls.call("POST", v1 + "/environments", v1 + "/environments", body("name", "doc-bad", "tier", "dev",
                "url", "jdbc:postgresql://h/db?password=x"), 400);
        calls.call("GET", v1 + "/environments", v1 + "/environments", null, 200);
        calls.call("GET", v1 + "/environments/{id}", v1 + "/environments/doc-dev", null, 200);
        calls.call("GET", v1 + "/environments/{id}/health", v1 + "/environments/doc-dev/health", null, 200);
        calls.call("POST", v1 + "/environments/{id}/clients", v1 + "/environments/doc-dev/clients", body("subject", "orders-value",
                "service", "checkout", "instance", "pod-1", "version", 1), 200);
        calls.call("POST", v1 + "/environments/{id}/clients", v1 + "/environments/doc-dev/clients", body("subject", "orders-value",
                "service", "checkout", "instance", "pod-1"), 400);
        calls.call("GET", v1 + "/environments/{id}/clients", v1 + "/environments/doc-dev/clients", null, 200);
        calls.call("POST", v1 + "/schemas", v1 + "/schemas", body("subject", "doc.orders", "format", "SQL",
                "schema", "CREATE TABLE orders (id bigint PRIMARY KEY);"), 201);
        JsonNode rollout = calls.call("POST", v1 + "/migrations", v1 + "/migrations", body("subject", "doc.orders",
                "environments", List.of("doc-dev")), 201);
        calls.call("POST", v1 + "/migrations", v1 + "/migrations", body("subject", "orders-value"), 400);
        String rolloutPath = v1 + "/migrations/" + rollout.path("id").asLong();
        calls.call("GET", v1 + "/migrations/{id}", rolloutPath, null, 200);
        calls.call("GET", v1 + "/migrations/{id}", v1 + "/migrations/424242", null, 404);
        calls.call("POST", v1 + "/migrations/{id}/execute", rolloutPath + "/execute", null, 202);
        calls.call("GET", v1 + "/migrations/{id}/status", rolloutPath + "/status", null, 200);
        calls.call("GET", v1 + "/migrations", v1 + "/migrations", null, 200);
        calls.call("GET", v1 + "/environments/{id}/drift", v1 + "/environments/doc-dev/drift", null, 404);
        calls.call("POST", v1 + "/environments/{id}/sync", v1 + "/environments/doc-dev/sync", null, 200);
        calls.call("GET", v1 + "/environments/{id}/drift", v1 + "/environments/doc-dev/drift", null, 200);
        calls.call("POST", v1 + "/environments/{id}/repair", v1 + "/environments/doc-dev/repair", null, 409);
        calls.call("POST", v1 + "/environments/{id}/repair", v1 + "/environments/nowhere/repair", null, 404);
        assertThat(HttpJson.awaitRollout(server.port(), rollout.path("id").asLong()).path("state").asText()).isEqualTo("SUCCEEDED");
        calls.call("POST", v1 + "/migrations/{id}/rollback", rolloutPath + "/rollback", null, 202);
        assertThat(HttpJson.awaitRollout(server.port(), rollout.path("id").asLong()).path("state").asText()).isEqualTo("ROLLED_BACK");
        calls.call("POST", v1 + "/migrations/{id}/resume", rolloutPath + "/resume", null, 409);
        JsonNode held = calls.call("POST", v1 + "/migrations", v1 + "/migrations", body("subject", "doc.orders",
                "environments", List.of("doc-dev"), "phase", "CONTRACT"), 400);
        assertThat(held.path("error").path("message").asText()).contains("has no CONTRACT phase");
        String heldPath = v1 + "/migrations/" + calls.call("POST", v1 + "/migrations", v1 + "/migrations", body("subject",
                "doc.orders", "environments", List.of("doc-dev")), 201).path("id").asLong();
        calls.call("POST", v1 + "/migrations/{id}/pause", heldPath + "/pause", null, 200);
        calls.call("POST", v1 + "/migrations/{id}/abort", heldPath + "/abort", null, 200);
        calls.call("POST", v1 + "/migrations/{id}/execute", heldPath + "/execute", null, 409);
        // A rollout to prod waits for an approval, which its author cannot give.
        calls.call("POST", v1 + "/environments", v1 + "/environments", body("name", "doc-prod", "tier", "prod",
                "url", io.strata.testing.TestDatabases.freshPostgres()), 201);
        JsonNode pending = calls.call("POST", v1 + "/migrations", v1 + "/migrations", body("subject", "doc.orders",
                "environments", List.of("doc-dev", "doc-prod")), 201);
        assertThat(pending.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        String pendingPath = v1 + "/migrations/" + pending.path("id").asLong();
        String reviewer = TestKeys.issue(registry, "reviewer", "releaser", null);
        String another = TestKeys.issue(registry, "another", "releaser", null);
        calls.call("GET", v1 + "/migrations/{id}/approvals", pendingPath + "/approvals", null, 200);
        calls.call("GET", v1 + "/migrations/{id}/approvals", v1 + "/migrations/424242/approvals", null, 404);
        calls.call("POST", v1 + "/migrations/{id}/execute", pendingPath + "/execute", null, 409);
        calls.call("POST", v1 + "/migrations/{id}/approvals", pendingPath + "/approvals", body("comment", "mine"), 403);
        calls.call("POST", v1 + "/migrations/{id}/approvals", pendingPath + "/approvals", "{\"comment\": 3}", 400, reviewer);
        calls.call("POST", v1 + "/migrations/{id}/approvals", pendingPath + "/approvals", body("comment", "looks right"), 201, reviewer);
        calls.call("POST", v1 + "/migrations/{id}/approvals", pendingPath + "/approvals", null, 409, another);
        calls.call("POST", v1 + "/migrations/{id}/abort", pendingPath + "/abort", null, 200);
        calls.call("DELETE", v1 + "/environments/{id}", v1 + "/environments/doc-prod", null, 200);
        calls.call("DELETE", v1 + "/environments/{id}", v1 + "/environments/doc-dev", null, 200);
        calls.call("GET", v1 + "/environments/{id}", v1 + "/environments/doc-dev", null, 404);

        calls.call("GET", v1 + "/schemas/{id}", v1 + "/schemas/orders-value", null, 200);
        calls.call("GET", v1 + "/schemas/{id}", v1 + "/schemas/nope", null, 404);
        calls.call("PUT", v1 + "/schemas/{id}", v1 + "/schemas/orders-value", body("description", "orders", "compatibility", "FULL"), 200);
        calls.call("PUT", v1 + "/schemas/{id}", v1 + "/schemas/orders-value", body("compatibility", "SIDEWAYS"), 422);
        calls.call("GET", v1 + "/schemas/{id}/versions", v1 + "/schemas/orders-value/versions", null, 200);
        calls.call("GET", v1 + "/schemas/{id}/versions/{version}", v1 + "/schemas/orders-value/versions/1", null, 200);
        calls.call("GET", v1 + "/schemas/{id}/versions/{version}", v1 + "/schemas/orders-value/versions/x", null, 422);
        calls.call("GET", v1 + "/schemas/{id}/impact", v1 + "/schemas/orders-value/impact?version=2", null, 200);
        calls.call("POST", v1 + "/schemas/{id}/impact", v1 + "/schemas/orders-value/impact", body("schema", AVRO_BREAKS), 200);
        calls.call("POST", v1 + "/schemas/{id}/branches", v1 + "/schemas/orders-value/branches", body("name", "exp", "from", "1"), 201);
        calls.call("GET", v1 + "/schemas/{id}/branches", v1 + "/schemas/orders-value/branches", null, 200);
        calls.call("POST", v1 + "/schemas/{id}/versions", v1 + "/schemas/orders-value/versions",
                body("schema", AVRO_BRANCH, "branch", "exp"), 201);
        calls.call("POST", v1 + "/schemas/{id}/branches/{branch}/merge", v1 + "/schemas/orders-value/branches/nope/merge", null, 404);
        calls.call("POST", v1 + "/schemas/{id}/branches/{branch}/merge", v1 + "/schemas/orders-value/branches/exp/merge",
                body("message", "merge exp"), 201);
        calls.call("POST", v1 + "/schemas/{id}/branches/{branch}/merge", v1 + "/schemas/orders-value/branches/exp/merge", null, 400);
        calls.call("POST", v1 + "/compatibility/validate", v1 + "/compatibility/validate",
                body("subject", "orders-value", "schema", AVRO_BREAKS), 200);
        calls.call("POST", v1 + "/compatibility/validate", v1 + "/compatibility/validate",
                body("format", "AVRO", "schemas", List.of(AVRO_V1, AVRO_V2), "level", "FULL"), 200);
        calls.call("GET", v1 + "/compatibility/matrix", v1 + "/compatibility/matrix?subject=orders-value", null, 200);
        calls.call("GET", v1 + "/compatibility/matrix", v1 + "/compatibility/matrix", null, 400);
        calls.call("GET", v1 + "/validation/reports", v1 + "/validation/reports?limit=10", null, 200);
        calls.call("GET", v1 + "/audit", v1 + "/audit?limit=1000", null, 200);
        calls.call("GET", v1 + "/audit", v1 + "/audit?after=x", null, 400);
        calls.call("GET", v1 + "/audit/verify", v1 + "/audit/verify", null, 200);
        calls.call("GET", v1 + "/config", v1 + "/config", null, 200);
        calls.call("PUT", v1 + "/config", v1 + "/config", body("compatibility", "BACKWARD", "mode", "READWRITE"), 200);
        calls.call("PUT", v1 + "/config", v1 + "/config", "{\"compatibility\":", 400);
        calls.call("POST", v1 + "/schemas", v1 + "/schemas", body("subject", "tmp", "format", "JSON", "schema", JSON_SCHEMA), 201);
        calls.call("DELETE", v1 + "/schemas/{id}/versions/{version}", v1 + "/schemas/tmp/versions/1", null, 200);
        calls.call("DELETE", v1 + "/schemas/{id}/versions/{version}", v1 + "/schemas/tmp/versions/1?permanent=true", null, 200);
        calls.call("DELETE", v1 + "/schemas/{id}", v1 + "/schemas/tmp", null, 200);
        calls.call("DELETE", v1 + "/schemas/{id}", v1 + "/schemas/tmp?permanent=true", null, 200);
        calls.call("DELETE", v1 + "/schemas/{id}", v1 + "/schemas/orders-value?permanent=true", null, 409);
        // The Confluent-compatible API.
        String c = "/ccompat";
        JsonNode registered = calls.call("POST", c + "/subjects/{subject}/versions", c + "/subjects/pay-value/versions",
                body("schema", PROTO, "schemaType", "PROTOBUF"), 200);
        long id = registered.path("id").asLong();
        calls.call("POST", c + "/subjects/{subject}/versions", c + "/subjects/pay-value/versions",
                body("schema", "message {", "schemaType", "PROTOBUF"), 422);
        calls.call("POST", c + "/subjects/{subject}/versions", c + "/subjects/avro-value/versions", body("schema", AVRO_V1), 200);
        calls.call("GET", c + "/subjects", c + "/subjects", null, 200);
        calls.call("GET", c + "/subjects/{subject}/versions", c + "/subjects/pay-value/versions", null, 200);
        calls.call("GET", c + "/subjects/{subject}/versions", c + "/subjects/nope/versions", null, 404);
        calls.call("GET", c + "/subjects/{subject}/versions/{version}", c + "/subjects/pay-value/versions/latest", null, 200);
        calls.call("GET", c + "/subjects/{subject}/versions/{version}", c + "/subjects/avro-value/versions/1", null, 200);
        calls.call("GET", c + "/subjects/{subject}/versions/{version}/schema", c + "/subjects/pay-value/versions/1/schema", null, 200);
        calls.call("POST", c + "/subjects/{subject}", c + "/subjects/pay-value", body("schema", PROTO, "schemaType", "PROTOBUF"), 200);
        calls.call("POST", c + "/subjects/{subject}", c + "/subjects/pay-value", body("schema", PROTO_V2), 404);
        calls.call("GET", c + "/schemas/ids/{id}", c + "/schemas/ids/" + id, null, 200);
        calls.call("GET", c + "/schemas/ids/{id}", c + "/schemas/ids/999999", null, 404);
        calls.call("GET", c + "/schemas/ids/{id}/schema", c + "/schemas/ids/" + id + "/schema", null, 200);
        calls.call("GET", c + "/schemas/ids/{id}/versions", c + "/schemas/ids/" + id + "/versions", null, 200);
        calls.call("GET", c + "/schemas/types", c + "/schemas/types", null, 200);
        calls.call("POST", c + "/compatibility/subjects/{subject}/versions/{version}",
                c + "/compatibility/subjects/pay-value/versions/latest?verbose=true", body("schema", PROTO_V2), 200);
        calls.call("POST", c + "/compatibility/subjects/{subject}/versions", c + "/compatibility/subjects/pay-value/versions",
                body("schema", PROTO_V2), 200);
        calls.call("GET", c + "/config", c + "/config", null, 200);
        calls.call("PUT", c + "/config", c + "/config", body("compatibility", "BACKWARD"), 200);
        calls.call("PUT", c + "/config", c + "/config", body("compatibility", 3), 422);
        calls.call("GET", c + "/config/{subject}", c + "/config/pay-value", null, 404);
        calls.call("GET", c + "/config/{subject}", c + "/config/pay-value?defaultToGlobal=true", null, 200);
        calls.call("PUT", c + "/config/{subject}", c + "/config/pay-value", body("compatibility", "FULL"), 200);
        calls.call("DELETE", c + "/config/{subject}", c + "/config/pay-value", null, 200);
        calls.call("GET", c + "/mode", c + "/mode", null, 200);
        calls.call("PUT", c + "/mode", c + "/mode", body("mode", "READWRITE"), 200);
        calls.call("PUT", c + "/mode/{subject}", c + "/mode/pay-value", body("mode", "READONLY"), 200);
        calls.call("GET", c + "/mode/{subject}", c + "/mode/pay-value", null, 200);
        calls.call("DELETE", c + "/subjects/{subject}/versions/{version}", c + "/subjects/pay-value/versions/1", null, 422);
        calls.call("DELETE", c + "/mode/{subject}", c + "/mode/pay-value", null, 200);
        calls.call("DELETE", c + "/subjects/{subject}/versions/{version}", c + "/subjects/pay-value/versions/1", null, 200);
        calls.call("DELETE", c + "/subjects/{subject}", c + "/subjects/avro-value", null, 200);
        calls.call("DELETE", c + "/subjects/{subject}", c + "/subjects/avro-value", null, 404);
        // Webhooks (the receiver is never reached: nothing here raises an event it subscribes to).
        calls.call("POST", v1 + "/webhooks", v1 + "/webhooks", body("url", "https://example.com/hook", "secret", "k",
                "events", List.of("drift.detected")), 201);
        calls.call("POST", v1 + "/webhooks", v1 + "/webhooks", body("url", "ftp://x/", "secret", "k", "events", List.of("drift.detected")), 422);
        calls.call("POST", v1 + "/webhooks", v1 + "/webhooks", body("url", "http://x/"), 400);
        calls.call("GET", v1 + "/webhooks", v1 + "/webhooks", null, 200);
        JsonNode key = calls.call("POST", v1 + "/keys", v1 + "/keys", body("role", "viewer", "holder", "doc-reader", "expires", "90d"), 201);
        calls.call("POST", v1 + "/keys", v1 + "/keys", body("role", "emperor"), 400);
        calls.call("GET", v1 + "/keys", v1 + "/keys", null, 200);
        calls.call("GET", v1 + "/keys/{id}", v1 + "/keys/" + key.path("id").asText(), null, 200);
        calls.call("GET", v1 + "/keys/{id}", v1 + "/keys/nope", null, 404);
        calls.call("POST", v1 + "/keys/{id}/rotate", v1 + "/keys/" + key.path("id").asText() + "/rotate", null, 201);
        calls.call("DELETE", v1 + "/keys/{id}", v1 + "/keys/" + key.path("id").asText(), null, 200);
        calls.call("GET", v1 + "/whoami", v1 + "/whoami", null, 200);
        calls.call("GET", v1 + "/webhooks/{id}", v1 + "/webhooks/1", null, 200);
        calls.call("GET", v1 + "/webhooks/{id}", v1 + "/webhooks/999", null, 404);
        calls.call("GET", v1 + "/webhooks/{id}/deliveries", v1 + "/webhooks/1/deliveries?limit=10", null, 200);
        calls.call("DELETE", v1 + "/webhooks/{id}", v1 + "/webhooks/1", null, 200);
        calls.call("DELETE", v1 + "/webhooks/{id}", v1 + "/webhooks/1", null, 404);
        // Operations.
        calls.call("GET", "/health", "/health", null, 200);
        calls.call("GET", "/metrics", "/metrics", null, 200);
        calls.call("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", null, 200);

        Set<String> missed = new TreeSet<>(server.routes());
        missed.removeAll(calls.exercised);
        assertThat(missed).as("routes this test did not call").isEmpty();
        assertThat(calls.problems).isEmpty();
    }

    /** Sends requests and checks each answer against the document. */
    private static final class Calls {
        final Set<String> exercised = new TreeSet<>();
        final List<String> problems = new ArrayList<>();

        JsonNode call(String method, String template, String path, String body, int expected) throws IOException, InterruptedException {
            return call(method, template, path, body, expected, null);
        }

        /** {@link #call}, with the API key {@code actor} (null: the admin key). */
        JsonNode call(String method, String template, String path, String body, int expected, String actor)
                throws IOException, InterruptedException {
            String key = method + " " + template;
            exercised.add(key);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + (actor == null ? TestKeys.ADMIN_TOKEN : actor));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String where = key + " (" + path + ") -> " + answer.statusCode();
            if (answer.statusCode() != expected) {
                problems.add(where + ", expected " + expected + ": " + answer.body());
                return JsonBodies.JSON.nullNode();
            }
            JsonNode response = resolve(doc.path("paths").path(template).path(method.toLowerCase()).path("responses")
                    .path(Integer.toString(answer.statusCode())));
            if (response.isMissingNode()) {
                problems.add(where + ": status not documented");
                return JsonBodies.JSON.nullNode();
            }
            String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
            JsonNode media = response.path("content").path(type);
            if (media.isMissingNode()) {
                problems.add(where + ": content type " + type + " not documented (" + response.path("content") + ")");
                return JsonBodies.JSON.nullNode();
            }
            JsonNode schema = media.path("schema");
            boolean json = !schema.isEmpty() && !"string".equals(schema.path("type").asText());
            if (!json) {
                return JsonBodies.JSON.nullNode();
            }
            JsonNode value = JsonBodies.JSON.readTree(answer.body());
            conform(schema, value, where + " $", problems);
            return value;
        }
    }

    /** Records where {@code value} departs from {@code schema}: wrong types, missing required fields, undocumented fields. */
    private static void conform(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = resolve(schema);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && !schema.isEmpty() && !isUntyped(schema)) {
                problems.add(at + ": null where the document does not allow it");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            conform(part, value, at, problems);
        }
        JsonNode enumeration = schema.path("enum");
        if (enumeration.isArray() && value.isTextual()) {
            boolean listed = false;
            for (JsonNode e : enumeration) {
                listed |= e.asText().equals(value.asText());
            }
            if (!listed) {
                problems.add(at + ": \"" + value.asText() + "\" is not one of " + enumeration);
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(at + ": expected an object, got " + value.getNodeType());
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(at + ": required field \"" + required.asText() + "\" is missing");
                    }
                }
                JsonNode properties = schema.path("properties");
                JsonNode additional = schema.path("additionalProperties");
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (properties.has(field.getKey())) {
                        conform(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), problems);
                    } else if (additional.isObject()) {
                        conform(additional, field.getValue(), at + "." + field.getKey(), problems);
                    } else if (properties.isObject()) {
                        problems.add(at + ": field \"" + field.getKey() + "\" is not documented");
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": expected an array, got " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    conform(schema.path("items"), value.get(i), at + "[" + i + "]", problems);
                }
            }
            case "string" -> expect(value.isTextual(), at, "a string", value, problems);
            case "integer" -> expect(value.isIntegralNumber(), at, "an integer", value, problems);
            case "number" -> expect(value.isNumber(), at, "a number", value, problems);
            case "boolean" -> expect(value.isBoolean(), at, "a boolean", value, problems);
            default -> {
                // Untyped: anything goes.
            }
        }
    }

    private static boolean isUntyped(JsonNode schema) {
        return !schema.has("type") && !schema.has("allOf") && !schema.has("$ref");
    }

    private static void expect(boolean ok, String at, String what, JsonNode value, List<String> problems) {
        if (!ok) {
            problems.add(at + ": expected " + what + ", got " + value);
        }
    }

    private static Set<String> documentedOperations() {
        Set<String> out = new TreeSet<>();
        forEachOperation((key, operation) -> out.add(key));
        return out;
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    action.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
    }

    private static boolean declaresPathParameter(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            JsonNode param = resolve(p);
            if ("path".equals(param.path("in").asText()) && name.equals(param.path("name").asText())
                    && param.path("required").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); anything else is returned as is. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = doc.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static void collectRefs(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || doc.at(ref.asText().substring(1)).isMissingNode())) {
                broken.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, broken));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, broken));
        }
    }

    private static String body(Object... keysAndValues) {
        ObjectNode body = JsonBodies.JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.set((String) keysAndValues[i], JsonBodies.JSON.valueToTree(keysAndValues[i + 1]));
        }
        return body.toString();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
