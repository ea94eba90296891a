package io.strata.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.registry.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DtoJsonTest pins the JSON the registry's routes answer with: field names, their order, and what lists leave out. */
class DtoJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaVersion V2 = new SchemaVersion(7, 3, "orders-value", "main", 2, "1.1.0", "ab12",
            "{\"type\":\"string\"}", "\"string\"", "ana", "widen", false, Instant.parse("2026-12-07T10:00:00Z"));

    private static List<String> fields(Object dto) {
        List<String> names = new ArrayList<>();
        JSON.valueToTree(dto).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aVersionInAListLeavesItsTextOut() {
        assertThat(fields(VersionDto.summary(V2))).containsExactly("id", "subject", "branch", "version", "semver",
                "fingerprint", "author", "message", "deleted", "createdAt");
    }

    @Test
    void aVersionOnItsOwnCarriesItsTextAndCanonicalForm() {
        JsonNode json = JSON.valueToTree(VersionDto.withSchema(V2));
        assertThat(json.path("schema").asText()).isEqualTo("{\"type\":\"string\"}");
        assertThat(json.path("canonical").asText()).isEqualTo("\"string\"");
        assertThat(json.path("createdAt").asText()).isEqualTo("2026-12-07T10:00:00Z");
    }

    @Test
    void aRegistrationIsTheVersionFollowedByWhetherItWasCreatedAndItsCheck() {
        List<String> names = fields(new RegistrationDto(VersionDto.summary(V2), true, null));
        assertThat(names).startsWith("id", "subject").endsWith("createdAt", "created", "check").doesNotContain("schema");
        assertThat(JSON.valueToTree(new RegistrationDto(VersionDto.summary(V2), false, null)).path("check").isNull()).isTrue();
    }
}
