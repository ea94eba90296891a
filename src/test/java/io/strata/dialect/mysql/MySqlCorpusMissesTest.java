package io.strata.dialect.mysql;

import io.strata.dialect.Dialects;
import io.strata.error.StrataException;
import io.strata.migrate.Planner;
import io.strata.model.Catalog;
import io.strata.model.ForeignKey;
import io.strata.model.Table;
import io.strata.testing.DeclarativeRoundTrip;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Declarative pairs a corpus run found the planner could not carry out on MariaDB/MySQL: each is loaded as
 * {@code current} with rows, {@code desired} applied as {@code strata apply} does, then {@code current} applied
 * back; both legs must leave no difference, and rows stay where the change keeps data.
 */
class MySqlCorpusMissesTest {

    private final DeclarativeRoundTrip trip = DeclarativeRoundTrip.mysql();

    @Test
    void autoIncrementComesWithItsKey() throws SQLException {
        String current = "CREATE TABLE t (id int NOT NULL, v int);\n";
        String data = "INSERT INTO t VALUES (1, 10), (2, 20);\n";
        DeclarativeRoundTrip.Outcome o = trip.converges(current,
                "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int);\n", data);
        assertThat(TestDatabases.rows(o.url(), "SELECT id, v FROM t ORDER BY id")).containsExactly("1|10", "2|20");
        o = trip.converges(current, "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, v int, KEY ix_id (id));\n", data);
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM t")).containsExactly("2");
    }

    @Test
    void virtualAndStoredSwapByDropAndAdd() throws SQLException {
        String current = "CREATE TABLE t (id int PRIMARY KEY, a int, c int AS (a * 2) VIRTUAL);\n";
        String desired = "CREATE TABLE t (id int PRIMARY KEY, a int, c int AS (a * 2) STORED);\n";
        DeclarativeRoundTrip.Outcome o = trip.converges(current, desired, "INSERT INTO t (id, a) VALUES (1, 5), (2, 7);\n");
        assertThat(TestDatabases.rows(o.url(), "SELECT id, a, c FROM t ORDER BY id")).containsExactly("1|5|10", "2|7|14");
    }

    @Test
    void aGeneratedColumnBecomesRegularWithItsValuesAndBack() throws SQLException {
        String current = "CREATE TABLE t (id int PRIMARY KEY, a int, c int AS (a * 2) STORED);\n";
        String desired = "CREATE TABLE t (id int PRIMARY KEY, a int, c int);\n";
        String url = trip.load(current, "INSERT INTO t (id, a) VALUES (1, 5), (2, 7);\n");
        assertThat(trip.apply(url, desired, "1").failure()).isNull();
        assertThat(TestDatabases.rows(url, "SELECT id, a, c FROM t ORDER BY id")).containsExactly("1|5|10", "2|7|14");
        TestDatabases.exec(url, "UPDATE t SET c = 99 WHERE id = 1");
        // Regular -> generated replaces the column's own values: destructive, backed up like a dropped column.
        assertThat(trip.apply(url, current, "2").failure()).isNull();
        assertThat(TestDatabases.rows(url, "SELECT id, a, c FROM t ORDER BY id")).containsExactly("1|5|10", "2|7|14");
    }

    @Test
    void anIndexAForeignKeyNeedsIsReplacedOrDroppedAfterTheKey() throws SQLException {
        String parent = "CREATE TABLE parent (id int PRIMARY KEY);\n";
        String current = parent + "CREATE TABLE child (id int PRIMARY KEY, parent_id int, KEY ix_a (parent_id),"
                + " CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id));\n";
        String data = "INSERT INTO parent VALUES (1), (2);\nINSERT INTO child VALUES (10, 1), (11, 2);\n";
        String replaced = parent + "CREATE TABLE child (id int PRIMARY KEY, parent_id int, KEY ix_b (parent_id, id),"
                + " CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id));\n";
        DeclarativeRoundTrip.Outcome o = trip.converges(current, replaced, data);
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM child")).containsExactly("2");
        String dropped = parent + "CREATE TABLE child (id int PRIMARY KEY, parent_id int);\n";
        o = trip.converges(current, dropped, data);
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM child")).containsExactly("2");
    }

