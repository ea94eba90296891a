package io.strata.compat.avro;

import io.strata.compat.CompatibilityResult;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.compat.VersionComparison;
import io.strata.compat.record.RecordCompatibility;
import io.strata.compat.record.RecordCompatibility.Version;
import io.strata.compat.record.RecordIncompatibility;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.RecordFormat;
import io.strata.model.RecordSchema;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.strata.compat.CompatibilityLevel.BACKWARD;
import static io.strata.compat.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static io.strata.compat.CompatibilityLevel.FORWARD;
import static io.strata.compat.CompatibilityLevel.FULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Avro support: parse errors that say where, the canonical envelope, and the levels on realistic histories. */
class AvroSupportTest {

    private static final AvroSupport AVRO = new AvroSupport();

    private static Schema parse(String label, String text) {
        return AVRO.parse(label, text, Map.of());
    }

    private static Version<Schema> version(String label, String text) {
        return new Version<>(label, parse(label, text));
    }

    /** An orders record with {@code fields} (JSON, without the brackets) after {@code id}. */
    private static String order(String fields) {
        return """
                {"type": "record", "name": "Order", "namespace": "shop",
                 "fields": [
                  {"name": "id", "type": "long"}%s
                 ]}
                """.formatted(fields.isEmpty() ? "" : ",\n  " + fields);
    }

    @Nested
    class ParseErrors {

