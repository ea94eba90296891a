package io.strata.compat.relational;

import io.strata.compat.Effect;
import io.strata.model.Column;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.DropIndex;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.model.change.SchemaChange.ModifySchema;
import io.strata.model.change.SchemaChange.ModifyTable;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.TableChangeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.strata.compat.relational.Fixtures.MYSQL;
import static io.strata.compat.relational.Fixtures.PG;
import static io.strata.compat.relational.Fixtures.SCHEMA;
import static io.strata.compat.relational.Fixtures.TABLE;
import static io.strata.compat.relational.Fixtures.index;
import static io.strata.compat.relational.Fixtures.modify;
import static io.strata.compat.relational.Fixtures.tableWithOptions;
import static io.strata.compat.relational.Fixtures.textColumn;
import static io.strata.compat.relational.Fixtures.view;
import static io.strata.compat.relational.Fixtures.withCollation;
import static io.strata.compat.relational.Fixtures.withComment;
import static io.strata.model.change.ColumnChangeKind.CHARSET;
import static io.strata.model.change.ColumnChangeKind.COLLATION;
import static io.strata.model.change.ColumnChangeKind.COMMENT;
import static org.assertj.core.api.Assertions.assertThat;

/** Indexes, table and schema options, comments, collations and character sets, and changes without difference. */
class RelationalRulesIndexAndOptionsTest {

    private static final Index BY_CUSTOMER = index("orders_customer_idx", false, "customer_id");
    private static final Index UNIQUE_NUMBER = index("orders_number_idx", true, "number");
    private static final Column NOTE = textColumn("note");
    private static final View OPEN = view("open_orders", "SELECT id FROM orders WHERE paid", "id");

    private static Table innodb(String engine, String partitionBy, String comment) {
        return tableWithOptions(TABLE, partitionBy == null ? Map.of("engine", engine)
                : Map.of("engine", engine, "partition_by", partitionBy), comment);
    }

    private static ModifyTable modifyTable(Table from, Table to, TableChangeKind... kinds) {
        return new ModifyTable(SCHEMA, from, to, Set.of(kinds));
    }

    private static Schema schema(String charset, String comment) {
        return new Schema(SCHEMA, List.of(), List.of(), List.of(), List.of(), comment, charset, null, List.of());
    }

