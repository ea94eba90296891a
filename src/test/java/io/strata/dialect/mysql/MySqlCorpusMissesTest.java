package io.strata.dialect.mysql;

import io.strata.testing.DeclarativeRoundTrip;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declarative pairs a corpus run found the planner could not carry out on MariaDB/MySQL: each is loaded as
 * {@code current} with rows, {@code desired} applied as {@code strata apply} does, then {@code current} applied
 * back; both legs must leave no difference, and rows stay where the change keeps data.
 */
class MySqlCorpusMissesTest {

    private final DeclarativeRoundTrip trip = DeclarativeRoundTrip.mysql();

    private DeclarativeRoundTrip.Outcome roundTrip(String current, String desired, String data) {
        DeclarativeRoundTrip.Outcome o = trip.run(current, desired, data);
        assertThat(o.forward().failure()).as("current -> desired").isNull();
        assertThat(o.back().failure()).as("desired -> current").isNull();
        return o;
    }

    @Test
    void autoIncrementComesWithItsKey() throws SQLException {
        String current = "CREATE TABLE t (id int NOT NULL, v int);\n";
        String data = "INSERT INTO t VALUES (1, 10), (2, 20);\n";
        DeclarativeRoundTrip.Outcome o = roundTrip(current,
                "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int);\n", data);
        assertThat(TestDatabases.rows(o.url(), "SELECT id, v FROM t ORDER BY id")).containsExactly("1|10", "2|20");
        o = roundTrip(current, "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, v int, KEY ix_id (id));\n", data);
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM t")).containsExactly("2");
    }

    @Test
    void virtualAndStoredSwapByDropAndAdd() throws SQLException {
        String current = "CREATE TABLE t (id int PRIMARY KEY, a int, c int AS (a * 2) VIRTUAL);\n";
        String desired = "CREATE TABLE t (id int PRIMARY KEY, a int, c int AS (a * 2) STORED);\n";
        DeclarativeRoundTrip.Outcome o = roundTrip(current, desired, "INSERT INTO t (id, a) VALUES (1, 5), (2, 7);\n");
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
        DeclarativeRoundTrip.Outcome o = roundTrip(current, replaced, data);
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM child")).containsExactly("2");
        String dropped = parent + "CREATE TABLE child (id int PRIMARY KEY, parent_id int);\n";
        o = roundTrip(current, dropped, data);
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM child")).containsExactly("2");
    }

    @Test
    void aLongUniqueHashIndexIsAddedWithAnAlgorithmTheServerTakes() throws SQLException {
        String current = "CREATE TABLE t (id int PRIMARY KEY, body text);\n";
        String desired = "CREATE TABLE t (id int PRIMARY KEY, body text, UNIQUE KEY uq_body (body) USING HASH);\n";
        DeclarativeRoundTrip.Outcome o = roundTrip(current, desired, "INSERT INTO t VALUES (1, 'a'), (2, 'b');\n");
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM t")).containsExactly("2");
    }

    @Test
    void aColumnRenamedOnlyInLetterCaseIsRenamedNotDropped() throws SQLException {
        String current = "CREATE TABLE t (id int PRIMARY KEY, Price int);\n";
        String desired = "CREATE TABLE t (id int PRIMARY KEY, price int);\n";
        DeclarativeRoundTrip.Outcome o = roundTrip(current, desired, "INSERT INTO t VALUES (1, 100), (2, 200);\n");
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
}
