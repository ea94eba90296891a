package io.strata.plan.lint;

import io.strata.model.Column;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.View;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.strata.plan.lint.LintFixtures.PG;
import static io.strata.plan.lint.LintFixtures.column;
import static io.strata.plan.lint.LintFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** The backward-incompatible code each kind of change gets, including the kinds no end-to-end lint test reaches. */
class BackwardIncompatibleRulesTest {

    private static final Column NOTE = column(PG, "note", "text", true);
    private static final Index INDEX = new Index("orders_note_idx", List.of(IndexPart.column("note")), false, "btree",
            null, List.of(), null);
    private static final View VIEW = new View("v", "SELECT 1", false, List.of("one"), null, null, List.of());

    private static SchemaChange.ModifyColumn modifyNote(ColumnChangeKind... kinds) {
        return new SchemaChange.ModifyColumn("public", "orders", NOTE, NOTE, Set.of(kinds));
    }

    @Test
    void everyDropIsDropped() {
        assertThat(List.of(new SchemaChange.DropTable("public", orders(PG)),
                new SchemaChange.DropColumn("public", "orders", NOTE),
                new SchemaChange.DropIndex("public", "orders", INDEX),
                new SchemaChange.DropView("public", VIEW)))
                .allSatisfy(c -> assertThat(BackwardIncompatibleRules.of(c)).isEqualTo(BackwardIncompatibleRules.DROPPED));
    }

    @Test
    void everyRenameIsRenamed() {
        assertThat(List.of(new SchemaChange.RenameTable("public", orders(PG), orders(PG)),
                new SchemaChange.RenameColumn("public", "orders", NOTE, NOTE),
                new SchemaChange.RenameView("public", VIEW, VIEW)))
                .allSatisfy(c -> assertThat(BackwardIncompatibleRules.of(c)).isEqualTo(BackwardIncompatibleRules.RENAMED));
    }

    @Test
    void aColumnChangeIsNamedByItsMostBreakingProperty() {
        assertThat(BackwardIncompatibleRules.of(modifyNote(ColumnChangeKind.TYPE, ColumnChangeKind.NULLABILITY)))
                .isEqualTo(BackwardIncompatibleRules.TYPE_CHANGED);
        assertThat(BackwardIncompatibleRules.of(modifyNote(ColumnChangeKind.NULLABILITY)))
                .isEqualTo(BackwardIncompatibleRules.REQUIRED_FOR_OLD_WRITERS);
        assertThat(BackwardIncompatibleRules.of(modifyNote(ColumnChangeKind.DEFAULT)))
                .isEqualTo(BackwardIncompatibleRules.REQUIRED_FOR_OLD_WRITERS);
        assertThat(BackwardIncompatibleRules.of(new SchemaChange.AddColumn("public", "orders", NOTE)))
                .isEqualTo(BackwardIncompatibleRules.REQUIRED_FOR_OLD_WRITERS);
        assertThat(BackwardIncompatibleRules.of(modifyNote(ColumnChangeKind.COMMENT)))
                .isEqualTo(BackwardIncompatibleRules.OTHER);
    }

    @Test
    void otherKindsAreOther() {
        assertThat(BackwardIncompatibleRules.of(new SchemaChange.AddIndex("public", "orders", INDEX)))
                .isEqualTo(BackwardIncompatibleRules.OTHER);
        assertThat(BackwardIncompatibleRules.of(new SchemaChange.ModifyView("public", VIEW, VIEW)))
                .isEqualTo(BackwardIncompatibleRules.OTHER);
    }
}
