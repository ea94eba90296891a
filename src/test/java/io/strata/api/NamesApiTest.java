package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.app.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names with control characters, bidirectional controls or invalid UTF-8 are refused wherever a client names
 * something (path, query, the JSON fields that are names) with a 400 naming the field; free text keeps any character.
 */
class NamesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AVRO = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
    private static Registry registry;
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-names"), Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    private static HttpResponse<String> send(String method, String rawPath, byte[] body) throws Exception {
        HttpRequest.Builder request = TestKeys.request(URI.create("http://127.0.0.1:" + server.port() + rawPath));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
        return send("POST", path, JSON.writeValueAsBytes(body));
    }

    /** The refusal's message, after checking it is Strata's 400 with the JSON error body. */
    private static String refused(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("INVALID_REQUEST");
        return error.path("message").asText();
    }

    @Test
    void bodyFieldsThatAreNamesAreRefusedNamingTheField() throws Exception {
        String rlo = refused(post("/api/v1/schemas", Map.of("subject", "orders\u202Egpj.sql", "format", "AVRO", "schema", AVRO)));
        assertThat(rlo).contains("field \"subject\"", "bidirectional control character", "U+202E").doesNotContain("\u202E");
        String tag = refused(post("/api/v1/schemas", Map.of("subject", "orders-tags", "format", "AVRO", "schema", AVRO,
                "tags", List.of("pii", "a\u0007b"))));
        assertThat(tag).contains("field \"tags\"[1]", "control character", "U+0007");
        String owner = refused(post("/api/v1/schemas", Map.of("subject", "orders-owner", "format", "AVRO", "schema", AVRO,
                "owner", "team\u2066x")));
        assertThat(owner).contains("field \"owner\"", "U+2066");
        String environment = refused(post("/api/v1/environments", Map.of("name", "prod\n1", "tier", "prod",
                "url", "jdbc:postgresql://127.0.0.1:1/x")));
        assertThat(environment).contains("field \"name\"", "U+000A");
        assertThat(registry.subjects().list(true)).extracting(v -> v.subject().name())
                .doesNotContain("orders\u202Egpj.sql", "orders-tags", "orders-owner");
    }

    @Test
    void freeTextKeepsAnyCharacterAndNamesInAnyScriptAreAccepted() throws Exception {
        HttpResponse<String> created = post("/api/v1/schemas", Map.of("subject", "bestellungen.ümlaut", "format", "AVRO",
                "schema", AVRO, "description", "Bestellungen \u202Eright-to-left\u202C\nsecond line", "message", "first\tcut"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> read = send("GET", "/api/v1/schemas/bestellungen.%C3%BCmlaut", null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("description").asText()).contains("\u202E", "\n");
    }

    @Test
    void pathAndQueryParametersAreRefusedNamingTheParameter() throws Exception {
        assertThat(refused(send("GET", "/api/v1/schemas/orders%E2%80%AEgpj", null)))
                .contains("path parameter \"id\"", "U+202E");
        assertThat(refused(send("GET", "/api/v1/environments/prod%1B1", null))).contains("path parameter \"id\"", "U+001B");
        // Jetty refuses a NUL in the path itself, before any route, with the same JSON error body.
        HttpResponse<String> nul = send("GET", "/api/v1/environments/prod%001", null);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(nul.body()).path("error").path("message").asText()).startsWith("the request was refused");
        assertThat(refused(send("GET", "/api/v1/schemas/orders/versions?branch=fe%07ature", null)))
                .contains("query parameter \"branch\"", "U+0007");
        assertThat(refused(send("GET", "/api/v1/schemas/orders/versions?bra%0Anch=x", null)))
                .contains("a query parameter's name", "U+000A");
    }

    @Test
    void theConfluentApiRefusesTheSameInItsOwnShape() throws Exception {
        HttpResponse<String> response = send("POST", "/ccompat/subjects/orders%E2%81%A7-value/versions",
                JSON.writeValueAsBytes(Map.of("schema", AVRO)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error_code").asInt()).isEqualTo(42200);
        assertThat(body.path("message").asText()).contains("path parameter \"subject\"", "U+2067");
    }

    @Test
    void invalidUtf8InThePathOrTheBodyIsRefused() throws Exception {
        HttpResponse<String> path = send("GET", "/api/v1/schemas/ok%C3%28", null);
        assertThat(path.statusCode()).as(path.body()).isEqualTo(400);
        assertThat(JSON.readTree(path.body()).path("error").path("message").asText()).contains("UTF-8");
        assertThat(refused(send("GET", "/api/v1/schemas/x/versions?branch=%FF", null))).contains("the query string is not valid UTF-8");

        byte[] prefix = "{\"subject\":\"ok".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = ("\",\"format\":\"AVRO\",\"schema\":" + JSON.writeValueAsString(AVRO) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, raw, 0, prefix.length);
        raw[prefix.length] = (byte) 0xC3;
        raw[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, raw, prefix.length + 2, suffix.length);
        assertThat(refused(send("POST", "/api/v1/schemas", raw)))
                .isEqualTo("the request body is not valid UTF-8 (at byte " + (prefix.length + 1) + ")");

        // JSON's own escapes can spell half a surrogate pair: the same refusal as invalid UTF-8 in a name.
        byte[] lone = ("{\"subject\":\"a\\ud800\",\"format\":\"AVRO\",\"schema\":" + JSON.writeValueAsString(AVRO) + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refused(send("POST", "/api/v1/schemas", lone))).contains("field \"subject\"", "half of a surrogate pair");
        assertThat(registry.subjects().list(true)).extracting(v -> v.subject().name()).noneMatch(n -> n.startsWith("ok") || n.startsWith("a\uD800"));
    }
}