    @Test
    void aLongUniqueHashIndexIsAddedWithAnAlgorithmTheServerTakes() throws SQLException {
        String current = "CREATE TABLE t (id int PRIMARY KEY, body text);\n";
        String desired = "CREATE TABLE t (id int PRIMARY KEY, body text, UNIQUE KEY uq_body (body) USING HASH);\n";
        DeclarativeRoundTrip.Outcome o = trip.converges(current, desired, "INSERT INTO t VALUES (1, 'a'), (2, 'b');\n");
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM t")).containsExactly("2");
    }

    @Test
    void aColumnRenamedOnlyInLetterCaseIsRenamedNotDropped() throws SQLException {
        String current = "CREATE TABLE t (id int PRIMARY KEY, Price int);\n";
        String desired = "CREATE TABLE t (id int PRIMARY KEY, price int);\n";
        DeclarativeRoundTrip.Outcome o = trip.converges(current, desired, "INSERT INTO t VALUES (1, 100), (2, 200);\n");
        assertThat(TestDatabases.rows(o.url(), "SELECT id, Price FROM t ORDER BY id")).containsExactly("1|100", "2|200");
        assertThat(TestDatabases.rows(o.url(), "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION")).containsExactly("id", "Price");
    }

    @Test
    void onUpdateCurrentTimestampIsPlannedBothWays() throws SQLException {
        String current = "CREATE TABLE t (id int PRIMARY KEY, changed datetime NULL DEFAULT NULL);\n";
        String desired = "CREATE TABLE t (id int PRIMARY KEY, changed datetime NULL DEFAULT NULL ON UPDATE current_timestamp());\n";
        String url = trip.load(current, "INSERT INTO t VALUES (1, NULL);\n");
        assertThat(trip.apply(url, desired, "1").failure()).isNull();
        assertThat(TestDatabases.rows(url, "SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND COLUMN_NAME = 'changed'")).containsExactly("on update current_timestamp()");
        assertThat(trip.apply(url, current, "2").failure()).isNull();
        assertThat(TestDatabases.rows(url, "SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND COLUMN_NAME = 'changed'")).containsExactly("");
    }

    @Test
    void aDeferrableForeignKeyInADesiredFileIsAClearError() throws SQLException {
        String current = "CREATE TABLE parent (id int PRIMARY KEY);\nCREATE TABLE child (id int PRIMARY KEY, parent_id int);\n";
        String desired = "CREATE TABLE parent (id int PRIMARY KEY);\nCREATE TABLE child (id int PRIMARY KEY, parent_id int,\n"
                + "  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);\n";
        String url = trip.load(current, null);
        // The server refuses the syntax: the error names the file, the line and the words it refused.
        assertThatThrownBy(() -> trip.apply(url, desired, "1")).isInstanceOf(StrataException.class)
                .hasMessageMatching("(?s).*\\.sql:2: .*near 'DEFERRABLE INITIALLY DEFERRED\\).*");
        assertThat(TestDatabases.rows(url, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE()")).containsExactly("0");
    }

    @Test
    void aDeferrableForeignKeyInAModelIsRefusedNamingIt() {
        String url = trip.load("CREATE TABLE parent (id int PRIMARY KEY);\nCREATE TABLE child (id int PRIMARY KEY, parent_id int);\n", null);
        Catalog live = inspect(url);
        Table child = live.schemas().get(0).table("child").orElseThrow();
        ForeignKey fk = new ForeignKey("fk_parent", List.of("parent_id"), null, "parent", List.of("id"), null, null,
                "DEFERRABLE INITIALLY DEFERRED");
        Table deferred = new Table(child.name(), child.columns(), child.primaryKey(), child.uniques(), child.indexes(),
                List.of(fk), child.checks(), child.comment(), child.options(), null);
        Catalog desired = live.withSchemas(List.of(live.schemas().get(0).withTables(List.of(
                live.schemas().get(0).table("parent").orElseThrow(), deferred))));
        assertThatThrownBy(() -> Planner.plan(live, desired, Dialects.byName("mysql"), ""))
                .isInstanceOf(StrataException.class)
                .hasMessage("foreign key fk_parent of table child is DEFERRABLE INITIALLY DEFERRED, but MySQL and MariaDB"
                        + " check constraints at once and have no deferrable ones: remove DEFERRABLE INITIALLY DEFERRED"
                        + " from the desired schema");
    }

    private static Catalog inspect(String url) {
        try (java.sql.Connection c = TestDatabases.connect(url)) {
            return Dialects.byName("mysql").inspector().inspect(c, List.of());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
