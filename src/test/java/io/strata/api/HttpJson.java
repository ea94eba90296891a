package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HttpJson sends one JSON request to a test server on loopback and checks the status it answers. */
final class HttpJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpJson() {
    }

    static JsonNode send(int port, String method, String path, Object body, int expectedStatus) throws Exception {
        return send(port, method, path, body, expectedStatus, null);
    }

    /** {@link #send}, with the API key {@code token} (null: the test servers' admin key). */
    static JsonNode send(int port, String method, String path, Object body, int expectedStatus, String token) throws Exception {
        return exchange(port, method, path, body == null ? null : JSON.writeValueAsString(body),
                "Bearer " + (token == null ? TestKeys.ADMIN_TOKEN : token), expectedStatus);
    }

    /**
     * The policy of an environment whose rollouts need no approvals, for tests about rolling out rather than about
     * reviewing (a prod tier asks for approvals by default).
     */
    static final Map<String, Object> NO_APPROVALS = Map.of("approvals", Map.of("low", 0, "high", 0));

    /**
     * Sends {@code body} (JSON text, or null) with the {@code Authorization} header {@code authorization} and checks the
     * status: for tests that act as someone in particular, or send credentials that must be refused.
     */
    static JsonNode exchange(int port, String method, String path, String body, String authorization, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    /** Registers an environment whose rollouts need no approvals: {@code group} may be null for one outside any group. */
    static void addEnvironment(int port, String name, String tier, String group, String url) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "tier", tier, "url", url, "policy", NO_APPROVALS));
        if (group != null) {
            body.put("group", group);
        }
        send(port, "POST", "/api/v1/environments", body, 201);
    }

    /**
     * The rollout {@code id} once nothing is moving: its state is neither RUNNING nor ROLLING_BACK and no
     * environment is still being worked on (a paused rollout lets those running finish). Gives up after
     * three minutes and returns what it last saw, for the caller's assertion to show.
     */
    static JsonNode awaitRollout(int port, long id) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode status = send(port, "GET", "/api/v1/migrations/" + id + "/status", null, 200);
        while (moving(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = send(port, "GET", "/api/v1/migrations/" + id + "/status", null, 200);
        }
        return status;
    }

    private static boolean moving(JsonNode rollout) {
        String state = rollout.path("state").asText();
        if (state.equals("RUNNING") || state.equals("ROLLING_BACK")) {
            return true;
        }
        for (JsonNode task : rollout.path("environments")) {
            if (task.path("state").asText().equals("RUNNING") || task.path("state").asText().equals("ROLLING_BACK")) {
                return true;
            }
        }
        return false;
    }
}
