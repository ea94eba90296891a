package io.strata.compat.protobuf;

import io.strata.compat.record.RecordIncompatibility;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.RecordSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Focused cases for {@link ProtobufSupport}: one behaviour each, each able to fail. */
class ProtobufSupportTest {

    private final ProtobufSupport support = new ProtobufSupport();

    private ProtoSchema proto(String body) {
        return support.parse("order.proto", "syntax = \"proto3\";\npackage acme.v1;\n" + body, Map.of());
    }

    private static List<String> codes(List<RecordIncompatibility> found) {
        return found.stream().map(i -> i.code() + "@" + i.location()).toList();
    }

    private List<String> evolution(ProtoSchema previous, ProtoSchema current) {
        return support.evolution(previous, current, ProtobufSupport.DEFAULT_STRICTNESS).stream()
                .map(i -> i.rule() + "@" + i.path()).toList();
    }

    @Test
    void fieldNumberReusedWithAnotherNameAndTypeBreaksBothWays() {
        ProtoSchema old = proto("message Order { string note = 3; }");
        ProtoSchema reused = proto("message Order { int64 total = 3; }");
        assertThat(codes(support.incompatibilities(reused, old))).containsExactly("FIELD_NUMBER_REUSED@acme.v1.Order.total");
        assertThat(codes(support.incompatibilities(old, reused))).containsExactly("FIELD_NUMBER_REUSED@acme.v1.Order.note");
    }

    @Test
    void int32ToInt64IsWireCompatibleButInt32ToStringIsNot() {
        ProtoSchema int32 = proto("message Order { int32 qty = 1; }");
        ProtoSchema int64 = proto("message Order { int64 qty = 1; }");
        ProtoSchema string = proto("message Order { string qty = 1; }");
        assertThat(support.issues(int64, int32, Strictness.WIRE)).isEmpty();
        assertThat(support.issues(int32, int64, Strictness.WIRE)).isEmpty();
        // JSON writes 64-bit integers as strings, so Buf's WIRE_JSON (our default) keeps them apart
        assertThat(codes(support.incompatibilities(int64, int32))).containsExactly("FIELD_TYPE_CHANGED@acme.v1.Order.qty");
        assertThat(support.incompatibilities(proto("message Order { uint32 qty = 1; }"), int32)).isEmpty();
        assertThat(support.issues(proto("message Order { bool qty = 1; }"), int64, Strictness.WIRE)).isEmpty();
        List<RecordIncompatibility> broken = support.incompatibilities(string, int32);
        assertThat(codes(broken)).containsExactly("FIELD_TYPE_CHANGED@acme.v1.Order.qty");
        assertThat(broken.get(0).message()).contains("from int32 to string");
        assertThat(broken.get(0).recipe()).contains("new number");
    }

    @Test
    void sint32IsNotWireCompatibleWithInt32() {
        assertThat(codes(support.incompatibilities(proto("message Order { sint32 qty = 1; }"),
                proto("message Order { int32 qty = 1; }")))).containsExactly("FIELD_TYPE_CHANGED@acme.v1.Order.qty");
    }

    @Test
    void removedFieldMustReserveItsNumberAndName() {
        ProtoSchema before = proto("message Order { string id = 1; string note = 2; }");
        ProtoSchema unreserved = proto("message Order { string id = 1; }");
        ProtoSchema reserved = proto("message Order { string id = 1; reserved 2; reserved \"note\"; }");
        ProtoSchema numberOnly = proto("message Order { string id = 1; reserved 2; }");
        assertThat(evolution(before, unreserved)).containsExactly("FIELD_REMOVED@acme.v1.Order.note");
        assertThat(evolution(before, reserved)).isEmpty();
        // the wire only needs the number; JSON (the default strictness) also needs the name
        assertThat(evolution(before, numberOnly)).containsExactly("FIELD_REMOVED@acme.v1.Order.note");
        assertThat(support.evolution(before, numberOnly, Strictness.WIRE)).isEmpty();
        // the primitive does not report a missing field: it is readable, and could as well be an added one
        assertThat(support.incompatibilities(unreserved, before)).isEmpty();
        assertThat(support.incompatibilities(before, unreserved)).isEmpty();
    }

    @Test
    void renamedFieldChangesItsJsonName() {
        List<RecordIncompatibility> found = support.incompatibilities(
                proto("message Order { string customer_ref = 1; }"), proto("message Order { string customer_id = 1; }"));
        assertThat(codes(found)).containsExactly("FIELD_RENAMED@acme.v1.Order.customer_ref");
        assertThat(found.get(0).message()).contains("customer_id").contains("customer_ref");
        // keeping the JSON name through json_name is not enough for text format and code, but JSON alone
        // changing is its own code
        assertThat(codes(support.incompatibilities(proto("message Order { string customer_id = 1 [json_name = \"cid\"]; }"),
                proto("message Order { string customer_id = 1; }"))))
                .containsExactly("FIELD_JSON_NAME_CHANGED@acme.v1.Order.customer_id");
        assertThat(support.issues(proto("message Order { string customer_ref = 1; }"),
                proto("message Order { string customer_id = 1; }"), Strictness.WIRE)).isEmpty();
    }

