package io.strata.merge;

import io.strata.model.SubjectFormat;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** AvroMergeTest: record fields merge by name, nested records recurse, and a conflict names record and field. */
class AvroMergeTest {

    private static final String BASE = """
            {"type": "record", "name": "Order", "namespace": "shop", "doc": "an order",
             "fields": [
               {"name": "id", "type": "long"},
               {"name": "email", "type": "string"},
               {"name": "customer", "type": {"type": "record", "name": "Customer",
                  "fields": [{"name": "name", "type": "string"}]}}
             ]}""";

    private static MergeOutcome merge(String base, String ours, String theirs) {
        return SchemaMerge.merge(SubjectFormat.AVRO, MergeInput.text(base), MergeInput.text(ours), MergeInput.text(theirs));
    }

    private static Schema merged(MergeOutcome outcome) {
        assertThat(outcome).isInstanceOf(MergeOutcome.Merged.class);
        return new Schema.Parser().parse(((MergeOutcome.Merged) outcome).text());
    }

    private static List<String> names(Schema record) {
        return record.getFields().stream().map(Schema.Field::name).toList();
    }

    private static List<MergeConflict> conflicts(MergeOutcome outcome) {
        assertThat(outcome).isInstanceOf(MergeOutcome.Conflicted.class);
        return ((MergeOutcome.Conflicted) outcome).conflicts();
    }

    @Test
    void fieldsAddedOnEachSideCombineInOursOrderThenTheirs() {
        String ours = BASE.replace("{\"name\": \"id\", \"type\": \"long\"},",
                "{\"name\": \"id\", \"type\": \"long\"}, {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null},");
        String theirs = BASE.replace("{\"name\": \"email\", \"type\": \"string\"},",
                "{\"name\": \"email\", \"type\": \"string\"}, {\"name\": \"total\", \"type\": \"double\", \"default\": 0},");

        Schema schema = merged(merge(BASE, ours, theirs));

        assertThat(names(schema)).containsExactly("id", "note", "email", "customer", "total");
        assertThat(schema.getField("total").defaultVal()).isEqualTo(0.0);
        assertThat(schema.getDoc()).isEqualTo("an order");
    }

    @Test
    void aFieldChangedTwoWaysIsOneConflictShowingEachVersion() {
        String ours = BASE.replace("{\"name\": \"email\", \"type\": \"string\"}",
                "{\"name\": \"email\", \"type\": [\"null\", \"string\"], \"default\": null}");
        String theirs = BASE.replace("{\"name\": \"email\", \"type\": \"string\"}", "{\"name\": \"email\", \"type\": \"bytes\"}");

        assertThat(conflicts(merge(BASE, ours, theirs))).containsExactly(new MergeConflict("record shop.Order field email",
                "{\"name\":\"email\",\"type\":\"string\"}",
                "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}",
                "{\"name\":\"email\",\"type\":\"bytes\"}",
                "changed differently on both sides"));
    }

    @Test
    void aFieldRemovedOnOneSideAndUntouchedOnTheOtherIsRemoved() {
        String theirs = BASE.replace("{\"name\": \"email\", \"type\": \"string\"},", "");
        String ours = BASE.replace("\"doc\": \"an order\"", "\"doc\": \"an order of the shop\"");

        Schema schema = merged(merge(BASE, ours, theirs));

        assertThat(names(schema)).containsExactly("id", "customer");
        assertThat(schema.getDoc()).isEqualTo("an order of the shop");
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        String changed = BASE.replace("\"type\": \"long\"", "\"type\": \"string\"");

        assertThat(merged(merge(BASE, changed, changed)).getField("id").schema().getType()).isEqualTo(Schema.Type.STRING);
    }

    @Test
    void recordsNestedInFieldTypesMergeFieldByField() {
        String ours = BASE.replace("[{\"name\": \"name\", \"type\": \"string\"}]",
                "[{\"name\": \"name\", \"type\": \"string\"}, {\"name\": \"vip\", \"type\": \"boolean\", \"default\": false}]");
        String theirs = BASE.replace("[{\"name\": \"name\", \"type\": \"string\"}]",
                "[{\"name\": \"name\", \"type\": \"string\"}, {\"name\": \"city\", \"type\": \"string\", \"default\": \"\"}]");

        Schema customer = merged(merge(BASE, ours, theirs)).getField("customer").schema();

        assertThat(names(customer)).containsExactly("name", "vip", "city");
    }

    @Test
    void aConflictInsideANestedRecordNamesThatRecord() {
        String ours = BASE.replace("[{\"name\": \"name\", \"type\": \"string\"}]", "[{\"name\": \"name\", \"type\": \"bytes\"}]");
        String theirs = BASE.replace("[{\"name\": \"name\", \"type\": \"string\"}]", "[{\"name\": \"name\", \"type\": \"int\"}]");

        assertThat(conflicts(merge(BASE, ours, theirs))).extracting(MergeConflict::object)
                .containsExactly("record Customer field name");
    }

    @Test
    void aFieldRemovedOnOneSideButChangedOnTheOtherConflicts() {
        String ours = BASE.replace("{\"name\": \"email\", \"type\": \"string\"},", "");
        String theirs = BASE.replace("{\"name\": \"email\", \"type\": \"string\"}", "{\"name\": \"email\", \"type\": \"bytes\"}");

        MergeConflict conflict = conflicts(merge(BASE, ours, theirs)).get(0);

        assertThat(conflict.object()).isEqualTo("record shop.Order field email");
        assertThat(conflict.ours()).isNull();
        assertThat(conflict.message()).isEqualTo("removed on our side, changed on theirs");
    }

    @Test
    void topLevelAttributesMergeLikeFields() {
        String ours = BASE.replace("\"doc\": \"an order\"", "\"doc\": \"ours\"");
        String theirs = BASE.replace("\"doc\": \"an order\"", "\"doc\": \"theirs\", \"aliases\": [\"Purchase\"]");

        assertThat(conflicts(merge(BASE, ours, theirs))).containsExactly(new MergeConflict("record shop.Order doc",
                "\"an order\"", "\"ours\"", "\"theirs\"", "changed differently on both sides"));
    }

    @Test
    void piecesThatMergeButDoNotParseTogetherAreAConflictOnTheSchema() {
        // each side defines a different record named Extra: every field merges, the whole redefines a name
        String ours = BASE.replace("{\"name\": \"id\", \"type\": \"long\"},", "{\"name\": \"id\", \"type\": \"long\"}, "
                + "{\"name\": \"a\", \"type\": {\"type\": \"record\", \"name\": \"Extra\", \"fields\": []}},");
        String theirs = BASE.replace("{\"name\": \"id\", \"type\": \"long\"},", "{\"name\": \"id\", \"type\": \"long\"}, "
                + "{\"name\": \"b\", \"type\": {\"type\": \"record\", \"name\": \"Extra\", \"fields\": [{\"name\": \"x\", \"type\": \"int\"}]}},");

        List<MergeConflict> conflicts = conflicts(merge(BASE, ours, theirs));

        assertThat(conflicts).extracting(MergeConflict::object).containsExactly("schema");
        assertThat(conflicts.get(0).message()).startsWith("merged Avro schema is invalid").contains("Extra");
    }
}
