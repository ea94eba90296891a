package io.strata.merge;

import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import io.strata.compat.protobuf.ProtobufSupport;
import io.strata.model.SubjectFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ProtoMergeTest: messages by name, fields and enum values by number, rpcs by name, {@code reserved} as a set. */
class ProtoMergeTest {

    private static final String BASE = """
            syntax = "proto3";
            package shop;

            message Order {
              string id = 1;
              string email = 2;
            }

            enum Status {
              UNKNOWN = 0;
              OPEN = 1;
            }

            service Orders {
              rpc Get (Order) returns (Order);
            }
            """;

    private static MergeOutcome merge(String base, String ours, String theirs) {
        return SchemaMerge.merge(SubjectFormat.PROTOBUF, MergeInput.text(base), MergeInput.text(ours), MergeInput.text(theirs));
    }

    /** The merged file, after checking that it parses as Protobuf. */
    private static ProtoFileElement merged(MergeOutcome outcome) {
        assertThat(outcome).isInstanceOf(MergeOutcome.Merged.class);
        return new ProtobufSupport().parse("merged.proto", ((MergeOutcome.Merged) outcome).text(), Map.of()).main();
    }

    private static MessageElement message(ProtoFileElement file, String name) {
        return (MessageElement) file.getTypes().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> fields(MessageElement message) {
        return message.getFields().stream().map(f -> f.getName() + "=" + f.getTag()).toList();
    }

    private static List<MergeConflict> conflicts(MergeOutcome outcome) {
        assertThat(outcome).isInstanceOf(MergeOutcome.Conflicted.class);
        return ((MergeOutcome.Conflicted) outcome).conflicts();
    }

    @Test
    void additionsOnEachSideCombine() {
        String ours = BASE.replace("string email = 2;", "string email = 2;\n  int64 total = 3;");
        String theirs = BASE.replace("string email = 2;", "string email = 2;\n  Customer customer = 4;")
                + "\nmessage Customer {\n  string name = 1;\n}\n";

        ProtoFileElement file = merged(merge(BASE, ours, theirs));

        assertThat(fields(message(file, "Order"))).containsExactly("id=1", "email=2", "total=3", "customer=4");
        assertThat(file.getTypes()).extracting(t -> t.getName()).containsExactly("Order", "Status", "Customer");
        assertThat(file.getPackageName()).isEqualTo("shop");
    }

    @Test
    void aFieldChangedTwoWaysIsOneConflictOnItsNumber() {
        String ours = BASE.replace("string email = 2;", "bytes email = 2;");
        String theirs = BASE.replace("string email = 2;", "string mail = 2;");

        assertThat(conflicts(merge(BASE, ours, theirs))).containsExactly(new MergeConflict("message Order field 2",
                "string email = 2;", "bytes email = 2;", "string mail = 2;", "changed differently on both sides"));
    }

    @Test
    void aFieldRemovedOnOneSideAndUntouchedOnTheOtherIsRemovedWithItsReservation() {
        String ours = BASE.replace("string email = 2;", "reserved 2;\n  reserved \"email\";");
        String theirs = BASE.replace("rpc Get (Order) returns (Order);", "rpc Get (Order) returns (Order);\n  rpc Put (Order) returns (Order);");

        ProtoFileElement file = merged(merge(BASE, ours, theirs));

        MessageElement order = message(file, "Order");
        assertThat(fields(order)).containsExactly("id=1");
        assertThat(order.getReserveds()).flatExtracting(r -> r.getValues()).containsExactly(2, "email");
        assertThat(file.getServices().get(0).getRpcs()).extracting(RpcElement::getName).containsExactly("Get", "Put");
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        String changed = BASE.replace("string email = 2;", "repeated string email = 2;");

        FieldElement email = message(merged(merge(BASE, changed, changed)), "Order").getFields().get(1);

        assertThat(email.getLabel()).hasToString("REPEATED");
    }

    @Test
    void enumValuesMergeByNumberAndReservationsAsASet() {
        String ours = BASE.replace("OPEN = 1;", "OPEN = 1;\n  SHIPPED = 2;\n  reserved 9;");
        String theirs = BASE.replace("OPEN = 1;", "OPEN = 1;\n  CANCELLED = 3;\n  reserved 10 to 12;");

        EnumElement status = (EnumElement) merged(merge(BASE, ours, theirs)).getTypes().get(1);

        assertThat(status.getConstants()).extracting(c -> c.getName() + "=" + c.getTag())
                .containsExactly("UNKNOWN=0", "OPEN=1", "SHIPPED=2", "CANCELLED=3");
        assertThat(status.getReserveds()).flatExtracting(r -> r.getValues()).extracting(Object::toString)
                .containsExactly("9", "10..12");
    }

    @Test
    void aValueRemovedOnOneSideButRenumberedOnTheOtherConflicts() {
        String ours = BASE.replace("  OPEN = 1;\n", "");
        String theirs = BASE.replace("OPEN = 1;", "OPENED = 1;");

        assertThat(conflicts(merge(BASE, ours, theirs))).containsExactly(new MergeConflict("enum Status value 1",
                "OPEN = 1;", null, "OPENED = 1;", "removed on our side, changed on theirs"));
    }

    @Test
    void twoNewFieldsWithOneNameUnderTwoNumbersDoNotParseAndConflictOnTheSchema() {
        String ours = BASE.replace("string email = 2;", "string email = 2;\n  int64 total = 3;");
        String theirs = BASE.replace("string email = 2;", "string email = 2;\n  double total = 4;");

        List<MergeConflict> conflicts = conflicts(merge(BASE, ours, theirs));

        assertThat(conflicts).extracting(MergeConflict::object).containsExactly("schema");
        assertThat(conflicts.get(0).message()).contains("total");
    }

    @Test
    void nestedMessagesMergeByName() {
        String base = BASE.replace("string email = 2;\n", "string email = 2;\n  message Line {\n    string sku = 1;\n  }\n");
        String ours = base.replace("string sku = 1;", "string sku = 1;\n    int32 qty = 2;");
        String theirs = base.replace("string sku = 1;", "string sku = 1;\n    int64 price = 3;");

        MessageElement line = (MessageElement) message(merged(merge(base, ours, theirs)), "Order").getNestedTypes().get(0);

        assertThat(fields(line)).containsExactly("sku=1", "qty=2", "price=3");
    }

    @Test
    void anEditionFileStaysAnEditionFile() {
        String base = BASE.replace("syntax = \"proto3\";", "edition = \"2023\";");
        String ours = base.replace("string email = 2;", "string email = 2;\n  int64 total = 3;");

        String text = ((MergeOutcome.Merged) merge(base, ours, base)).text();

        assertThat(text).contains("edition = \"2023\";").doesNotContain("syntax").contains("int64 total = 3;");
    }
}