        static Stream<Arguments> invalidSchemas() {
            return Stream.of(
                    arguments("a field without a type", """
                            {"type": "record", "name": "Order",
                             "fields": [
                              {"name": "id"}
                             ]}
                            """, "orders.avsc:3:3: field \"id\" has no \"type\""),
                    arguments("an unknown type name", """
                            {"type": "record", "name": "Order", "namespace": "shop",
                             "fields": [
                              {"name": "id", "type": "long"},
                              {"name": "total", "type": "dobule"}
                             ]}
                            """, "orders.avsc:4:29: type \"shop.dobule\" is neither a primitive nor a named type "
                            + "defined before this point"),
                    arguments("a default of the wrong type", """
                            {"type": "record", "name": "Order",
                             "fields": [
                              {"name": "id", "type": "long"},
                              {"name": "note", "type": "string",
                               "default": 5}
                             ]}
                            """, "orders.avsc:5:15: the default of field \"note\" does not match its type: "
                            + "5 not a \"string\""),
                    arguments("a numeric default that is not a number", """
                            {"type": "record", "name": "Order",
                             "fields": [
                              {"name": "id", "type": "long"},
                              {"name": "total", "type": "double",
                               "default": "zero"}
                             ]}
                            """, "orders.avsc:5:15: default \"zero\" is not a number"),
                    arguments("a repeated enum symbol", """
                            {"type": "enum", "name": "Status",
                             "symbols": ["NEW",
                                         "PAID",
                                         "NEW"]}
                            """, "orders.avsc:4:14: enum symbol \"NEW\" is listed twice"),
                    arguments("a record without fields", """
                            {"type": "record", "name": "Order", "fields": [
                              {"name": "lines", "type": {"type": "record", "name": "Line"}}
                            ]}
                            """, "orders.avsc:2:29: record \"Line\" has no \"fields\" array"),
                    arguments("an invalid name", """
                            {"type": "record", "name": "Order",
                             "fields": [{"name": "2nd", "type": "int"}]}
                            """, "orders.avsc:2:22: \"2nd\" is not a valid Avro name (a letter or _, then "
                            + "letters, digits or _)"),
                    arguments("a type defined twice", """
                            {"type": "record", "name": "Order", "fields": [
                              {"name": "next", "type": {"type": "record", "name": "Order", "fields": []}}
                            ]}
                            """, "orders.avsc:2:55: type \"Order\" is defined twice"),
                    arguments("content after the schema", """
                            "int"
                            "long"
                            """, "orders.avsc:2:1: unexpected content after the schema"),
                    arguments("an empty file", "  \n", "orders.avsc: the schema is empty"),
                    arguments("a message no rule knows, kept as Avro wrote it", "42",
                            "orders.avsc: Schema not yet supported: 42"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidSchemas")
        void nameTheFileTheLineAndWhatIsWrong(String title, String text, String message) {
            assertThatThrownBy(() -> parse("orders.avsc", text))
                    .isInstanceOfSatisfying(StrataException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                        assertThat(e.getMessage()).isEqualTo(message);
                    });
        }

        @Test
        void invalidJsonGivesJacksonsPositionAndReason() {
            String text = """
                    {"type": "record", "name": "Order",
                     "fields": [
                      {"name": "id", "type": "long",}
                     ]}
                    """;
            assertThatThrownBy(() -> parse("orders.avsc", text))
                    .isInstanceOf(StrataException.class)
                    .hasMessageStartingWith("orders.avsc:3:33: invalid JSON: Unexpected character ('}'")
                    .hasMessageContaining("double-quote to start field name")
                    .hasMessageNotContaining("REDACTED");
        }

        @Test
        void commentsAreAcceptedAsAvroAcceptsThem() {
            Schema schema = parse("orders.avsc", "// the order\n" + order(""));

            assertThat(schema.getFullName()).isEqualTo("shop.Order");
        }

        @Test
        void importsDefineNamedTypesTheSchemaUses() {
            Map<String, String> imports = new LinkedHashMap<>();
            imports.put("customer.avsc", """
                    {"type": "record", "name": "Customer", "namespace": "shop",
                     "fields": [{"name": "id", "type": "long"}]}
                    """);
            String orders = order("{\"name\": \"customer\", \"type\": \"Customer\"}");
            Schema schema = AVRO.parse("orders.avsc", orders, imports);

            assertThat(schema.getField("customer").schema().getField("id").schema().getType())
                    .isEqualTo(Schema.Type.LONG);
            assertThatThrownBy(() -> AVRO.parse("orders.avsc", orders, Map.of()))
                    .hasMessageStartingWith("orders.avsc:4:32: type \"shop.Customer\" is neither");
        }

        @Test
        void anInvalidImportIsNamedByItsOwnLabel() {
            assertThatThrownBy(() -> AVRO.parse("orders.avsc", order(""),
                    Map.of("customer.avsc", "{\"type\": \"record\", \"name\": \"Customer\"}")))
                    .hasMessage("customer.avsc:1:1: record \"Customer\" has no \"fields\" array");
        }
    }

    @Nested
    class Envelope {

        private static final String COMPACT = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"total\",\"type\":\"double\"}]}";

        private static final String REFORMATTED = """
                {
                  "fields": [
                    { "type": "long",   "name": "id" },
                    { "name": "total",  "type": "double" }
                  ],
                  "namespace": "shop",
                  "name":      "Order",
                  "type":      "record"
                }
                """;

        private static RecordSchema envelope(String text) {
            return AVRO.envelope("orders.avsc", parse("orders.avsc", text));
        }

        @Test
        void isAvrosOwnRenderingWithSortedKeysAndItsSha256() throws Exception {
            RecordSchema envelope = envelope(COMPACT);

            assertThat(envelope.format()).isEqualTo(RecordFormat.AVRO);
            assertThat(envelope.label()).isEqualTo("orders.avsc");
            assertThat(envelope.canonical()).isEqualTo("{\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
                    + "{\"name\":\"total\",\"type\":\"double\"}],\"name\":\"Order\",\"namespace\":\"shop\",\"type\":\"record\"}");
            byte[] sha256 = MessageDigest.getInstance("SHA-256")
                    .digest(envelope.canonical().getBytes(StandardCharsets.UTF_8));
            assertThat(envelope.fingerprint()).isEqualTo(HexFormat.of().formatHex(sha256)).matches("[0-9a-f]{64}");
        }

        @Test
        void formattingAndKeyOrderDoNotChangeIt() {
            assertThat(envelope(REFORMATTED)).isEqualTo(envelope(COMPACT));
        }

        @Test
        void aDefaultOrATypeChangesItSinceBothChangeCompatibility() {
            String withDefault = COMPACT.replace("\"name\":\"total\",\"type\":\"double\"",
                    "\"name\":\"total\",\"type\":\"double\",\"default\":0.0");
            String retyped = COMPACT.replace("\"double\"", "\"float\"");

            assertThat(envelope(withDefault).fingerprint()).isNotEqualTo(envelope(COMPACT).fingerprint());
            assertThat(envelope(withDefault).canonical()).contains("\"default\":0.0");
            assertThat(envelope(retyped).fingerprint()).isNotEqualTo(envelope(COMPACT).fingerprint());
            assertThat(envelope(retyped).canonical()).contains("\"type\":\"float\"");
        }
    }

    @Nested
    class Levels {

        private final Version<Schema> v1 =
                version("orders-v1.avsc", order("{\"name\": \"total\", \"type\": \"double\"}"));

        @Test
        void addingAFieldWithoutDefaultBreaksOldWritersUnderBackward() {
            Version<Schema> v2 = version("orders-v2.avsc", order("""
                    {"name": "total", "type": "double"},
                      {"name": "currency", "type": "string"}"""));

            CompatibilityResult result = RecordCompatibility.check(BACKWARD, List.of(v1, v2), AVRO);

            assertThat(result.compatible()).isFalse();
            assertThat(result.breaking()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("READER_FIELD_MISSING_DEFAULT_VALUE");
                assertThat(f.location()).isEqualTo("/fields/2");
                assertThat(f.breaks()).containsExactly(Role.OLD_WRITER);
                assertThat(f.message()).isEqualTo(
                        "field \"shop.Order.currency\" is not in the writer's record and has no default");
                assertThat(f.why()).contains("does not carry");
                assertThat(f.recipe()).contains("\"default\"");
            });
        }

        @Test
        void addingAFieldWithADefaultIsBackwardAndForward() {
            Version<Schema> v2 = version("orders-v2.avsc", order("""
                    {"name": "total", "type": "double"},
                      {"name": "currency", "type": "string", "default": "EUR"}"""));

            assertThat(RecordCompatibility.check(BACKWARD, List.of(v1, v2), AVRO).compatible()).isTrue();
            assertThat(RecordCompatibility.check(FULL, List.of(v1, v2), AVRO).findings()).isEmpty();
        }

        @Test
        void removingAFieldWithoutDefaultBreaksNewWritersUnderForward() {
            Version<Schema> v2 = version("orders-v2.avsc", order(""));

            CompatibilityResult forward = RecordCompatibility.check(FORWARD, List.of(v1, v2), AVRO);

            assertThat(RecordCompatibility.check(BACKWARD, List.of(v1, v2), AVRO).compatible()).isTrue();
            assertThat(forward.compatible()).isFalse();
            assertThat(forward.breaking()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("READER_FIELD_MISSING_DEFAULT_VALUE");
                assertThat(f.location()).as("a location in the old schema, the reader here").isEqualTo("/fields/1");
                assertThat(f.breaks()).containsExactly(Role.NEW_WRITER);
                assertThat(f.message()).contains("\"shop.Order.total\"");
            });
        }

