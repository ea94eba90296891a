package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Model files (.yaml/.json) are sources too; they need no database at all. */
class ModelFileTest {

    @Test
    void renamedFromInAModelFileIsARename() {
        CliRun run = CliRun.of("check", "examples/model/customers-v1.yaml", "examples/model/customers-v2.yaml",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> types = new ArrayList<>();
        for (JsonNode c : run.json().get("changes")) {
            types.add(c.get("type").asText() + " " + c.get("location").asText());
        }
        assertThat(types).containsExactlyInAnyOrder("RenameColumn public.customers.full_name",
                "AddColumn public.customers.phone");
        JsonNode rename = run.json().get("changes").get(0);
        assertThat(rename.get("effects").get("OLD_READER").asText()).isEqualTo("BREAKS");
    }

    @Test
    void modelFileTypesAreParsedAsTheDialectWritesThem() {
        CliRun run = CliRun.of("inspect", "examples/model/customers-v1.yaml");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode columns = run.json().get("schemas").get(0).get("tables").get(0).get("columns");
        assertThat(columns.get(1).get("type").asText()).isEqualTo("character varying(120)");
        assertThat(columns.get(3).get("type").asText()).isEqualTo("timestamp without time zone");
    }
}
