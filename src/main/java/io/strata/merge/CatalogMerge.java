package io.strata.merge;

import io.strata.dialect.Dialects;
import io.strata.model.Catalog;
import io.strata.model.Collation;
import io.strata.model.DefinedObject;
import io.strata.model.EnumType;
import io.strata.model.Extension;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.View;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CatalogMerge is the three-way merge of relational schemas: schemas, tables, views, enum types,
 * sequences, collations and extensions by (qualified) name; a table both sides altered merges inside
 * (see {@link TableMerge}); other objects are taken whole. The merged catalog is rendered as DDL by the
 * dialect's own renderer.
 */
final class CatalogMerge {

    private final Conflicts conflicts = new Conflicts();
    private final TableMerge tables = new TableMerge(conflicts);

    private CatalogMerge() {
    }

    static MergeOutcome merge(MergeInput.Relational base, MergeInput.Relational ours, MergeInput.Relational theirs) {
        CatalogMerge merge = new CatalogMerge();
        String dialect = ThreeWay.scalar("dialect", base.dialect(), ours.dialect(), theirs.dialect(),
                Function.identity(), merge.conflicts);
        Catalog merged = merge.catalog(base.catalog(), ours.catalog(), theirs.catalog());
        if (!merge.conflicts.isEmpty()) {
            return new MergeOutcome.Conflicted(merge.conflicts.list());
        }
        String ddl = Dialects.byName(dialect).renderer().createStatements(merged).stream()
                .map(s -> s + ";\n").collect(Collectors.joining());
        return new MergeOutcome.Merged(ddl, merged);
    }

    /** The server version is where ours was replayed, not part of the schema, so ours' is kept. */
    private Catalog catalog(Catalog b, Catalog o, Catalog t) {
        return new Catalog(
                ThreeWay.scalar("catalog dialect", b.dialect(), o.dialect(), t.dialect(), Function.identity(), conflicts),
                o.serverVersion(),
                new ThreeWay.Keyed<Schema>(Schema::name, Function.identity(), s -> "schema " + s.name(),
                        s -> "SCHEMA " + s.name() + " (" + s.tables().stream().map(Table::name)
                                .collect(Collectors.joining(", ")) + ")",
                        (at, bs, os, ts) -> schema(bs, os, ts)).merge(b.schemas(), o.schemas(), t.schemas(), conflicts),
                // the installed version differs between servers that ran the same DDL, so it is no change
                new ThreeWay.Keyed<Extension>(Extension::name, e -> List.of(e.name(), String.valueOf(e.schema())),
                        e -> "extension " + e.name(), e -> "EXTENSION " + e.name(), null)
                        .merge(b.extensions(), o.extensions(), t.extensions(), conflicts));
    }

    private Schema schema(Schema b, Schema o, Schema t) {
        String s = o.name();
        return new Schema(s,
                new ThreeWay.Keyed<Table>(Table::name, Function.identity(), x -> s + "." + x.name(), SqlText::table,
                        (at, bx, ox, tx) -> tables.merge(at, bx, ox, tx)).merge(b.tables(), o.tables(), t.tables(), conflicts),
                whole("view " + s + ".", View::name, SqlText::view).merge(b.views(), o.views(), t.views(), conflicts),
                whole("type " + s + ".", EnumType::name, SqlText::enumType).merge(b.enums(), o.enums(), t.enums(), conflicts),
                whole("sequence " + s + ".", Sequence::name, SqlText::sequence)
                        .merge(b.sequences(), o.sequences(), t.sequences(), conflicts),
                ThreeWay.scalar("schema " + s + " comment", b.comment(), o.comment(), t.comment(), Function.identity(), conflicts),
                ThreeWay.scalar("schema " + s + " charset", b.charset(), o.charset(), t.charset(), Function.identity(), conflicts),
                ThreeWay.scalar("schema " + s + " collation", b.collation(), o.collation(), t.collation(),
                        Function.identity(), conflicts),
                whole("collation " + s + ".", Collation::name, Collation::toString)
                        .merge(b.collations(), o.collations(), t.collations(), conflicts),
                new ThreeWay.Keyed<DefinedObject>(DefinedObject::identity, Function.identity(),
                        x -> x.kind().noun() + " " + s + "." + x.objectName(), DefinedObject::definition, null)
                        .merge(b.objects(), o.objects(), t.objects(), conflicts));
    }

    private static <V> ThreeWay.Keyed<V> whole(String prefix, Function<V, String> name, Function<V, String> render) {
        return new ThreeWay.Keyed<>(name, Function.identity(), v -> prefix + name.apply(v), render, null);
    }
}
