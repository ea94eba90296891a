package io.strata.diff;

import io.strata.model.Collation;
import io.strata.model.EnumType;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCollation;
import io.strata.model.change.SchemaChange.AddEnum;
import io.strata.model.change.SchemaChange.AddSequence;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.AddView;
import io.strata.model.change.SchemaChange.DropCollation;
import io.strata.model.change.SchemaChange.DropEnum;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.DropView;
import io.strata.model.change.SchemaChange.ModifyCollation;
import io.strata.model.change.SchemaChange.ModifyEnum;
import io.strata.model.change.SchemaChange.ModifySequence;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.SchemaChange.RenameTable;
import io.strata.model.change.SchemaChange.RenameView;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** SchemaDiffer compares the objects of two versions of one schema: collations, enums, sequences, tables and views. */
final class SchemaDiffer {

    private SchemaDiffer() {
    }

    static void diff(Schema from, Schema to, List<SchemaChange> out) {
        String schema = to.name();
        diffCollations(schema, from.collations(), to.collations(), out);
        diffEnums(schema, from.enums(), to.enums(), out);
        diffSequences(schema, from.sequences(), to.sequences(), out);

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
    }

    /** Compares what ModifyView stands for; a materialized view's indexes are compared one by one, as a table's are. */
    private static boolean sameView(View a, View b) {
        return a.materialized() == b.materialized() && Objects.equals(a.definition(), b.definition())
                && a.columns().equals(b.columns()) && Objects.equals(a.comment(), b.comment());
    }

    private static void diffCollations(String schema, List<Collation> from, List<Collation> to,
                                       List<SchemaChange> out) {
        Map<String, Collation> toByName = Differ.byName(to, Collation::name);
        Map<String, Collation> fromByName = Differ.byName(from, Collation::name);
        for (Collation c : from) {
            Collation now = toByName.get(c.name());
            if (now == null) {
                out.add(new DropCollation(schema, c));
            } else if (!now.equals(c)) {
                out.add(new ModifyCollation(schema, c, now));
            }
        }
        to.stream().filter(c -> !fromByName.containsKey(c.name())).forEach(c -> out.add(new AddCollation(schema, c)));
    }

    private static void diffEnums(String schema, List<EnumType> from, List<EnumType> to, List<SchemaChange> out) {
        Map<String, EnumType> toByName = Differ.byName(to, EnumType::name);
        Map<String, EnumType> fromByName = Differ.byName(from, EnumType::name);
        for (EnumType e : from) {
            EnumType now = toByName.get(e.name());
            if (now == null) {
                out.add(new DropEnum(schema, e));
            } else if (!now.values().equals(e.values())) {
                out.add(new ModifyEnum(schema, e, now));
            }
        }
        to.stream().filter(e -> !fromByName.containsKey(e.name())).forEach(e -> out.add(new AddEnum(schema, e)));
    }

    private static void diffSequences(String schema, List<Sequence> from, List<Sequence> to, List<SchemaChange> out) {
        Map<String, Sequence> toByName = Differ.byName(to, Sequence::name);
        Map<String, Sequence> fromByName = Differ.byName(from, Sequence::name);
        for (Sequence s : from) {
            Sequence now = toByName.get(s.name());
            if (now == null) {
                out.add(new DropSequence(schema, s));
            } else if (!now.equals(s)) {
                out.add(new ModifySequence(schema, s, now));
            }
        }
        to.stream().filter(s -> !fromByName.containsKey(s.name())).forEach(s -> out.add(new AddSequence(schema, s)));
    }
}
