package io.strata.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DriftFixture leaves a version in an environment the way users do, by a rollout over HTTP, for the drift tests. */
final class DriftFixture {

    private DriftFixture() {
    }

    /** Rolls {@code subject}'s version 1 out to {@code environment} and waits (a generous deadline) until it succeeded. */
    static void rollOut(int port, String subject, String environment) throws Exception {
        long id = HttpJson.send(port, "POST", "/api/v1/migrations", Map.of("subject", subject, "version", 1,
                "environments", List.of(environment)), 201).path("id").asLong();
        HttpJson.send(port, "POST", "/api/v1/migrations/" + id + "/execute", null, 202);
        JsonNode status = await(() -> HttpJson.send(port, "GET", "/api/v1/migrations/" + id + "/status", null, 200),
                s -> !s.path("state").asText().equals("RUNNING"));
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("SUCCEEDED");
    }

    /** The statements of a report's {@code repair}, in order. */
    static List<String> statements(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("repair").path("statements").forEach(s -> out.add(s.asText()));
        return out;
    }

    interface Read {
        JsonNode get() throws Exception;
    }

    interface Until {
        boolean test(JsonNode value) throws Exception;
    }

    /** Reads until {@code until} holds or three minutes pass (a deadline, not a timing assertion); returns the last read. */
    static JsonNode await(Read read, Until until) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode value = read.get();
        while (!until.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = read.get();
        }
        return value;
    }
}
