package io.strata.compat.json;

import io.apicurio.registry.rules.compatibility.jsonschema.diff.DiffType;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.compat.record.RecordCompatibility;
import io.strata.compat.record.RecordIncompatibility;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.RecordFormat;
import io.strata.model.RecordSchema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Focused cases for JSON Schema parsing, the canonical form and the compatibility primitive. */
class JsonSchemaSupportTest {

    private final JsonSchemaSupport support = new JsonSchemaSupport();

    private JsonSchemaDocument parse(String json) {
        return support.parse("test.json", json.replace('\'', '"'), Map.of());
    }

    /** What stops {@code reader} from reading documents written with {@code writer}. */
    private List<RecordIncompatibility> problems(String reader, String writer) {
        return support.incompatibilities(parse(reader), parse(writer));
    }

    private CompatibilityResult check(CompatibilityLevel level, String old, String newer) {
        return RecordCompatibility.check(level, List.of(new RecordCompatibility.Version<>("v1.json", parse(old)),
                new RecordCompatibility.Version<>("v2.json", parse(newer))), support);
    }

    // --- content models -----------------------------------------------------------------------------

    private static final String CLOSED_A = "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}";
    private static final String CLOSED_AB = "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},"
            + "'additionalProperties':false}";

    @Test
    void addingAPropertyToAClosedModelIsBackwardButNotForward() {
        assertThat(check(CompatibilityLevel.BACKWARD, CLOSED_A, CLOSED_AB).compatible()).isTrue();
        CompatibilityResult forward = check(CompatibilityLevel.FORWARD, CLOSED_A, CLOSED_AB);
        assertThat(forward.compatible()).isFalse();
        Finding finding = forward.breaking().get(0);
        assertThat(finding.code()).isEqualTo("JSON_PROPERTY_MISSING_FROM_CLOSED_MODEL");
        assertThat(finding.location()).isEqualTo("/properties");
        assertThat(finding.breaks()).containsExactly(Role.NEW_WRITER);
        assertThat(finding.why()).contains("closed model");
        assertThat(finding.recipe()).isNotBlank();
    }

    @Test
    void addingAConstrainedPropertyToAnOpenModelBreaksOldWriters() {
        String openA = "{'type':'object','properties':{'a':{'type':'string'}}}";
        String openAB = "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}}}";
        assertThat(problems(openAB, openA)).extracting(RecordIncompatibility::code)
                .containsExactly("JSON_PROPERTY_ADDED_TO_OPEN_MODEL");
        assertThat(problems(openA, openAB)).isEmpty();
    }

    @Test
    void closingTheContentModelBreaksWritersThatSendExtras() {
        String open = "{'type':'object','properties':{'a':{'type':'string'}}}";
        assertThat(problems(CLOSED_A, open)).extracting(RecordIncompatibility::code, RecordIncompatibility::location)
                .containsExactly(tuple("JSON_CONTENT_MODEL_CLOSED", "/additionalProperties"));
    }

    // --- required ------------------------------------------------------------------------------------

    private static final String OPTIONAL_B = "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}}}";

    @Test
    void requiringAPropertyWithoutDefaultBreaksOldWriters() {
        String requiredB = "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string'}},'required':['b']}";
        CompatibilityResult backward = check(CompatibilityLevel.BACKWARD, OPTIONAL_B, requiredB);
        assertThat(backward.compatible()).isFalse();
        Finding finding = backward.breaking().get(0);
        assertThat(finding.code()).isEqualTo("JSON_REQUIRED_ADDED");
        assertThat(finding.location()).isEqualTo("/required");
        assertThat(finding.breaks()).containsExactly(Role.OLD_WRITER);
        assertThat(finding.message()).contains("OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED");
        assertThat(check(CompatibilityLevel.FORWARD, OPTIONAL_B, requiredB).compatible()).isTrue();
    }

    @Test
    void requiringAPropertyWithADefaultIsCompatible() {
        String requiredWithDefault = "{'type':'object','properties':{'a':{'type':'string'},"
                + "'b':{'type':'string','default':'none'}},'required':['b']}";
        assertThat(problems(requiredWithDefault, OPTIONAL_B)).isEmpty();
        assertThat(check(CompatibilityLevel.FULL, OPTIONAL_B, requiredWithDefault).compatible()).isTrue();
    }

