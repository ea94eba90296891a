package io.strata.dialect.mysql;

import io.strata.model.Catalog;
import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ForeignKey;
import io.strata.model.Identity;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MySqlInspectorTest checks the model the inspector builds for one representative database, field by field. */
class MySqlInspectorTest {

    private static final List<String> CREATED = new ArrayList<>();
    private static Schema shop;
    private static String databaseName;

    @BeforeAll
    static void inspectShop() throws SQLException {
        String url = fresh();
        TestDatabases.exec(url,
                """
                CREATE TABLE customers (
                  id INT NOT NULL PRIMARY KEY,
                  name VARCHAR(30) CHARACTER SET latin1,
                  plain VARCHAR(30)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""",
                """
                CREATE TABLE items (
                  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
                  customer_id INT,
                  sku VARCHAR(40) NOT NULL,
                  name VARCHAR(100) NOT NULL COMMENT 'shown to buyers',
                  status ENUM('new', 'it''s', 'done') NOT NULL DEFAULT 'new',
                  price DECIMAL(10,2) NOT NULL DEFAULT 0.00,
                  qty SMALLINT UNSIGNED NOT NULL DEFAULT 1,
                  doubled INT AS (qty * 2) VIRTUAL,
                  note VARCHAR(20) DEFAULT NULL,
                  quoted VARCHAR(20) DEFAULT 'it''s',
                  attrs JSON,
                  created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                  PRIMARY KEY (id),
                  UNIQUE KEY uq_sku (sku),
                  KEY ix_name (name(10)),
                  FULLTEXT KEY ft_name (name),
                  CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
                    ON DELETE SET NULL ON UPDATE CASCADE,
                  CONSTRAINT chk_price CHECK (price >= 0)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='things we sell'
                  AUTO_INCREMENT=500""",
                "CREATE VIEW cheap_items AS SELECT id, sku FROM items WHERE price < 10");
        try (Connection c = TestDatabases.connect(url)) {
            Catalog catalog = new MySqlInspector().inspect(c, List.of());
            assertThat(catalog.dialect()).isEqualTo("mysql");
            assertThat(catalog.serverVersion()).isNotBlank();
            shop = catalog.schemas().get(0);
            databaseName = shop.name();
        }
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabases.exec(TestDatabases.mysqlServerUrl(),
                CREATED.stream().map(db -> "DROP DATABASE IF EXISTS " + new MySqlQuoter().ident(db)).toArray(String[]::new));
    }

    /** A fresh database, remembered so it is dropped after the class. */
    private static String fresh() throws SQLException {
        String url = TestDatabases.freshMysql();
        try (Connection c = TestDatabases.connect(url)) {
            CREATED.add(c.getCatalog());
        }
        return url;
    }

    private static Table items() {
        return shop.table("items").orElseThrow();
    }

    private static Column column(String name) {
        return items().column(name).orElseThrow();
    }

    @Test
    void typesAndUnsigned() {
        assertThat(column("id").type()).isEqualTo(new ColumnType.IntegerType("bigint", 8, true));
        assertThat(column("qty").type()).isEqualTo(new ColumnType.IntegerType("smallint", 2, true));
        assertThat(column("customer_id").type()).isEqualTo(new ColumnType.IntegerType("int", 4, false));
        assertThat(column("price").type()).isEqualTo(new ColumnType.DecimalType("decimal", 10, 2, false));
        assertThat(column("sku").type()).isEqualTo(new ColumnType.StringType("varchar", ColumnType.StringKind.VARCHAR, 40));
        assertThat(column("created").type()).isInstanceOf(ColumnType.TemporalType.class);
    }

    @Test
    void enumMembersKeepQuotesAndOrder() {
        assertThat(column("status").type()).isEqualTo(new ColumnType.EnumValues("enum", List.of("new", "it's", "done")));
    }

    @Test
    void defaultsAreCanonical() {
        assertThat(column("status").defaultExpr()).isEqualTo("'new'");
        assertThat(column("price").defaultExpr()).isEqualTo("0.00");
        assertThat(column("qty").defaultExpr()).isEqualTo("1");
        assertThat(column("quoted").defaultExpr()).isEqualTo("'it''s'");
        assertThat(column("note").defaultExpr()).isNull();
        assertThat(column("note").nullable()).isTrue();
        assertThat(column("sku").defaultExpr()).isNull();
        assertThat(column("sku").nullable()).isFalse();
        assertThat(column("created").defaultExpr()).isEqualTo("current_timestamp()");
        assertThat(items().options()).containsEntry("on_update.created", "current_timestamp()");
    }

    @Test
    void autoIncrementIsAnIdentityAndItsCounterIsNotSchema() {
        assertThat(column("id").identity()).isEqualTo(Identity.autoIncrement());
        assertThat(column("id").defaultExpr()).isNull();
        assertThat(items().options()).doesNotContainKey("auto_increment");
        assertThat(items().options().values()).doesNotContain("500");
    }

