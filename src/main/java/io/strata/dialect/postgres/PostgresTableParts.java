package io.strata.dialect.postgres;

import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.PrimaryKey;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.strata.dialect.postgres.PostgresCatalogRows.sorted;

/** PostgresTableParts is a table being assembled from the rows of several catalog queries. */
final class PostgresTableParts {

    /** A column and its position, since the columns query returns rows unsorted. */
    record NumberedColumn(int attnum, Column column) {
    }

    final String name;
    final String comment;
    final List<NumberedColumn> columns = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final Map<String, String> options = new HashMap<>();
    PrimaryKey primaryKey;

    PostgresTableParts(String name, String comment) {
        this.name = name;
        this.comment = comment;
    }

    Table build() {
        List<Column> ordered = columns.stream().sorted(Comparator.comparingInt(NumberedColumn::attnum))
                .map(NumberedColumn::column).toList();
        return new Table(name, ordered, primaryKey, sorted(uniques, UniqueConstraint::name),
                sorted(indexes, Index::name), sorted(foreignKeys, ForeignKey::name), sorted(checks, Check::name),
                comment, options, null);
    }
}
