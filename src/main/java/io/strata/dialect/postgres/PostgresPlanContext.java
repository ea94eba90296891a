package io.strata.dialect.postgres;

import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;
import io.strata.model.change.SchemaChange;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgresPlanContext is what every step writer of one plan shares: both catalogs, the server's version,
 * the SQL writers, the tables whose changes must wait for a rename, and the order the steps go into.
 *
 * @param renamed locations ({@code schema.table}, new name) of tables renamed or holding a renamed column:
 *                their other changes move to CONTRACT, after the rename, so that every step names them one way
 * @param created locations of tables this plan creates: empty, so they need no online recipes
 */
record PostgresPlanContext(Catalog from, Catalog to, PostgresVersion version, PostgresQuoter quoter,
                           PostgresRenderer renderer, PostgresTableRenderer tables, PostgresClauses clauses,
                           Set<String> renamed, Set<String> created, PostgresStepOrder order) {

    static final LockImpact ACCESS_EXCLUSIVE = new LockImpact("ACCESS EXCLUSIVE", false, false);
    static final LockImpact ACCESS_EXCLUSIVE_REWRITE = new LockImpact("ACCESS EXCLUSIVE", true, false);
    static final LockImpact ACCESS_EXCLUSIVE_SCAN = new LockImpact("ACCESS EXCLUSIVE", false, true);
    static final LockImpact SHARE_UPDATE_EXCLUSIVE = new LockImpact("SHARE UPDATE EXCLUSIVE", false, false);
    static final LockImpact VALIDATE = new LockImpact("SHARE UPDATE EXCLUSIVE", false, true);
    static final LockImpact SHARE_ROW_EXCLUSIVE = new LockImpact("SHARE ROW EXCLUSIVE", false, false);

    /** The server's major version, which decides the statements a step may use. */
    int major() {
        return version.major();
    }

    Optional<Table> fromTable(String schema, String name) {
        return from.schema(schema).flatMap(s -> s.table(name));
    }

    Optional<Table> toTable(String schema, String name) {
        return to.schema(schema).flatMap(s -> s.table(name));
    }

    /** The table as it ends up, else as it was: what a step on {@code schema.name} should know of it. */
    Table table(String schema, String name) {
        return toTable(schema, name).or(() -> fromTable(schema, name))
                .orElseGet(() -> Table.of(name, List.of()));
    }

    boolean partitioned(String schema, String table) {
        Table t = table(schema, table);
        return t.options().containsKey("partition_by");
    }

    boolean isNew(String schema, String table) {
        return created.contains(schema + "." + table);
    }

    /** The phase of an additive change on a table: EXPAND, unless the table waits for a rename in CONTRACT. */
    PhaseKind expand(SchemaChange.InTable change) {
        return renamed.contains(change.tableLocation()) ? PhaseKind.CONTRACT : PhaseKind.EXPAND;
    }

    String table(String schema, Table t) {
        return quoter.qualified(schema, t.name());
    }

    String qualified(String schema, String name) {
        return quoter.qualified(schema, name);
    }

    String ident(String name) {
        return quoter.ident(name);
    }

    static Step step(String description, String sql, Reverse reverse, LockImpact lock, SchemaChange source) {
        return new Step(description, sql, reverse, true, lock, source);
    }

    static Step outsideTransaction(String description, String sql, Reverse reverse, LockImpact lock, SchemaChange source) {
        return new Step(description, sql, reverse, false, lock, source);
    }

    static Reverse undo(String... statements) {
        return Reverse.Sql.of(statements);
    }

    /** A schema of {@code catalog} by name, or an empty one. */
    static Schema schema(Catalog catalog, String name) {
        return catalog.schema(name).orElseGet(() -> Schema.of(name, List.of()));
    }
}
