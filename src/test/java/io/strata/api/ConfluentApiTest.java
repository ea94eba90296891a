package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.app.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ConfluentApiTest is the Confluent-compatible API ({@code /ccompat}) over HTTP: Confluent's paths, response
 * shapes, media type and error codes, each checked against what Confluent Schema Registry answers. Every
 * test gets its own registry and server, so global settings (level, mode) cannot leak between tests.
 */
class ConfluentApiTest {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String V1 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},{"name":"total","type":"double"}]}""";
    /** BACKWARD compatible with V1: the new field has a default. */
    static final String V2 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},{"name":"total","type":"double"},
              {"name":"currency","type":"string","default":"EUR"}]}""";
    /** Not BACKWARD compatible with V1 or V2: a new field without a default. */
    static final String BREAKS = """
            {"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"long"},{"name":"total","type":"double"},{"name":"customer","type":"string"}]}""";
    static final String JSON_SCHEMA = """
            {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
             "properties":{"id":{"type":"integer"},"name":{"type":"string"}},"required":["id"]}""";
    static final String PROTO = """
            syntax = "proto3";
            package shop;

            message Order {
              int64 id = 1;
              double total = 2;
            }
            """;

    @TempDir
    Path dir;

    private Registry registry;
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        registry = Registry.open(null, dir, Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    // ---- registration and reads

    @Test
    void registrationAnswersOnlyTheIdAndTheSameSchemaKeepsIt() throws Exception {
        Reply first = register("orders-value", V1);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith(MEDIA_TYPE);
        assertThat(fieldNames(first.json())).containsExactly("id");
        long id = first.json().get("id").asLong();

        assertThat(register("orders-value", V1).json().get("id").asLong()).isEqualTo(id);
        assertThat(register("orders-value", V1.replace("\n", "  ")).json().get("id").asLong())
                .as("the same schema, laid out differently").isEqualTo(id);
        assertThat(get("/subjects/orders-value/versions").json()).isEqualTo(array(1));
    }

    @Test
    void readsSubjectsVersionsAndLatestInConfluentsShape() throws Exception {
        long id1 = idOf(register("orders-value", V1));
        long id2 = idOf(register("orders-value", V2));
        assertThat(id2).isNotEqualTo(id1);

        Reply subjects = get("/subjects");
        assertThat(subjects.contentType()).startsWith(MEDIA_TYPE);
        assertThat(subjects.json()).isEqualTo(JSON.readTree("[\"orders-value\"]"));
        assertThat(get("/subjects/orders-value/versions").json()).isEqualTo(array(1, 2));

        JsonNode latest = get("/subjects/orders-value/versions/latest").json();
        assertThat(fieldNames(latest)).as("schemaType is left out for Avro")
                .containsExactlyInAnyOrder("subject", "version", "id", "schema");
        assertThat(latest.get("subject").asText()).isEqualTo("orders-value");
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asLong()).isEqualTo(id2);
        assertThat(JSON.readTree(latest.get("schema").asText())).isEqualTo(JSON.readTree(V2));

        JsonNode first = get("/subjects/orders-value/versions/1").json();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("id").asLong()).isEqualTo(id1);
    }

    @Test
    void rawSchemaIsTheSchemaItselfNotAJsonString() throws Exception {
        long id = idOf(register("orders-value", V1));
        Reply raw = get("/subjects/orders-value/versions/1/schema");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(JSON.readTree(raw.body())).isEqualTo(JSON.readTree(V1));
        assertThat(JSON.readTree(get("/schemas/ids/" + id + "/schema").body())).isEqualTo(JSON.readTree(V1));
    }

    @Test
    void readsSchemasByIdAndWhereTheyAreUsed() throws Exception {
        long id = idOf(register("orders-value", V1));
        register("copy-value", V1);

        JsonNode byId = get("/schemas/ids/" + id).json();
        assertThat(fieldNames(byId)).containsExactly("schema");
        assertThat(JSON.readTree(byId.get("schema").asText())).isEqualTo(JSON.readTree(V1));

        JsonNode usages = get("/schemas/ids/" + id + "/versions").json();
        assertThat(usages).containsExactlyInAnyOrder(
                JSON.readTree("{\"subject\":\"orders-value\",\"version\":1}"),
                JSON.readTree("{\"subject\":\"copy-value\",\"version\":1}"));
        assertThat(get("/schemas/types").json()).containsExactlyInAnyOrder(
                JSON.getNodeFactory().textNode("AVRO"), JSON.getNodeFactory().textNode("JSON"),
                JSON.getNodeFactory().textNode("PROTOBUF"));
    }

    @Test
    void lookupFindsARegisteredSchemaUnderItsSubject() throws Exception {
        long id = idOf(register("orders-value", V1));
        register("orders-value", V2);

        Reply found = post("/subjects/orders-value", schemaBody(V1.replace("\n", " "), null));
        assertThat(found.status()).isEqualTo(200);
        assertThat(fieldNames(found.json())).containsExactlyInAnyOrder("subject", "version", "id", "schema");
        assertThat(found.json().get("version").asInt()).isEqualTo(1);
        assertThat(found.json().get("id").asLong()).isEqualTo(id);

        assertError(post("/subjects/orders-value", schemaBody(BREAKS, null)), 404, 40403);
        assertError(post("/subjects/nobody-value", schemaBody(V1, null)), 404, 40401);
    }

    @Test
    void jsonSchemaAndProtobufSubjectsRegisterAndReadBackWithTheirType() throws Exception {
        long jsonId = idOf(post("/subjects/people-value/versions", schemaBody(JSON_SCHEMA, "JSON")));
        long protoId = idOf(post("/subjects/orders-proto-value/versions", schemaBody(PROTO, "PROTOBUF")));
        assertThat(idOf(post("/subjects/orders-proto-value/versions", schemaBody(PROTO, "PROTOBUF")))).isEqualTo(protoId);

        JsonNode json = get("/subjects/people-value/versions/latest").json();
        assertThat(json.get("schemaType").asText()).isEqualTo("JSON");
        assertThat(json.get("id").asLong()).isEqualTo(jsonId);
        assertThat(JSON.readTree(json.get("schema").asText())).isEqualTo(JSON.readTree(JSON_SCHEMA));
        assertThat(get("/schemas/ids/" + jsonId).json().get("schemaType").asText()).isEqualTo("JSON");

        JsonNode proto = get("/subjects/orders-proto-value/versions/1").json();
        assertThat(proto.get("schemaType").asText()).isEqualTo("PROTOBUF");
        assertThat(proto.get("schema").asText()).contains("message Order").contains("int64 id = 1;");
        assertThat(get("/schemas/ids/" + protoId).json().get("schemaType").asText()).isEqualTo("PROTOBUF");
        assertThat(get("/subjects/orders-proto-value/versions/1/schema").body()).contains("message Order");

        Reply lookup = post("/subjects/orders-proto-value", schemaBody(PROTO, "PROTOBUF"));
        assertThat(lookup.json().get("id").asLong()).isEqualTo(protoId);
        assertThat(lookup.json().get("schemaType").asText()).isEqualTo("PROTOBUF");
        assertThat(get("/subjects").json()).hasSize(2);
    }

    // ---- compatibility, config, mode

    @Test
    void compatibilityCheckAnswersIsCompatibleAndVerboseMessages() throws Exception {
        register("orders-value", V1);

        Reply ok = post("/compatibility/subjects/orders-value/versions/latest", schemaBody(V2, null));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).startsWith(MEDIA_TYPE);
        assertThat(ok.json().get("is_compatible").asBoolean()).isTrue();

        JsonNode refused = post("/compatibility/subjects/orders-value/versions/latest", schemaBody(BREAKS, null)).json();
        assertThat(refused.get("is_compatible").asBoolean()).isFalse();
        assertThat(refused.has("messages")).as("messages only when verbose").isFalse();

        JsonNode verbose = post("/compatibility/subjects/orders-value/versions/latest?verbose=true",
                schemaBody(BREAKS, null)).json();
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").isArray()).isTrue();
        assertThat(verbose.get("messages")).isNotEmpty();
        assertThat(verbose.get("messages").get(0).asText()).contains("customer");

        assertThat(post("/compatibility/subjects/orders-value/versions/1", schemaBody(V2, null)).json()
                .get("is_compatible").asBoolean()).isTrue();
        assertThat(get("/subjects/orders-value/versions").json()).as("checking registers nothing").isEqualTo(array(1));
    }

    @Test
    void globalAndSubjectConfigFollowConfluent() throws Exception {
        register("orders-value", V1);
        assertThat(get("/config").json()).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));
        assertThat(put("/config", "{\"compatibility\":\"FULL\"}").json())
                .isEqualTo(JSON.readTree("{\"compatibility\":\"FULL\"}"));
        assertThat(get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");

        assertError(get("/config/orders-value"), 404, 40408);
        assertThat(get("/config/orders-value?defaultToGlobal=true").json().get("compatibilityLevel").asText())
                .isEqualTo("FULL");

        assertThat(put("/config/orders-value", "{\"compatibility\":\"NONE\"}").json())
                .isEqualTo(JSON.readTree("{\"compatibility\":\"NONE\"}"));
        assertThat(get("/config/orders-value").json().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(register("orders-value", BREAKS).status()).as("NONE lets a breaking schema in").isEqualTo(200);

        assertThat(delete("/config/orders-value").json().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertError(get("/config/orders-value"), 404, 40408);
    }

    @Test
    void anUnknownLevelIsRefusedWith42203() throws Exception {
        register("orders-value", V1);
        assertError(put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertError(put("/config/orders-value", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertThat(get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void readOnlyModeRefusesRegistrationWith42205() throws Exception {
        register("orders-value", V1);
        assertThat(get("/mode").json()).isEqualTo(JSON.readTree("{\"mode\":\"READWRITE\"}"));
        assertThat(put("/mode", "{\"mode\":\"READONLY\"}").json()).isEqualTo(JSON.readTree("{\"mode\":\"READONLY\"}"));
        assertThat(get("/mode").json().get("mode").asText()).isEqualTo("READONLY");

        assertError(register("orders-value", V2), 422, 42205);
        assertError(register("new-value", V1), 422, 42205);
        assertThat(get("/subjects/orders-value/versions").json()).isEqualTo(array(1));
        assertThat(get("/subjects").json()).hasSize(1);

        put("/mode", "{\"mode\":\"READWRITE\"}");
        assertThat(register("orders-value", V2).status()).isEqualTo(200);
    }

    @Test
    void anUnknownModeIsRefusedWith42204() throws Exception {
        assertError(put("/mode", "{\"mode\":\"SLEEPY\"}"), 422, 42204);
        assertThat(get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
    }

    // ---- deletes

    @Test
    void versionsAreDeletedSoftThenPermanently() throws Exception {
        long id1 = idOf(register("orders-value", V1));
        register("orders-value", V2);

        assertError(delete("/subjects/orders-value/versions/1?permanent=true"), 404, 40407);
        assertThat(delete("/subjects/orders-value/versions/1").json().asInt()).isEqualTo(1);
        assertThat(get("/subjects/orders-value/versions").json()).isEqualTo(array(2));
        assertThat(get("/subjects/orders-value/versions?deleted=true").json()).isEqualTo(array(1, 2));
        assertThat(get("/schemas/ids/" + id1).status()).as("a soft-deleted schema stays readable by id").isEqualTo(200);
        assertError(delete("/subjects/orders-value/versions/1"), 404, 40406);

        assertThat(delete("/subjects/orders-value/versions/1?permanent=true").json().asInt()).isEqualTo(1);
        assertThat(get("/subjects/orders-value/versions?deleted=true").json()).isEqualTo(array(2));
        assertError(get("/subjects/orders-value/versions/1?deleted=true"), 404, 40402);
    }

    @Test
    void subjectsAreDeletedSoftThenPermanently() throws Exception {
        register("orders-value", V1);
        register("orders-value", V2);

        assertError(delete("/subjects/orders-value?permanent=true"), 404, 40405);
        assertThat(delete("/subjects/orders-value").json()).isEqualTo(array(1, 2));
        assertThat(get("/subjects").json()).isEmpty();
        assertThat(get("/subjects?deleted=true").json()).isEqualTo(JSON.readTree("[\"orders-value\"]"));
        assertError(get("/subjects/orders-value/versions"), 404, 40401);
        assertError(delete("/subjects/orders-value"), 404, 40404);

        assertThat(delete("/subjects/orders-value?permanent=true").json()).isEqualTo(array(1, 2));
        assertThat(get("/subjects?deleted=true").json()).isEmpty();
        assertError(get("/subjects/orders-value/versions?deleted=true"), 404, 40401);
    }

    // ---- errors

    @Test
    void notFoundErrorsCarryConfluentsCodes() throws Exception {
        register("orders-value", V1);
        assertError(get("/subjects/nobody-value/versions"), 404, 40401);
        assertError(get("/subjects/nobody-value/versions/latest"), 404, 40401);
        assertError(get("/subjects/orders-value/versions/99"), 404, 40402);
        assertError(get("/schemas/ids/987654"), 404, 40403);
        assertError(get("/schemas/ids/987654/versions"), 404, 40403);
    }

    @Test
    void badInputErrorsCarryConfluentsCodes() throws Exception {
        register("orders-value", V1);
        assertError(register("orders-value", "{\"type\":\"record\",\"name\":\"Order\"}"), 422, 42201);
        assertError(post("/subjects/other-value/versions", schemaBody("not a schema", null)), 422, 42201);
        assertError(get("/subjects/orders-value/versions/abc"), 422, 42202);
        assertError(get("/subjects/orders-value/versions/0"), 422, 42202);
        assertThat(get("/subjects").json()).as("a refused schema creates no subject").hasSize(1);
    }

    @Test
    void anIncompatibleSchemaIsRefusedWith409() throws Exception {
        register("orders-value", V1);
        Reply refused = register("orders-value", BREAKS);
        assertError(refused, 409, 409);
        assertThat(refused.json().get("message").asText()).contains("BACKWARD");
        assertThat(get("/subjects/orders-value/versions").json()).isEqualTo(array(1));
    }

    @Test
    void anUnknownRouteIsAConfluentShaped404() throws Exception {
        Reply reply = get("/no-such-thing");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error_code").asInt()).isEqualTo(404);
    }

    // ---- helpers

    /** One HTTP answer: status, content type, body, and the body as JSON when it is JSON. */
    private record Reply(int status, String contentType, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private void assertError(Reply reply, int status, int errorCode) throws IOException {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith(MEDIA_TYPE);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).containsExactly("error_code", "message");
        assertThat(body.get("error_code").asInt()).as("error_code of %s", reply.body()).isEqualTo(errorCode);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    private Reply register(String subject, String schema) throws Exception {
        return post("/subjects/" + subject + "/versions", schemaBody(schema, null));
    }

    private static long idOf(Reply reply) throws IOException {
        assertThat(reply.status()).as("registration: %s", reply.body()).isEqualTo(200);
        return reply.json().get("id").asLong();
    }

    private static String schemaBody(String schema, String schemaType) {
        ObjectNode body = JSON.createObjectNode().put("schema", schema);
        if (schemaType != null) {
            body.put("schemaType", schemaType);
        }
        return body.toString();
    }

    private static JsonNode array(int... numbers) {
        var array = JSON.createArrayNode();
        for (int n : numbers) {
            array.add(n);
        }
        return array;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Reply get(String path) throws Exception {
        return send("GET", path, null);
    }

    private Reply post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    private Reply put(String path, String body) throws Exception {
        return send("PUT", path, body);
    }

    private Reply delete(String path) throws Exception {
        return send("DELETE", path, null);
    }

    private Reply send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = TestKeys.request(URI.create("http://127.0.0.1:" + server.port() + "/ccompat" + path))
                .header("Accept", MEDIA_TYPE);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", MEDIA_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
