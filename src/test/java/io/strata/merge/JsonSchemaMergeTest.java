package io.strata.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.compat.json.JsonSchemaSupport;
import io.strata.model.SubjectFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JsonSchemaMergeTest: objects merge key by key, {@code required} as a set, and a conflict names its JSON pointer. */
class JsonSchemaMergeTest {

    private static final String BASE = """
            {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
             "properties": {"id": {"type": "integer"}, "email": {"type": "string"}},
             "required": ["id", "email"]}""";

    private static MergeOutcome merge(String base, String ours, String theirs) {
        return SchemaMerge.merge(SubjectFormat.JSON, MergeInput.text(base), MergeInput.text(ours), MergeInput.text(theirs));
    }

    /** The merged tree, after checking that it parses as JSON Schema. */
    private static JsonNode merged(MergeOutcome outcome) throws Exception {
        assertThat(outcome).isInstanceOf(MergeOutcome.Merged.class);
        String text = ((MergeOutcome.Merged) outcome).text();
        new JsonSchemaSupport().parse("merged", text, Map.of());
        return new ObjectMapper().readTree(text);
    }

    private static List<String> required(JsonNode schema) {
        return new ObjectMapper().convertValue(schema.get("required"), List.class);
    }

    private static List<MergeConflict> conflicts(MergeOutcome outcome) {
        assertThat(outcome).isInstanceOf(MergeOutcome.Conflicted.class);
        return ((MergeOutcome.Conflicted) outcome).conflicts();
    }

    @Test
    void propertiesAddedOnEachSideCombineAndTheirRequiredNamesToo() throws Exception {
        String ours = BASE.replace("\"email\": {\"type\": \"string\"}}", "\"email\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"}}");
        String theirs = BASE.replace("\"email\": {\"type\": \"string\"}}", "\"email\": {\"type\": \"string\"}, \"total\": {\"type\": \"number\"}}")
                .replace("[\"id\", \"email\"]", "[\"id\", \"email\", \"total\"]");

        JsonNode schema = merged(merge(BASE, ours, theirs));

        assertThat(schema.get("properties").fieldNames()).toIterable().containsExactly("id", "email", "note", "total");
        assertThat(required(schema)).containsExactly("id", "email", "total");
    }

    @Test
    void aKeywordChangedTwoWaysIsOneConflictAtItsPointer() {
        String ours = BASE.replace("\"email\": {\"type\": \"string\"}", "\"email\": {\"type\": [\"string\", \"null\"]}");
        String theirs = BASE.replace("\"email\": {\"type\": \"string\"}", "\"email\": {\"type\": \"integer\"}");

        assertThat(conflicts(merge(BASE, ours, theirs))).containsExactly(new MergeConflict("/properties/email/type",
                "\"string\"", "[\"string\",\"null\"]", "\"integer\"", "changed differently on both sides"));
    }

    @Test
    void aPropertyRemovedOnOneSideAndUntouchedOnTheOtherIsRemoved() throws Exception {
        String ours = BASE.replace(", \"email\": {\"type\": \"string\"}", "").replace("[\"id\", \"email\"]", "[\"id\"]");
        String theirs = BASE.replace("\"type\": \"object\"", "\"type\": \"object\", \"title\": \"Order\"");

        JsonNode schema = merged(merge(BASE, ours, theirs));

        assertThat(schema.get("properties").has("email")).isFalse();
        assertThat(required(schema)).containsExactly("id");
        assertThat(schema.get("title").asText()).isEqualTo("Order");
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() throws Exception {
        String changed = BASE.replace("\"id\": {\"type\": \"integer\"}", "\"id\": {\"type\": \"string\", \"format\": \"uuid\"}");

        assertThat(merged(merge(BASE, changed, changed)).at("/properties/id/format").asText()).isEqualTo("uuid");
    }

    @Test
    void requiredMergesAsASetWhereOneSideDropsANameAndTheOtherAddsOne() throws Exception {
        String ours = BASE.replace("[\"id\", \"email\"]", "[\"id\"]");
        String theirs = BASE.replace("\"email\": {\"type\": \"string\"}}", "\"email\": {\"type\": \"string\"}, \"total\": {\"type\": \"number\"}}")
                .replace("[\"id\", \"email\"]", "[\"total\", \"id\", \"email\"]");

        assertThat(required(merged(merge(BASE, ours, theirs)))).containsExactly("id", "total");
    }

    @Test
    void propertiesBothSidesAddedMergeKeywordByKeyword() throws Exception {
        String ours = BASE.replace("\"email\": {\"type\": \"string\"}}", "\"email\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"}}");
        String theirs = BASE.replace("\"email\": {\"type\": \"string\"}}",
                "\"email\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\", \"maxLength\": 80}}");

        assertThat(merged(merge(BASE, ours, theirs)).at("/properties/note/maxLength").asInt()).isEqualTo(80);
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        String base = BASE.replace("\"email\"", "\"a/b~c\"").replace("[\"id\", \"a/b~c\"]", "[\"id\"]");
        String ours = base.replace("\"a/b~c\": {\"type\": \"string\"}", "\"a/b~c\": {\"type\": \"number\"}");
        String theirs = base.replace("\"a/b~c\": {\"type\": \"string\"}", "\"a/b~c\": {\"type\": \"boolean\"}");

        assertThat(conflicts(merge(base, ours, theirs))).extracting(MergeConflict::object)
                .containsExactly("/properties/a~1b~0c/type");
    }

    @Test
    void otherArraysAreWholeValues() {
        String base = BASE.replace("\"type\": \"object\"", "\"type\": \"object\", \"examples\": [1]");
        String ours = base.replace("[1]", "[1, 2]");
        String theirs = base.replace("[1]", "[1, 3]");

        assertThat(conflicts(merge(base, ours, theirs))).extracting(MergeConflict::object).containsExactly("/examples");
    }
}
