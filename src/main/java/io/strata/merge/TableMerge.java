package io.strata.merge;

import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;

import java.util.function.Function;

/**
 * TableMerge merges a table both sides altered: columns by name (ours' order, then theirs' new ones),
 * constraints and indexes by name, the primary key, comment and each table option as single values.
 * A column or constraint is compared whole, with its record's {@code equals}.
 */
final class TableMerge {

    private final Conflicts conflicts;

    TableMerge(Conflicts conflicts) {
        this.conflicts = conflicts;
    }

    /** {@code qualified} is {@code schema.table}, the prefix of every conflict inside it. */
    Table merge(String qualified, Table b, Table o, Table t) {
        return new Table(o.name(),
                keyed(qualified, ".", Column::name, SqlText::column).merge(b.columns(), o.columns(), t.columns(), conflicts),
                ThreeWay.scalar(qualified + " primary key", b.primaryKey(), o.primaryKey(), t.primaryKey(),
                        SqlText::primaryKey, conflicts),
                keyed(qualified, " unique ", UniqueConstraint::name, SqlText::unique)
                        .merge(b.uniques(), o.uniques(), t.uniques(), conflicts),
                keyed(qualified, " index ", Index::name, SqlText::index).merge(b.indexes(), o.indexes(), t.indexes(), conflicts),
                keyed(qualified, " foreign key ", ForeignKey::name, SqlText::foreignKey)
                        .merge(b.foreignKeys(), o.foreignKeys(), t.foreignKeys(), conflicts),
                keyed(qualified, " check ", Check::name, SqlText::check).merge(b.checks(), o.checks(), t.checks(), conflicts),
                ThreeWay.scalar(qualified + " comment", b.comment(), o.comment(), t.comment(), Function.identity(), conflicts),
                ThreeWay.map(qualified + " option", b.options(), o.options(), t.options(), Function.identity(), conflicts),
                ThreeWay.scalar(qualified + " renamed from", b.renamedFrom(), o.renamedFrom(), t.renamedFrom(),
                        Function.identity(), conflicts));
    }

    private static <V> ThreeWay.Keyed<V> keyed(String qualified, String separator, Function<V, String> name,
                                               Function<V, String> render) {
        return new ThreeWay.Keyed<>(name, Function.identity(), v -> qualified + separator + name.apply(v), render, null);
    }
}
