package io.strata.compat.relational;

import io.strata.compat.Finding;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Check;
import io.strata.model.Collation;
import io.strata.model.EnumType;
import io.strata.model.Extension;
import io.strata.model.ForeignKey;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.View;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCheck;
import io.strata.model.change.SchemaChange.AddCollation;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.AddEnum;
import io.strata.model.change.SchemaChange.AddExtension;
import io.strata.model.change.SchemaChange.AddForeignKey;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.AddPrimaryKey;
import io.strata.model.change.SchemaChange.AddSchema;
import io.strata.model.change.SchemaChange.AddSequence;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.AddView;
import io.strata.model.change.SchemaChange.DropCheck;
import io.strata.model.change.SchemaChange.DropCollation;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.DropEnum;
import io.strata.model.change.SchemaChange.DropExtension;
import io.strata.model.change.SchemaChange.DropForeignKey;
import io.strata.model.change.SchemaChange.DropIndex;
import io.strata.model.change.SchemaChange.DropPrimaryKey;
import io.strata.model.change.SchemaChange.DropSchema;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.DropUnique;
import io.strata.model.change.SchemaChange.DropView;
import io.strata.model.change.SchemaChange.ModifyCheck;
import io.strata.model.change.SchemaChange.ModifyCollation;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.ModifyEnum;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;
import io.strata.model.change.SchemaChange.ModifySchema;
import io.strata.model.change.SchemaChange.ModifySequence;
import io.strata.model.change.SchemaChange.ModifyTable;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.SchemaChange.RenameColumn;
import io.strata.model.change.SchemaChange.RenameTable;
import io.strata.model.change.SchemaChange.RenameView;
import io.strata.model.change.TableChangeKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.strata.compat.relational.Fixtures.PG;
import static io.strata.compat.relational.Fixtures.SCHEMA;
import static io.strata.compat.relational.Fixtures.TABLE;
import static io.strata.compat.relational.Fixtures.index;
import static io.strata.compat.relational.Fixtures.sequence;
import static io.strata.compat.relational.Fixtures.textColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The classifier as a whole: every kind of change is handled, order is kept, dialects are checked. */
class RelationalRulesTest {

    /** One change of every permitted subtype of {@link SchemaChange}. */
    static List<SchemaChange> oneOfEach() {
        Schema schema = Fixtures.schema(SCHEMA);
        Table table = Fixtures.table(TABLE, textColumn("note"));
        View view = Fixtures.view("v", "SELECT 1", "one");
        EnumType mood = new EnumType("mood", List.of("ok"));
        Extension ext = new Extension("citext", "public", "1.6");
        PrimaryKey pk = new PrimaryKey("pk", List.of("id"));
        UniqueConstraint unique = new UniqueConstraint("u", List.of("note"), false);
        Check check = new Check("c", "true", false);
        ForeignKey fk = new ForeignKey("fk", List.of("a"), SCHEMA, "t", List.of("id"), "NO ACTION", "NO ACTION", null);
        Collation numeric = new Collation("numeric", "icu", "en-u-kn-true", null, null, true, null, null);
        return List.of(new AddSchema(schema), new DropSchema(schema), new ModifySchema(schema, schema),
                new AddExtension(ext), new DropExtension(ext),
                new AddTable(SCHEMA, table), new DropTable(SCHEMA, table), new RenameTable(SCHEMA, table, table),
                new ModifyTable(SCHEMA, table, table, Set.of(TableChangeKind.COMMENT)),
                new AddColumn(SCHEMA, TABLE, textColumn("a")), new DropColumn(SCHEMA, TABLE, textColumn("a")),
                new RenameColumn(SCHEMA, TABLE, textColumn("a"), textColumn("b")),
                new ModifyColumn(SCHEMA, TABLE, textColumn("a"), textColumn("a"), Set.of()),
                new AddPrimaryKey(SCHEMA, TABLE, pk), new DropPrimaryKey(SCHEMA, TABLE, pk),
                new ModifyPrimaryKey(SCHEMA, TABLE, pk, pk),
                new AddUnique(SCHEMA, TABLE, unique), new DropUnique(SCHEMA, TABLE, unique),
                new AddCheck(SCHEMA, TABLE, check), new DropCheck(SCHEMA, TABLE, check), new ModifyCheck(SCHEMA, TABLE, check, check),
                new AddForeignKey(SCHEMA, TABLE, fk), new DropForeignKey(SCHEMA, TABLE, fk), new ModifyForeignKey(SCHEMA, TABLE, fk, fk),
                new AddIndex(SCHEMA, TABLE, index("i", false, "a")), new DropIndex(SCHEMA, TABLE, index("i", false, "a")),
                new ModifyIndex(SCHEMA, TABLE, index("i", false, "a"), index("i", false, "b")),
                new AddView(SCHEMA, view), new DropView(SCHEMA, view), new RenameView(SCHEMA, view, view), new ModifyView(SCHEMA, view, view),
                new AddEnum(SCHEMA, mood), new DropEnum(SCHEMA, mood), new ModifyEnum(SCHEMA, mood, mood),
                new AddSequence(SCHEMA, sequence("s", 1, 10, 1)), new DropSequence(SCHEMA, sequence("s", 1, 10, 1)),
                new ModifySequence(SCHEMA, sequence("s", 1, 10, 1), sequence("s", 1, 10, 1)),
                new AddCollation(SCHEMA, numeric), new DropCollation(SCHEMA, numeric),
                new ModifyCollation(SCHEMA, numeric, numeric));
    }

    @Test
    void everyChangeHasFindingsAboutItself() {
        List<SchemaChange> samples = oneOfEach();
        for (String dialect : List.of(Fixtures.PG, Fixtures.MYSQL)) {
            for (SchemaChange change : samples) {
                assertThat(RelationalRules.classify(dialect, List.of(change)))
                        .as("findings for %s", change)
                        .isNotEmpty()
                        .allSatisfy(f -> assertThat(f.change()).isSameAs(change));
            }
        }
    }

    @Test
    void findingsFollowTheOrderOfChanges() {
        List<SchemaChange> changes = List.of(new AddIndex(SCHEMA, TABLE, index("i", false, "a")),
                new DropColumn(SCHEMA, TABLE, textColumn("a")));

        assertThat(RelationalRules.classify(PG, changes)).extracting(Finding::code, Finding::type)
                .containsExactly(tuple("INDEX_ADDED", "AddIndex"),
                        tuple("COLUMN_DROPPED", "DropColumn"));
    }

    @Test
    void anUnknownDialectIsBadInput() {
        assertThatThrownBy(() -> RelationalRules.classify("oracle", List.of()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessage("unknown dialect \"oracle\"; valid dialects: postgres, mysql");
    }

    @Test
    void noChangesMeanNoFindings() {
        assertThat(RelationalRules.classify(PG, List.of())).isEmpty();
    }
}