    static List<RuleCase> cases() {
        Index byCustomerDesc = new Index("orders_customer_idx", List.of(new IndexPart("customer_id", null, true, null, null)),
                false, "btree", null, List.of(), null);
        Index uniqueNumberAndTenant = index("orders_number_idx", true, "number", "tenant_id");
        Index uniqueNumberHash = new Index("orders_number_idx", UNIQUE_NUMBER.parts(), true, "hash", null, List.of(), "by number");
        return List.of(
                RuleCase.pg("INDEX_ADDED", new AddIndex(SCHEMA, TABLE, BY_CUSTOMER), new AddIndex(SCHEMA, TABLE, UNIQUE_NUMBER)),
                RuleCase.pg("INDEX_DROPPED", new DropIndex(SCHEMA, TABLE, BY_CUSTOMER), new DropIndex(SCHEMA, TABLE, UNIQUE_NUMBER)),
                RuleCase.pg("INDEX_MODIFIED", new ModifyIndex(SCHEMA, TABLE, BY_CUSTOMER, byCustomerDesc),
                        new ModifyIndex(SCHEMA, TABLE, UNIQUE_NUMBER, uniqueNumberAndTenant)),
                RuleCase.mysql("UNIQUE_INDEX_ADDED", new AddIndex(SCHEMA, TABLE, UNIQUE_NUMBER), new AddIndex(SCHEMA, TABLE, BY_CUSTOMER)),
                RuleCase.mysql("UNIQUE_INDEX_DROPPED", new DropIndex(SCHEMA, TABLE, UNIQUE_NUMBER), new DropIndex(SCHEMA, TABLE, BY_CUSTOMER)),
                RuleCase.mysql("UNIQUE_INDEX_MODIFIED", new ModifyIndex(SCHEMA, TABLE, UNIQUE_NUMBER, uniqueNumberAndTenant),
                        new ModifyIndex(SCHEMA, TABLE, UNIQUE_NUMBER, uniqueNumberHash)),
                RuleCase.pg("COMMENT_CHANGED", modify(NOTE, withComment(NOTE, "free text"), COMMENT),
                        modify(NOTE, withCollation(NOTE, "C", null), COLLATION)),
                RuleCase.mysql("DEFAULT_COLLATION_CHANGED", new ModifySchema(schema("latin1", null), schema("utf8mb4", null)),
                        new ModifySchema(schema("utf8mb4", null), schema("utf8mb4", "orders"))),
                RuleCase.mysql("TABLE_ENGINE_CHANGED",
                        modifyTable(innodb("MyISAM", null, null), innodb("InnoDB", null, null), TableChangeKind.ENGINE),
                        modifyTable(innodb("InnoDB", null, null), innodb("InnoDB", null, "orders"), TableChangeKind.COMMENT)),
                RuleCase.pg("TABLE_PARTITIONING_CHANGED",
                        modifyTable(innodb("heap", null, null), innodb("heap", "RANGE (created)", null), TableChangeKind.OPTIONS),
                        modifyTable(tableWithOptions(TABLE, Map.of(), null), tableWithOptions(TABLE, Map.of("persistence", "unlogged"), null),
                                TableChangeKind.OPTIONS)),
                RuleCase.pg("TABLE_OPTIONS_CHANGED",
                        modifyTable(tableWithOptions(TABLE, Map.of(), null), tableWithOptions(TABLE, Map.of("persistence", "unlogged"), null),
                                TableChangeKind.OPTIONS),
                        modifyTable(innodb("heap", null, null), innodb("heap", "RANGE (created)", null), TableChangeKind.OPTIONS)),
                RuleCase.pg("COLUMN_COLLATION_CHANGED", modify(NOTE, withCollation(NOTE, "und-x-icu", null), COLLATION),
                        modify(NOTE, withComment(NOTE, "free text"), COMMENT)),
                RuleCase.mysql("COLUMN_CHARSET_CHANGED", modify(withCollation(NOTE, null, "latin1"), withCollation(NOTE, null, "utf8mb4"), CHARSET),
                        modify(NOTE, withCollation(NOTE, "utf8mb4_bin", null), COLLATION)),
                RuleCase.pg("VIEW_DEFINITION_CHANGED",
                        new ModifyView(SCHEMA, OPEN, view("open_orders", "SELECT id FROM orders WHERE NOT paid", "id")),
                        new ModifyView(SCHEMA, OPEN, view("open_orders", "SELECT number FROM orders WHERE paid", "number"))),
                RuleCase.pg("NO_DIFFERENCE", modify(NOTE, NOTE), modify(NOTE, withComment(NOTE, "x"), COMMENT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void plainIndexesAreCompatibleForEveryRoleAndTellThePlannerToBuildConcurrently() {
        var finding = RelationalRules.classify(PG, List.of(new AddIndex(SCHEMA, TABLE, BY_CUSTOMER))).get(0);

        assertThat(finding.effects().values()).containsOnly(Effect.OK);
        assertThat(finding.recipe()).contains("CONCURRENTLY");
        assertThat(finding.message()).isEqualTo("index \"shop.orders.orders_customer_idx\" was added (compatible for every role)");
    }

    @Test
    void anIndexThatBecomesUniqueIsAUniqueIndexAdded() {
        assertThat(RuleCase.codes(MYSQL, new ModifyIndex(SCHEMA, TABLE, index("i", false, "number"), index("i", true, "number"))))
                .containsExactly("UNIQUE_INDEX_ADDED");
        assertThat(RuleCase.codes(MYSQL, new ModifyIndex(SCHEMA, TABLE, index("i", true, "number"), index("i", false, "number"))))
                .containsExactly("UNIQUE_INDEX_DROPPED");
    }

    @Test
    void aTableWithSeveralOptionKindsGetsOneFindingPerKind() {
        var change = modifyTable(innodb("MyISAM", null, null), innodb("InnoDB", null, "orders"),
                TableChangeKind.ENGINE, TableChangeKind.COMMENT);

        assertThat(RuleCase.codes(MYSQL, change)).containsExactly("TABLE_ENGINE_CHANGED", "COMMENT_CHANGED");
    }
}
