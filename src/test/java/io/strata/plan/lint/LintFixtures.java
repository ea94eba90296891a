package io.strata.plan.lint;

import io.strata.dialect.Dialects;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.plan.MigrationPlan;
import io.strata.migrate.Planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** LintFixtures builds in-memory schemas, plans between them with the real planners, and lints the plan. */
final class LintFixtures {

    static final String PG = "postgres";
    static final String MYSQL = "mysql";

    private LintFixtures() {
    }

    static ColumnType type(String dialect, String sql) {
        return ColumnTypes.parse(dialect, sql);
    }

    static Column column(String dialect, String name, String sql, boolean nullable) {
        return Column.of(name, type(dialect, sql), nullable);
    }

    /** Table {@code orders} with an integer {@code id} primary key and the given further columns. */
    static Table orders(String dialect, Column... columns) {
        List<Column> all = new ArrayList<>();
        all.add(column(dialect, "id", dialect.equals(MYSQL) ? "int" : "integer", false));
        all.addAll(List.of(columns));
        Map<String, String> options = dialect.equals(MYSQL) ? Map.of("engine", "InnoDB") : Map.of();
        String pk = dialect.equals(MYSQL) ? "PRIMARY" : "orders_pkey";
        return new Table("orders", all, new PrimaryKey(pk, List.of("id")), List.of(), List.of(), List.of(), List.of(),
                null, options, null);
    }

    /** {@code t} with one plain btree index on {@code column}. */
    static Table withIndex(Table t, String column) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(),
                List.of(new Index(t.name() + "_" + column + "_idx", List.of(IndexPart.column(column)), false, "btree",
                        null, List.of(), null)), t.foreignKeys(), t.checks(), null, t.options(), null);
    }

    static Catalog catalog(String dialect, Table... tables) {
        String schema = dialect.equals(MYSQL) ? "db" : "public";
        return new Catalog(dialect, "", List.of(Schema.of(schema, List.of(tables))), List.of());
    }

    static LintPass pass(Catalog from, Catalog to, String serverVersion) {
        MigrationPlan plan = Planner.plan(from, to, Dialects.byName(from.dialect()), serverVersion);
        return new LintPass(plan, from, to, Differ.diff(from, to));
    }

    /** The codes {@code analyzer} raises on the plan from {@code from} to {@code to}. */
    static List<String> codes(Analyzer analyzer, Catalog from, Catalog to, String serverVersion) {
        return analyzer.analyze(pass(from, to, serverVersion)).stream().map(Diagnostic::code).toList();
    }

    static List<String> codes(Analyzer analyzer, Catalog from, Catalog to) {
        return codes(analyzer, from, to, from.dialect().equals(MYSQL) ? "8.0.36" : "16.4");
    }
}