    @Test
    void aDefaultOnOnlyOneOfTwoNewRequiredPropertiesStillBreaks() {
        String both = "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'string','default':'x'}},"
                + "'required':['a','b']}";
        assertThat(problems(both, OPTIONAL_B)).extracting(RecordIncompatibility::code).containsExactly("JSON_REQUIRED_ADDED");
    }

    // --- types and bounds ----------------------------------------------------------------------------

    private static String property(String schema) {
        return "{'type':'object','properties':{'n':" + schema + "}}";
    }

    @Test
    void narrowingNumberToIntegerBreaksOldWritersAndWideningDoesNot() {
        String number = property("{'type':'number'}");
        String integer = property("{'type':'integer'}");
        assertThat(problems(integer, number)).extracting(RecordIncompatibility::code, RecordIncompatibility::location)
                .containsExactly(tuple("JSON_INTEGER_REQUIRED", "/properties/n/type"));
        assertThat(problems(number, integer)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD, integer, number).compatible()).isTrue();
        assertThat(check(CompatibilityLevel.FORWARD, integer, number).compatible()).isFalse();
    }

    @Test
    void changingTheTypeBreaksBothWays() {
        String string = property("{'type':'string'}");
        String integer = property("{'type':'integer'}");
        assertThat(check(CompatibilityLevel.BACKWARD, string, integer).breaking()).extracting(Finding::code)
                .containsExactly("JSON_TYPE_CHANGED");
        assertThat(check(CompatibilityLevel.FORWARD, string, integer).compatible()).isFalse();
    }

    @Test
    void wideningToANullableUnionIsBackwardCompatible() {
        String string = property("{'type':'string'}");
        String nullable = property("{'type':['string','null']}");
        assertThat(check(CompatibilityLevel.BACKWARD, string, nullable).compatible()).isTrue();
        assertThat(check(CompatibilityLevel.FORWARD, string, nullable).compatible()).isFalse();
    }

    @Test
    void tighteningMaxLengthBreaksOldWriters() {
        String ten = property("{'type':'string','maxLength':10}");
        String five = property("{'type':'string','maxLength':5}");
        List<RecordIncompatibility> found = problems(five, ten);
        assertThat(found).extracting(RecordIncompatibility::code).containsExactly("JSON_STRING_LENGTH_NARROWED");
        assertThat(found.get(0).location()).isEqualTo("/properties/n/maxLength");
        assertThat(found.get(0).message()).contains("writer: 10").contains("reader: 5");
        assertThat(problems(ten, five)).isEmpty();
    }

    @Test
    void raisingTheMinimumBreaksOldWriters() {
        assertThat(problems(property("{'type':'integer','minimum':5}"), property("{'type':'integer','minimum':0}")))
                .extracting(RecordIncompatibility::code).containsExactly("JSON_NUMBER_RANGE_NARROWED");
    }

    @Test
    void removingAnEnumValueBreaksOldWritersAndAddingOneBreaksNewWriters() {
        String abc = property("{'enum':['a','b','c']}");
        String ab = property("{'enum':['a','b']}");
        assertThat(problems(ab, abc)).extracting(RecordIncompatibility::code, RecordIncompatibility::location)
                .containsExactly(tuple("JSON_ENUM_VALUE_REMOVED", "/properties/n/enum"));
        assertThat(problems(abc, ab)).isEmpty();
        Finding finding = check(CompatibilityLevel.FORWARD, ab, abc).breaking().get(0);
        assertThat(finding.breaks()).containsExactly(Role.NEW_WRITER);
    }

    // --- combinations and references -----------------------------------------------------------------

    @Test
    void removingAnAnyOfBranchBreaksOldWriters() {
        String two = property("{'anyOf':[{'type':'string'},{'type':'integer'}]}");
        String one = property("{'anyOf':[{'type':'string'}]}");
        assertThat(problems(one, two)).extracting(RecordIncompatibility::code).containsExactly("JSON_COMBINATION_NARROWED");
        assertThat(problems(two, one)).isEmpty();
    }

    @Test
    void aChangeBehindARefIsFoundAndLocatedAtTheDefinition() {
        String v1 = "{'type':'object','properties':{'home':{'$ref':'#/definitions/Address'}},"
                + "'definitions':{'Address':{'type':'object','properties':{'zip':{'type':'string'}}}}}";
        String v2 = v1.replace("'zip':{'type':'string'}", "'zip':{'type':'string','maxLength':5}");
        List<RecordIncompatibility> found = problems(v2, v1);
        assertThat(found).extracting(RecordIncompatibility::code, RecordIncompatibility::location)
                .containsExactly(tuple("JSON_STRING_LENGTH_NARROWED",
                        "/definitions/Address/properties/zip/maxLength"));
        assertThat(problems(v1, v2)).isEmpty();
    }

    @Test
    void draft2020DefsAreFollowedToo() {
        String v1 = "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
                + "'properties':{'home':{'$ref':'#/$defs/A'}},'$defs':{'A':{'type':'object','properties':{'zip':{'type':'string'}}}}}";
        String v2 = v1.replace("'zip':{'type':'string'}", "'zip':{'type':'integer'}");
        assertThat(problems(v2, v1)).extracting(RecordIncompatibility::code, RecordIncompatibility::location)
                .containsExactly(tuple("JSON_TYPE_CHANGED", "/$defs/A/properties/zip"));
    }

    @Test
    void aChangedKeywordTheComparisonCannotReadIsReportedNotPassed() {
        String v1 = "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
                + "'dependentRequired':{'a':['b']}}";
        String v2 = v1.replace("['b']", "['b','c']");
        assertThat(problems(v2, v1)).extracting(RecordIncompatibility::code, RecordIncompatibility::location)
                .containsExactly(tuple("JSON_UNREAD_KEYWORD_CHANGED", "/dependentRequired"));
        assertThat(problems(v1, v1)).isEmpty();
    }

    @Test
    void identicalSchemasHaveNoIncompatibilities() {
        assertThat(problems(CLOSED_AB, CLOSED_AB)).isEmpty();
    }

    // --- parsing -------------------------------------------------------------------------------------

    @Test
    void invalidJsonNamesTheFileAndLine() {
        assertThatThrownBy(() -> support.parse("orders.json", "{\n  \"type\": \"object\",\n  \"properties\": {,}\n}", Map.of()))
                .isInstanceOf(StrataException.class)
                .satisfies(e -> assertThat(((StrataException) e).code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("schema \"orders.json\"")
                .hasMessageContaining("line 3")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anInvalidSchemaNamesTheFilePointerAndReason() {
        assertThatThrownBy(() -> parse("{'type':'object','properties':{'a':{'type':'strin'}}}"))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("schema \"test.json\"")
                .hasMessageContaining("at /properties/a/type")
                .hasMessageContaining("draft-07")
                .hasMessageContaining("\"string\"");
    }

    @Test
    void anUnknownSchemaVersionIsRefused() {
        assertThatThrownBy(() -> parse("{'$schema':'http://json-schema.org/draft-05/schema#'}"))
                .hasMessageContaining("at /$schema")
                .hasMessageContaining("unknown JSON Schema version");
    }

    @Test
    void everyDraftParsesAndIsRecognised() {
        for (JsonSchemaDraft draft : JsonSchemaDraft.values()) {
            JsonSchemaDocument doc = parse("{'$schema':'" + draft.uri() + "','type':'object','properties':{'a':{'type':'string'}}}");
            assertThat(doc.draft()).isEqualTo(draft);
        }
        assertThat(parse("{'type':'string'}").draft()).isEqualTo(JsonSchemaDraft.DRAFT_7);
        assertThat(parse("{'$schema':'https://json-schema.org/draft-07/schema'}").draft()).isEqualTo(JsonSchemaDraft.DRAFT_7);
    }

    @Test
    void draftSpecificKeywordsAreCheckedUnderTheirOwnDraft() {
        assertThat(parse("{'$schema':'http://json-schema.org/draft-04/schema#','minimum':1,'exclusiveMinimum':true}").draft())
                .isEqualTo(JsonSchemaDraft.DRAFT_4);
        assertThatThrownBy(() -> parse("{'$schema':'http://json-schema.org/draft-06/schema#','exclusiveMinimum':true}"))
                .hasMessageContaining("at /exclusiveMinimum");
        // readOnly came with draft-07: draft-06 does not know it, so any value is allowed there.
        parse("{'$schema':'http://json-schema.org/draft-06/schema#','readOnly':'yes'}");
        assertThatThrownBy(() -> parse("{'readOnly':'yes'}")).hasMessageContaining("at /readOnly");
    }

    @Test
    void aRefOutsideTheDocumentNeedsAnImport() {
        String text = "{'type':'object','properties':{'a':{'$ref':'address.json'}}}".replace('\'', '"');
        assertThatThrownBy(() -> support.parse("order.json", text, Map.of()))
                .hasMessageContaining("at /properties/a/$ref")
                .hasMessageContaining("address.json");
        JsonSchemaDocument withImport = support.parse("order.json", text,
                Map.of("address.json", "{\"type\":\"object\",\"properties\":{\"zip\":{\"type\":\"string\"}}}"));
        assertThat(withImport.draft()).isEqualTo(JsonSchemaDraft.DRAFT_7);
    }

    @Test
    void aLocalRefToNothingIsRefusedWhereItIs() {
        assertThatThrownBy(() -> parse("{'properties':{'a':{'$ref':'#/definitions/missing'}}}"))
                .hasMessageContaining("at /properties/a/$ref")
                .hasMessageContaining("points to nothing");
    }

    @Test
    void anArrayIsNotASchema() {
        assertThatThrownBy(() -> parse("[1,2]")).hasMessageContaining("at the root").hasMessageContaining("not array");
    }

    // --- envelope ------------------------------------------------------------------------------------

    @Test
    void theCanonicalFormIgnoresKeyOrderAndWhitespace() {
        RecordSchema a = support.envelope("a.json", parse("{'type':'object',\n  'properties': {'b':{'type':'string'},'a':{'type':'integer'}}}"));
        RecordSchema b = support.envelope("b.json", parse("{'properties':{'a':{'type':'integer'},'b':{'type':'string'}},'type':'object'}"));
        assertThat(a.canonical()).isEqualTo("{\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"string\"}},\"type\":\"object\"}");
        assertThat(a.canonical()).isEqualTo(b.canonical());
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64).matches("[0-9a-f]+");
        assertThat(a.format()).isEqualTo(RecordFormat.JSON);
        RecordSchema c = support.envelope("c.json", parse("{'type':'object','properties':{'a':{'type':'number'}}}"));
        assertThat(c.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void theFingerprintIsTheSha256OfTheCanonicalForm() {
        RecordSchema s = support.envelope("s.json", parse("{'type':'string'}"));
        // sha256 of {"type":"string"}
        assertThat(s.fingerprint()).isEqualTo("00404e686415370f1711c4d7acfa2905444d3cf23cef2e10c47d445ebe690f96");
        assertThat(s.canonical()).isEqualTo("{\"type\":\"string\"}");
    }

    // --- the rule table ------------------------------------------------------------------------------

    @Test
    void everyIncompatibleApicurioDifferenceHasItsOwnRule() {
        List<DiffType> unmapped = Arrays.stream(DiffType.values())
                .filter(t -> !t.isBackwardsCompatible() && t != DiffType.UNDEFINED_UNUSED)
                .filter(t -> JsonSchemaRule.of(t) == JsonSchemaRule.JSON_SCHEMA_NARROWED)
                .toList();
        assertThat(unmapped).isEmpty();
        List<DiffType> compatibleButMapped = Arrays.stream(DiffType.values())
                .filter(DiffType::isBackwardsCompatible)
                .filter(t -> JsonSchemaRule.all().stream().anyMatch(r -> r.diffTypes().contains(t)))
                .toList();
        assertThat(compatibleButMapped).as("compatible differences never become incompatibilities").isEmpty();
    }

    @Test
    void everyRuleExplainsItself() {
        for (JsonSchemaRule rule : JsonSchemaRule.all()) {
            assertThat(rule.code()).startsWith("JSON_");
            assertThat(List.of(rule.detects(), rule.why(), rule.recipe(), rule.whenNewReads(), rule.whenOldReads()))
                    .as(rule.code()).allSatisfy(s -> assertThat(s).isNotBlank());
        }
    }
}