    @Test
    void removedEnumValueIsReportedUnlessReserved() {
        ProtoSchema before = proto("enum Status { STATUS_UNSPECIFIED = 0; STATUS_OPEN = 1; STATUS_CLOSED = 2; }");
        ProtoSchema removed = proto("enum Status { STATUS_UNSPECIFIED = 0; STATUS_OPEN = 1; }");
        ProtoSchema reserved = proto("enum Status { STATUS_UNSPECIFIED = 0; STATUS_OPEN = 1; reserved 2; "
                + "reserved \"STATUS_CLOSED\"; }");
        assertThat(evolution(before, removed)).containsExactly("ENUM_VALUE_REMOVED@acme.v1.Status.STATUS_CLOSED");
        assertThat(evolution(before, reserved)).isEmpty();
    }

    @Test
    void repeatedToSingularChangesCardinality() {
        List<RecordIncompatibility> found = support.incompatibilities(proto("message Order { string item = 1; }"),
                proto("message Order { repeated string item = 1; }"));
        assertThat(codes(found)).containsExactly("FIELD_CARDINALITY_CHANGED@acme.v1.Order.item");
        assertThat(found.get(0).message()).contains("from repeated to singular");
    }

    @Test
    void removedRpcBreaksClientsThatCallIt() {
        String messages = "message Req {} message Res {}\n";
        ProtoSchema old = proto(messages + "service OrderService { rpc Get(Req) returns (Res); rpc List(Req) returns (Res); }");
        ProtoSchema now = proto(messages + "service OrderService { rpc Get(Req) returns (Res); }");
        assertThat(codes(support.incompatibilities(now, old))).containsExactly("RPC_REMOVED@acme.v1.OrderService.List");
        ProtoSchema streaming = proto(messages + "service OrderService { rpc Get(Req) returns (stream Res); "
                + "rpc List(Req) returns (Res); }");
        assertThat(codes(support.incompatibilities(streaming, old)))
                .containsExactly("RPC_STREAMING_CHANGED@acme.v1.OrderService.Get");
    }

    @Test
    void importsResolveTypesAcrossFiles() {
        String money = "syntax = \"proto3\";\npackage acme.common;\nmessage Money { int64 units = 1; }\n";
        String order = "syntax = \"proto3\";\npackage acme.v1;\nimport \"acme/common/money.proto\";\n"
                + "import \"google/protobuf/timestamp.proto\";\n"
                + "message Order { acme.common.Money total = 1; google.protobuf.Timestamp at = 2; }\n";
        ProtoSchema parsed = support.parse("order.proto", order, Map.of("acme/common/money.proto", money));
        assertThat(parsed.index().messages().get("acme.v1.Order").field(1).type()).isEqualTo("acme.common.Money");
        assertThat(parsed.index().messages().get("acme.v1.Order").field(2).type()).isEqualTo("google.protobuf.Timestamp");
        // a type of the same short name in another package is a different type
        String otherMoney = "syntax = \"proto3\";\npackage acme.billing;\nmessage Money { int64 units = 1; }\n";
        ProtoSchema moved = support.parse("order.proto", order.replace("acme/common/money.proto", "acme/billing/money.proto")
                .replace("acme.common.Money", "acme.billing.Money"), Map.of("acme/billing/money.proto", otherMoney));
        assertThat(codes(support.incompatibilities(moved, parsed))).containsExactly("FIELD_TYPE_CHANGED@acme.v1.Order.total");
        assertThatThrownBy(() -> support.parse("order.proto", order, Map.of()))
                .isInstanceOf(StrataException.class).hasMessageContaining("acme/common/money.proto");
    }

