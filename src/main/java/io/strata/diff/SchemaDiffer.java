package io.strata.diff;

import io.strata.model.Collation;
import io.strata.model.DefinedObject;
import io.strata.model.EnumType;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCollation;
import io.strata.model.change.SchemaChange.AddEnum;
import io.strata.model.change.SchemaChange.AddObject;
import io.strata.model.change.SchemaChange.AddSequence;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.AddView;
import io.strata.model.change.SchemaChange.DropCollation;
import io.strata.model.change.SchemaChange.DropEnum;
import io.strata.model.change.SchemaChange.DropObject;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.DropView;
import io.strata.model.change.SchemaChange.ModifyCollation;
import io.strata.model.change.SchemaChange.ModifyEnum;
import io.strata.model.change.SchemaChange.ModifyObject;
import io.strata.model.change.SchemaChange.ModifySequence;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.SchemaChange.RenameTable;
import io.strata.model.change.SchemaChange.RenameView;

import java.util.List;
import java.util.Objects;

/** SchemaDiffer compares the objects of two versions of one schema: collations, enums, sequences, tables, views and
 * defined objects (functions, procedures, triggers, policies, grants, events). */
final class SchemaDiffer {

    private SchemaDiffer() {
    }

    static void diff(Schema from, Schema to, List<SchemaChange> out) {
        String schema = to.name();
        NamedElements.diff(from.collations(), to.collations(), Collation::name,
                c -> out.add(new DropCollation(schema, c)), c -> out.add(new AddCollation(schema, c)),
                (a, b) -> out.add(new ModifyCollation(schema, a, b)));
        NamedElements.diff(from.enums(), to.enums(), EnumType::name,
                e -> out.add(new DropEnum(schema, e)), e -> out.add(new AddEnum(schema, e)),
                (a, b) -> out.add(new ModifyEnum(schema, a, b)));
        NamedElements.diff(from.sequences(), to.sequences(), Sequence::name,
                q -> out.add(new DropSequence(schema, q)), q -> out.add(new AddSequence(schema, q)),
                (a, b) -> out.add(new ModifySequence(schema, a, b)));

        Matching<Table> tables = Matching.of(from.tables(), to.tables(), Table::name, Table::renamedFrom);
        tables.dropped().forEach(t -> out.add(new DropTable(schema, t)));
        for (Matching.Pair<Table> pair : tables.matched()) {
            if (pair.renamed()) {
                out.add(new RenameTable(schema, pair.from(), pair.to()));
            }
            TableDiffer.diff(schema, pair.from(), pair.to(), out);
        }
        tables.added().forEach(t -> out.add(new AddTable(schema, t)));

        Matching<View> views = Matching.of(from.views(), to.views(), View::name, View::renamedFrom);
        views.dropped().forEach(v -> out.add(new DropView(schema, v)));
        for (Matching.Pair<View> pair : views.matched()) {
            if (pair.renamed()) {
                out.add(new RenameView(schema, pair.from(), pair.to()));
            }
            if (!sameView(pair.from(), pair.to())) {
                out.add(new ModifyView(schema, pair.from(), pair.to()));
            }
            TableDiffer.diffIndexes(schema, pair.to().name(), pair.from().indexes(), pair.to().indexes(), out);
        }
        views.added().forEach(v -> out.add(new AddView(schema, v)));

        NamedElements.diff(from.objects(), to.objects(), DefinedObject::identity,
                o -> out.add(new DropObject(schema, o)), o -> out.add(new AddObject(schema, o)),
                (a, b) -> out.add(new ModifyObject(schema, a, b)));
    }

    /** Compares what ModifyView stands for; a materialized view's indexes are compared one by one, as a table's are. */
    private static boolean sameView(View a, View b) {
        return a.materialized() == b.materialized() && Objects.equals(a.definition(), b.definition())
                && a.columns().equals(b.columns()) && Objects.equals(a.comment(), b.comment());
    }
}
