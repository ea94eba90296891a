package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strata's own REST API end to end over HTTP: seed 000's scenario (a table, the CDC stream derived from it,
 * a pipeline reading the stream) registered with dependencies, the impact of a table change on each of
 * them, validation with reports, the compatibility matrix, and errors as JSON.
 */
class RegistryApiTest {

    private static Registry registry;
    private static ApiServer server;

    static final String ORDERS_V1 = "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10,2), note text);";
    static final String CDC = """
            {"type":"record","name":"OrderChange","fields":[{"name":"id","type":"long"},
             {"name":"customer","type":"string"},{"name":"total","type":["null","string"],"default":null}]}""";

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-api"), Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        send("POST", "/api/v1/schemas", Map.of("subject", "shop.orders", "format", "SQL", "dialect", "postgres",
                "schema", ORDERS_V1, "owner", "team-shop", "tags", List.of("pii")), 201);
        send("POST", "/api/v1/schemas", Map.of("subject", "orders-cdc", "format", "AVRO", "schema", CDC,
                "dependsOn", List.of(Map.of("subject", "shop.orders", "kind", "DERIVES_FROM"))), 201);
        send("POST", "/api/v1/schemas", Map.of("subject", "orders-pipeline", "format", "AVRO", "schema", CDC,
                "dependsOn", List.of(Map.of("subject", "orders-cdc", "kind", "READS"))), 201);
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void impactOfDroppingADerivedColumnReachesTheStreamAndItsPipeline() throws Exception {
        JsonNode impact = send("POST", "/api/v1/schemas/shop.orders/impact", Map.of("schema",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note text);"), 200);
        assertThat(impact.path("check").path("compatible").asBoolean()).isFalse();
        JsonNode downstream = impact.path("downstream");
        assertThat(downstream).hasSize(2);
        assertThat(downstream.get(0).path("subject").asText()).isEqualTo("orders-cdc");
        assertThat(downstream.get(0).path("breaks").asBoolean()).isTrue();
        assertThat(downstream.get(0).path("reason").asText()).contains("total");
        assertThat(downstream.get(1).path("subject").asText()).isEqualTo("orders-pipeline");
        assertThat(downstream.get(1).path("breaks").asBoolean()).isTrue();
        assertThat(downstream.get(1).path("path").toString()).contains("orders-cdc");
    }

    @Test
    void droppingAColumnTheStreamDoesNotCarryBreaksNobodyDownstream() throws Exception {
        JsonNode impact = send("POST", "/api/v1/schemas/shop.orders/impact", Map.of("schema",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10,2));"), 200);
        assertThat(impact.path("readerBreaks")).isNotEmpty();
        assertThat(impact.path("downstream")).allSatisfy(d -> assertThat(d.path("breaks").asBoolean()).isFalse());
    }

    @Test
    void subjectShowsItsSettingsLatestVersionAndDependencies() throws Exception {
        JsonNode orders = send("GET", "/api/v1/schemas/shop.orders", null, 200);
        assertThat(orders.path("format").asText()).isEqualTo("SQL");
        assertThat(orders.path("owner").asText()).isEqualTo("team-shop");
        assertThat(orders.path("latest").path("semver").asText()).isEqualTo("1.0.0");
        assertThat(orders.path("dependents").get(0).path("subject").asText()).isEqualTo("orders-cdc");
        JsonNode list = send("GET", "/api/v1/schemas", null, 200);
        assertThat(list.path("schemas")).extracting(n -> n.path("subject").asText())
                .contains("shop.orders", "orders-cdc", "orders-pipeline");
    }

    @Test
    void validationIsKeptAsAReportAndTheMatrixCoversEveryPair() throws Exception {
        send("POST", "/api/v1/schemas", Map.of("subject", "matrix", "format", "JSON",
                "schema", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"additionalProperties\":false}"), 201);
        send("POST", "/api/v1/schemas/matrix/versions", Map.of(
                "schema", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}},"
                        + "\"additionalProperties\":false}"), 201);
        JsonNode validation = send("POST", "/api/v1/compatibility/validate", Map.of("subject", "matrix",
                "schema", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}"), 200);
        assertThat(validation.path("compatible").asBoolean()).isFalse();
        long reportId = validation.path("reportId").asLong();
        JsonNode reports = send("GET", "/api/v1/validation/reports", null, 200);
        assertThat(reports.path("reports")).anySatisfy(r -> {
            assertThat(r.path("id").asLong()).isEqualTo(reportId);
            assertThat(r.path("result").path("compatible").asBoolean()).isFalse();
        });
        JsonNode matrix = send("GET", "/api/v1/compatibility/matrix?subject=matrix", null, 200);
        assertThat(matrix.path("pairs")).hasSize(1);
        assertThat(matrix.path("pairs").get(0).path("from").asInt()).isEqualTo(1);
    }

    @Test
    void refusalsAreJsonErrorsNamingTheProblem() throws Exception {
        JsonNode missing = send("GET", "/api/v1/schemas/nope", null, 404);
        assertThat(missing.path("error").path("code").asText()).isEqualTo("SUBJECT_NOT_FOUND");
        JsonNode invalid = send("POST", "/api/v1/schemas", Map.of("subject", "bad", "format", "AVRO", "schema", "{\"type\":"), 422);
        assertThat(invalid.path("error").path("code").asText()).isEqualTo("INVALID_SCHEMA");
        JsonNode breaking = send("POST", "/api/v1/schemas/orders-cdc/versions", Map.of("schema",
                CDC.replace("\"type\":\"string\"}", "\"type\":\"int\"}")), 409);
        assertThat(breaking.path("error").path("code").asText()).isEqualTo("INCOMPATIBLE");
        assertThat(breaking.path("error").path("details").path("changes")).isNotEmpty();
        assertThat(send("GET", "/api/v1/schemas/bad", null, 404).path("error").path("code").asText()).isEqualTo("SUBJECT_NOT_FOUND");
    }

    static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}