        @Test
        void addingAnEnumSymbolIsBackwardButNotFullUnlessTheEnumHasADefault() {
            String status = "{\"name\": \"status\", \"type\": {\"type\": \"enum\", \"name\": \"Status\", "
                    + "\"symbols\": [%s]%s}}";
            Version<Schema> old = version("v1.avsc", order(status.formatted("\"NEW\", \"PAID\"", "")));
            Version<Schema> added = version("v2.avsc", order(status.formatted("\"NEW\", \"PAID\", \"REFUNDED\"", "")));

            CompatibilityResult full = RecordCompatibility.check(FULL, List.of(old, added), AVRO);

            assertThat(RecordCompatibility.check(BACKWARD, List.of(old, added), AVRO).compatible()).isTrue();
            assertThat(full.compatible()).isFalse();
            assertThat(full.breaking()).extracting(Finding::code, Finding::location, Finding::breaks)
                    .containsExactly(tuple("MISSING_ENUM_SYMBOLS", "/fields/1/type/symbols", Set.of(Role.NEW_WRITER)));
            assertThat(full.breaking().get(0).message()).isEqualTo("field \"shop.Order.status\" (enum \"shop.Status\") "
                    + "lacks symbols the writer may write ([REFUNDED])");

            Version<Schema> oldWithDefault = version("v1.avsc",
                    order(status.formatted("\"NEW\", \"PAID\"", ", \"default\": \"NEW\"")));
            Version<Schema> addedWithDefault = version("v2.avsc",
                    order(status.formatted("\"NEW\", \"PAID\", \"REFUNDED\"", ", \"default\": \"NEW\"")));
            assertThat(RecordCompatibility.check(FULL, List.of(oldWithDefault, addedWithDefault), AVRO).compatible())
                    .isTrue();
        }