    @Test
    void parseErrorNamesFileLineAndColumn() {
        assertThatThrownBy(() -> support.parse("order.proto", "syntax = \"proto3\";\nmessage Order {\n  int32 qty = ;\n}\n",
                Map.of()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("\"order.proto\"").hasMessageContaining("3:").hasMessageContaining("expected");
        assertThatThrownBy(() -> support.parse("order.proto", "syntax = \"proto3\";\nmessage Order {\n  Missing m = 1;\n}\n",
                Map.of())).hasMessageContaining("order.proto").hasMessageContaining("3:3").hasMessageContaining("Missing");
    }

    @Test
    void canonicalFormIgnoresFormattingCommentsAndOrder() {
        ProtoSchema a = proto("// orders\nmessage Order { string id = 1; int64 total = 2; }\nenum Status { A = 0; B = 1; }");
        ProtoSchema b = proto("enum Status {\n  B = 1;\n  A = 0;\n}\n\nmessage   Order {\n"
                + "  /* the total */ int64 total = 2;\n  string id = 1;\n}\n");
        ProtoSchema c = proto("message Order { string id = 1; int32 total = 2; }\nenum Status { A = 0; B = 1; }");
        RecordSchema ea = support.envelope("a.proto", a);
        RecordSchema eb = support.envelope("b.proto", b);
        assertThat(ea.canonical()).isEqualTo(eb.canonical());
        assertThat(ea.fingerprint()).isEqualTo(eb.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(support.envelope("c.proto", c).fingerprint()).isNotEqualTo(ea.fingerprint());
        assertThat(ea.canonical()).contains("package acme.v1;").doesNotContain("orders");
    }

    @Test
    void packageChangeIsReported() {
        ProtoSchema old = proto("message Order { string id = 1; }");
        ProtoSchema moved = support.parse("order.proto", "syntax = \"proto3\";\npackage acme.v2;\n"
                + "message Order { string id = 1; }", Map.of());
        assertThat(codes(support.incompatibilities(moved, old))).containsExactly("PACKAGE_CHANGED@order.proto");
    }

    @Test
    void addingARequiredFieldBreaksOnlyReadersThatRequireIt() {
        String head = "syntax = \"proto2\";\npackage acme.v1;\n";
        ProtoSchema old = support.parse("o.proto", head + "message Order { optional string id = 1; }", Map.of());
        ProtoSchema now = support.parse("o.proto", head + "message Order { optional string id = 1; "
                + "required string region = 2; }", Map.of());
        assertThat(codes(support.incompatibilities(now, old))).containsExactly("REQUIRED_FIELD_MISSING@acme.v1.Order.region");
        assertThat(support.incompatibilities(old, now)).isEmpty();
    }

    private ProtoSchema edition(String body) {
        return support.parse("order.proto", "edition = \"2023\";\npackage acme.v1;\n" + body, Map.of());
    }

    @Test
    void editionFilesReadTheirFeaturesAsProto2AndProto3Did() {
        ProtoSchema open = edition("enum Status { A = 0; }\nmessage Order { string id = 1; int32 qty = 2; }");
        ProtoSchema closed = edition("option features.enum_type = CLOSED;\nenum Status { A = 0; }\n"
                + "message Order { string id = 1; int32 qty = 2; }");
        assertThat(codes(support.incompatibilities(closed, open))).containsExactly("ENUM_OPENNESS_CHANGED@acme.v1.Status");
        // edition 2023 fields track presence like proto2's optional, unless a feature says otherwise
        ProtoField qty = open.index().messages().get("acme.v1.Order").field(2);
        assertThat(qty.cardinality()).isEqualTo(ProtoField.Cardinality.OPTIONAL_EXPLICIT);
        ProtoSchema implicit = edition("enum Status { A = 0; }\nmessage Order { string id = 1; "
                + "int32 qty = 2 [features.field_presence = IMPLICIT]; }");
        assertThat(implicit.index().messages().get("acme.v1.Order").field(2).cardinality())
                .isEqualTo(ProtoField.Cardinality.OPTIONAL_IMPLICIT);
        ProtoSchema proto3 = proto("enum Status { A = 0; }\nmessage Order { string id = 1; int32 qty = 2; }");
        assertThat(support.incompatibilities(proto3, implicit)).isEmpty();
    }

    @Test
    void editionFeaturesOfLanguagesAndJsonAreCompared() {
        String head = "import \"google/protobuf/java_features.proto\";\n";
        ProtoSchema old = edition(head + "message Order { string id = 1; }");
        ProtoSchema legacy = edition(head + "message Order { option features.json_format = LEGACY_BEST_EFFORT; "
                + "string id = 1 [features.utf8_validation = NONE]; }");
        assertThat(evolution(old, legacy)).contains("JSON_FORMAT_CHANGED@acme.v1.Order",
                "FIELD_UTF8_VALIDATION_CHANGED@acme.v1.Order.id");
        ProtoSchema cord = edition(head + "message Order { string id = 1 [features.(pb.cpp).string_type = CORD]; }");
        assertThat(support.evolution(old, cord, Strictness.FILE).stream().map(i -> i.rule() + "@" + i.path()))
                .containsExactly("FIELD_LANGUAGE_OPTION_CHANGED@acme.v1.Order.id");
    }

    @Test
    void editionIsNamedInTheCanonicalFormAndOnlyEdition2023IsRead() {
        ProtoSchema e = edition("message Order { string id = 1; }");
        assertThat(support.envelope("e.proto", e).canonical()).startsWith("edition = \"2023\";");
        ProtoSchema p3 = proto("message Order { string id = 1; }");
        // and proto3's implicit presence became edition 2023's explicit presence
        assertThat(support.evolution(p3, e, Strictness.FILE).stream().map(i -> i.rule() + "@" + i.path()))
                .containsExactlyInAnyOrder("SYNTAX_CHANGED@order.proto", "FIELD_CARDINALITY_CHANGED@acme.v1.Order.id");
        assertThatThrownBy(() -> support.parse("order.proto", "edition = \"2024\";\nmessage Order {}\n", Map.of()))
                .isInstanceOfSatisfying(StrataException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("\"order.proto\"").hasMessageContaining("2024");
    }
}