    @Test
    void generatedColumns() {
        assertThat(column("doubled").generatedExpr()).isEqualTo("`qty` * 2");
        assertThat(column("doubled").generatedStored()).isFalse();
        assertThat(column("doubled").defaultExpr()).isNull();
    }

    @Test
    void charsetAndCollationOnlyWhenTheyDifferFromTheTable() {
        Table customers = shop.table("customers").orElseThrow();
        Column latin = customers.column("name").orElseThrow();
        assertThat(latin.charset()).isEqualTo("latin1");
        assertThat(latin.collation()).startsWith("latin1_");
        assertThat(customers.column("plain").orElseThrow().charset()).isNull();
        assertThat(customers.column("plain").orElseThrow().collation()).isNull();
        assertThat(items().options()).containsEntry("engine", "InnoDB").containsEntry("charset", "utf8mb4")
                .containsEntry("collation", "utf8mb4_unicode_ci");
        assertThat(items().comment()).isEqualTo("things we sell");
        assertThat(column("name").comment()).isEqualTo("shown to buyers");
    }

    @Test
    void jsonIsATypeAndItsImplicitCheckIsGone() {
        assertThat(column("attrs").type()).isEqualTo(new ColumnType.JsonType("json", false));
        assertThat(column("attrs").collation()).isNull();
        assertThat(items().checks()).extracting(Check::name).containsExactly("chk_price");
    }

    @Test
    void keysAndIndexes() {
        assertThat(items().primaryKey()).isEqualTo(new PrimaryKey("PRIMARY", List.of("id")));
        assertThat(items().uniques()).isEmpty();
        assertThat(items().indexes()).extracting(Index::name).containsExactly("fk_customer", "ft_name", "ix_name", "uq_sku");
        Index prefix = index("ix_name");
        assertThat(prefix.parts()).containsExactly(new IndexPart("name", null, false, null, 10));
        assertThat(prefix.unique()).isFalse();
        assertThat(prefix.method()).isEqualTo("BTREE");
        assertThat(index("uq_sku").unique()).isTrue();
        assertThat(index("ft_name").method()).isEqualTo("FULLTEXT");
        assertThat(index("ft_name").parts()).containsExactly(IndexPart.column("name"));
    }

    private static Index index(String name) {
        return items().indexes().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void foreignKeyActionsAndSameDatabaseReferences() {
        assertThat(items().foreignKeys()).containsExactly(new ForeignKey("fk_customer", List.of("customer_id"), null,
                "customers", List.of("id"), "CASCADE", "SET NULL", null));
    }

    @Test
    void checkExpressions() {
        assertThat(items().checks()).containsExactly(new Check("chk_price", "`price` >= 0", false));
    }

    @Test
    void viewsAreIndependentOfTheDatabaseName() {
        View view = shop.view("cheap_items").orElseThrow();
        assertThat(view.columns()).containsExactly("id", "sku");
        assertThat(view.definition()).doesNotContain(databaseName).contains("`items`");
        assertThat(shop.charset()).isNotBlank();
        assertThat(shop.collation()).startsWith(shop.charset());
    }

    @Test
    void queryCountDoesNotGrowWithTheTables() throws SQLException {
        int few = queriesFor(3);
        int many = queriesFor(30);
        assertThat(many).isEqualTo(few);
        // VERSION, DATABASE, then SCHEMATA, TABLES, COLUMNS, STATISTICS, foreign-key columns and rules,
        // checks, views, routines, triggers, events.
        assertThat(few).isEqualTo(13);
    }

    private static int queriesFor(int tables) throws SQLException {
        String url = fresh();
        List<String> ddl = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            ddl.add("CREATE TABLE t" + i + " (id INT PRIMARY KEY, parent INT, v VARCHAR(10) DEFAULT 'x', "
                    + "KEY ix_v (v), CONSTRAINT chk_" + i + " CHECK (id > 0)"
                    + (i > 0 ? ", CONSTRAINT fk_" + i + " FOREIGN KEY (parent) REFERENCES t" + (i - 1) + " (id)" : "") + ")");
            ddl.add("CREATE VIEW v" + i + " AS SELECT id FROM t" + i);
        }
        TestDatabases.exec(url, ddl.toArray(String[]::new));
        MySqlInspector inspector = new MySqlInspector();
        try (Connection c = TestDatabases.connect(url)) {
            Catalog catalog = inspector.inspect(c, List.of());
            assertThat(catalog.tableCount()).isEqualTo(tables);
            assertThat(catalog.schemas().get(0).views()).hasSize(tables);
        }
        return inspector.queryCount();
    }
}