        @Test
        void aPromotionIsBackwardButNotForward() {
            Version<Schema> widened = version("v2.avsc", order("{\"name\": \"total\", \"type\": \"double\"}")
                    .replace("\"type\": \"long\"", "\"type\": \"double\""));
            Version<Schema> narrow = version("v1.avsc", order("{\"name\": \"total\", \"type\": \"double\"}")
                    .replace("\"type\": \"long\"", "\"type\": \"int\""));

            CompatibilityResult full = RecordCompatibility.check(FULL, List.of(narrow, widened), AVRO);

            assertThat(full.breaking()).extracting(Finding::code, Finding::location, Finding::breaks)
                    .containsExactly(tuple("TYPE_MISMATCH", "/fields/0/type", Set.of(Role.NEW_WRITER)));
            assertThat(full.breaking().get(0).message()).isEqualTo("field \"shop.Order.id\" (int) cannot read the "
                    + "writer's type (reader type: INT not compatible with writer type: DOUBLE)");
        }

        @Test
        void transitiveLevelsFindABreakWithTheOldestVersionOnly() {
            // v1 has a string total, v2 drops it, v3 brings it back as a double with a default: v3 reads v2's
            // data (the default fills in) but not v1's, whose total is a string.
            Version<Schema> first = version("v1.avsc", order("{\"name\": \"total\", \"type\": \"string\"}"));
            Version<Schema> second = version("v2.avsc", order(""));
            Version<Schema> third = version("v3.avsc",
                    order("{\"name\": \"total\", \"type\": \"double\", \"default\": 0.0}"));
            List<Version<Schema>> history = List.of(first, second, third);

            CompatibilityResult latest = RecordCompatibility.check(BACKWARD, history, AVRO);
            CompatibilityResult transitive = RecordCompatibility.check(BACKWARD_TRANSITIVE, history, AVRO);

            assertThat(latest.compatible()).isTrue();
            assertThat(transitive.compatible()).isFalse();
            assertThat(transitive.comparisons()).extracting(VersionComparison::from, VersionComparison::compatible)
                    .containsExactly(tuple("v2.avsc", true), tuple("v1.avsc", false));
            assertThat(transitive.breaking()).extracting(Finding::code, Finding::location)
                    .containsExactly(tuple("TYPE_MISMATCH", "/fields/1/type"));
        }

        @Test
        void everyIncompatibilityIsKeptNotOnlyTheFirst() {
            Version<Schema> v2 = version("orders-v2.avsc", order("""
                    {"name": "total", "type": "int"},
                      {"name": "currency", "type": "string"},
                      {"name": "lines", "type": {"type": "array", "items": "int"}}"""));

            List<RecordIncompatibility> found = AVRO.incompatibilities(v2.schema(), v1.schema());

            assertThat(found).extracting(RecordIncompatibility::code, RecordIncompatibility::location).containsExactly(
                    tuple("TYPE_MISMATCH", "/fields/1/type"),
                    tuple("READER_FIELD_MISSING_DEFAULT_VALUE", "/fields/2"),
                    tuple("READER_FIELD_MISSING_DEFAULT_VALUE", "/fields/3"));
        }

        @Test
        void nestedElementsAreNamedByTheirFieldPath() {
            String lines = "{\"name\": \"lines\", \"type\": {\"type\": \"array\", \"items\": {\"type\": \"record\", "
                    + "\"name\": \"Line\", \"fields\": [{\"name\": \"qty\", \"type\": \"%s\"}]}}}";
            Schema reader = parse("v2.avsc", order(lines.formatted("int")));
            Schema writer = parse("v1.avsc", order(lines.formatted("long")));

            assertThat(AVRO.incompatibilities(reader, writer)).singleElement().satisfies(i -> {
                assertThat(i.location()).isEqualTo("/fields/1/type/items/fields/0/type");
                assertThat(i.message()).startsWith("field \"shop.Order.lines[].qty\" (int) cannot read");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(SchemaIncompatibilityType.class)
    void everyAvroTypeHasItsRule(SchemaIncompatibilityType type) {
        AvroRule rule = AvroRule.of(type);

        assertThat(rule.code()).isEqualTo(type.name());
        assertThat(List.of(rule.detects(), rule.predicate(), rule.why(), rule.recipe()))
                .allSatisfy(s -> assertThat(s).isNotBlank());
    }
}
