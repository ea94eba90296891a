package io.strata.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.security.Role;
import io.strata.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AuthorizationMatrixTest walks the OpenAPI document the server serves: every operation must name the least role it
 * needs ({@code x-strata-role}), that role must be the one the server enforces, and then every route is called with no
 * credentials, malformed, wrong, expired and revoked ones (each a 401 with the JSON error body) and with a key of each
 * role (a 403 below the route's role, anything but 401/403 from it up). Path parameters name nothing that exists and
 * no body is sent, so a request the gate lets through stops at a 4xx of the route itself and changes nothing.
 */
class AuthorizationMatrixTest {

    @TempDir
    static Path dir;

    private static Registry registry;
    private static ApiServer server;
    private static JsonNode doc;
    private static final Map<Role, String> TOKENS = new LinkedHashMap<>();
    private static final Map<String, String> BAD = new LinkedHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, dir, Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        for (Role role : Role.values()) {
            TOKENS.put(role, TestKeys.issue(registry, "matrix-" + role.label(), role.label(), "core"));
        }
        String revoked = TestKeys.issue(registry, "matrix-revoked", "admin", null);
        registry.keys().revoke(revoked.substring(0, revoked.indexOf('.')), "test setup");
        String expiring = registry.keys().create(new io.strata.app.ManageKeys.KeyRequest("matrix-expired", "admin", null, "1s"),
                "test setup").token();
        BAD.put("no credentials", null);
        BAD.put("malformed bearer", "Bearer nodot");
        BAD.put("malformed basic", "Basic !!!");
        BAD.put("unknown scheme", "Digest username=admin");
        BAD.put("wrong secret", "Bearer " + TestKeys.ADMIN_TOKEN + "x");
        BAD.put("wrong Basic secret", "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8)));
        BAD.put("unknown key", "Bearer kdeadbeef0000.c2VjcmV0");
        BAD.put("revoked", "Bearer " + revoked);
        BAD.put("expired", "Bearer " + expiring);
        BAD.put("unsigned token", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        Thread.sleep(1_500); // lets the one-second key expire; nothing is timed
        HttpResponse<String> served = send("GET", "/api/v1/openapi.json", "Bearer " + TOKENS.get(Role.VIEWER));
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

    /** Every documented operation with the role it documents. */
    private static Map<String, String> documentedRoles() {
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                out.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue().path("x-strata-role").asText(null));
            }
        }
        return out;
    }

    @Test
    void everyRouteIsInTheMatrixWithTheRoleTheServerEnforces() {
        Map<String, String> documented = documentedRoles();
        assertThat(documented).as("operations without x-strata-role").doesNotContainValue(null);
        assertThat(new TreeMap<>(server.roles())).as("the server's routes and their roles").isEqualTo(documented);
        assertThat(documented.values()).filteredOn("open"::equals).hasSize(1);
        assertThat(documented).containsEntry("GET /health", "open");
    }

    @Test
    void everyProtectedRouteRefusesEveryBadCredentialWithA401() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> route : documentedRoles().entrySet()) {
            if ("open".equals(route.getValue())) {
                continue;
            }
            for (Map.Entry<String, String> bad : BAD.entrySet()) {
                HttpResponse<String> answer = send(method(route.getKey()), concrete(route.getKey()), bad.getValue());
                checked++;
                JsonNode body = json(answer.body());
                boolean confluent = route.getKey().contains(" /ccompat");
                boolean errorBody = confluent ? body.path("error_code").asInt() == 401
                        : body.path("error").path("code").asText().equals("UNAUTHENTICATED");
                if (answer.statusCode() != 401 || !errorBody || answer.headers().firstValue("WWW-Authenticate").isEmpty()) {
                    problems.add(route.getKey() + " with " + bad.getKey() + " -> " + answer.statusCode() + " " + answer.body());
                }
            }
        }
        System.out.println("AuthorizationMatrixTest: " + checked + " requests with bad credentials, " + problems.size() + " wrong");
        assertThat(problems).isEmpty();
    }

    @Test
    void eachRoleReachesExactlyTheRoutesItsRoleAllows() throws Exception {
        List<String> problems = new ArrayList<>();
        int allowed = 0;
        int refused = 0;
        for (Map.Entry<String, String> route : documentedRoles().entrySet()) {
            Role needed = "open".equals(route.getValue()) ? Role.VIEWER : Role.named(route.getValue()).orElseThrow();
            for (Map.Entry<Role, String> key : TOKENS.entrySet()) {
                HttpResponse<String> answer = send(method(route.getKey()), concrete(route.getKey()), "Bearer " + key.getValue());
                int status = answer.statusCode();
                if (key.getKey().includes(needed)) {
                    allowed++;
                    if (status == 401 || status == 403) {
                        problems.add(route.getKey() + " as " + key.getKey().label() + " should pass the gate: " + status + " " + answer.body());
                    }
                } else {
                    refused++;
                    boolean confluent = route.getKey().contains(" /ccompat");
                    JsonNode body = json(answer.body());
                    boolean errorBody = confluent ? body.path("error_code").asInt() == 403
                            : body.path("error").path("code").asText().equals("FORBIDDEN");
                    if (status != 403 || !errorBody) {
                        problems.add(route.getKey() + " as " + key.getKey().label() + " should be 403: " + status + " " + answer.body());
                    }
                }
            }
        }
        System.out.println("AuthorizationMatrixTest: " + allowed + " requests passed the gate, " + refused + " refused by role");
        assertThat(refused).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void healthIsOpenAndSaysNothingOfTheData() throws Exception {
        HttpResponse<String> health = send("GET", "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health.body()).path("status").asText()).isEqualTo("UP");
        HttpResponse<String> unknown = send("GET", "/api/v1/no-such-route", null);
        assertThat(unknown.statusCode()).as("an unknown path asks for credentials first, so it maps nothing for a stranger")
                .isEqualTo(401);
    }

    private static String method(String route) {
        return route.substring(0, route.indexOf(' '));
    }

    /** The route's path with each parameter naming nothing that exists. */
    private static String concrete(String route) {
        return route.substring(route.indexOf(' ') + 1).replace("{version}", "9999").replace("{branch}", "no-branch")
                .replaceAll("\\{id}", "matrix-none").replaceAll("\\{[a-z]+}", "matrix-none")
                .replace("/schemas/ids/matrix-none", "/schemas/ids/999999").replace("/migrations/matrix-none", "/migrations/999999");
    }

    private static HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        try {
            return JsonBodies.JSON.readTree(body);
        } catch (Exception e) {
            return JsonBodies.JSON.nullNode();
        }
    }
}
