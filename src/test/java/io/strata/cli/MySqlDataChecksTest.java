package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-flight data checks of {@code strata apply} on MariaDB: a step that would fail on the target's rows refuses
 * the apply before its first statement, and the target's schema, rows and history stay as they were. A required
 * column added without default is not refused: MariaDB fills existing rows with the type's implicit default.
 */
class MySqlDataChecksTest {

    private static final String ORDERS = "id int PRIMARY KEY, code varchar(20), sku varchar(20), note varchar(40)";

    @TempDir
    Path dir;

    private static String target() {
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, "CREATE TABLE orders (" + ORDERS + ")",
                "INSERT INTO orders SELECT seq, seq, concat('sku-', seq), concat('n', seq) FROM seq_1_to_200");
        return url;
    }

    private Path desired(String orders, String... more) throws Exception {
        Path file = dir.resolve("desired.sql");
        Files.writeString(file, "CREATE TABLE orders (" + orders + ");\n" + String.join(";\n", more));
        return file;
    }

    private static List<String> snapshot(String url) throws Exception {
        List<String> out = new ArrayList<>();
        String db = TestDatabases.databaseName(url);
        out.addAll(TestDatabases.rows(url, "SELECT column_name, column_type, is_nullable FROM information_schema.columns "
                + "WHERE table_schema = '" + db + "' AND table_name = 'orders' ORDER BY ordinal_position"));
        out.addAll(TestDatabases.rows(url, "SELECT index_name, column_name, non_unique FROM information_schema.statistics "
                + "WHERE table_schema = '" + db + "' AND table_name = 'orders' ORDER BY index_name, seq_in_index"));
        out.addAll(TestDatabases.rows(url, "SELECT * FROM orders ORDER BY id"));
        return out;
    }

    private static CliRun apply(Path desired, String url) {
        return CliRun.of("apply", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(), desired.toString(),
                "--url", url, "--version", "2");
    }

    private static String refused(Path desired, String url) throws Exception {
        List<String> before = snapshot(url);
        CliRun run = apply(desired, url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("version 2 refused").contains("nothing was run").doesNotContain("Exception");
        assertThat(snapshot(url)).isEqualTo(before);
        assertThat(CliRun.of("status", "--url", url).out()).contains("no migrations recorded");
        return run.err();
    }

    @Test
    void textToIntWithValuesThatDoNotCastIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET code = concat('A-', id) WHERE id IN (3, 4)");

        String err = refused(desired(ORDERS.replace("code varchar(20)", "code int")), url);
        assertThat(err).contains("would fail [TYPE]: 2 rows of `orders` have a value of `code` that does not fit int")
                .contains("(id 3, 4)");
    }

    @Test
    void setNotNullOverNullsIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET note = NULL WHERE id IN (7, 9)");

        String err = refused(desired(ORDERS.replace("note varchar(40)", "note varchar(40) NOT NULL")), url);
        assertThat(err).contains("would fail [NOT NULL]: 2 rows of `orders` have `note` NULL (id 7, 9)");
    }

    @Test
    void aUniqueKeyOnDuplicatesIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET sku = 'dup' WHERE id IN (20, 21)");

        String err = refused(desired(ORDERS + ", UNIQUE KEY orders_sku (sku)"), url);
        assertThat(err).contains("would fail [UNIQUE]: 2 rows of `orders` have a value of `sku` that another row has (sku dup)");
    }

    @Test
    void anEnumMemberRemovedThatRowsStillHoldIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "CREATE TABLE invoices (id int PRIMARY KEY, state enum('new','paid','void') NOT NULL)",
                "INSERT INTO invoices VALUES (1, 'paid'), (2, 'void'), (3, 'new')");
        Path desired = desired(ORDERS, "CREATE TABLE invoices (id int PRIMARY KEY, state enum('new','paid') NOT NULL)");

        CliRun run = apply(desired, url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("would fail [TYPE]: 1 row of `invoices` has a value of `state` that does not fit "
                + "enum('new','paid') (id 2)");
        assertThat(TestDatabases.rows(url, "SELECT column_type FROM information_schema.columns WHERE table_schema = '"
                + TestDatabases.databaseName(url) + "' AND table_name = 'invoices' AND column_name = 'state'"))
                .containsExactly("enum('new','paid','void')");
        assertThat(TestDatabases.rows(url, "SELECT state FROM invoices ORDER BY id")).containsExactly("paid", "void", "new");
    }

    @Test
    void aRequiredColumnWithoutDefaultIsNotRefusedSinceMariaDbFillsIt() throws Exception {
        String url = target();

        CliRun run = apply(desired(ORDERS + ", currency char(3) NOT NULL"), url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM orders WHERE currency = ''")).containsExactly("200");
    }

    private static final String EVENTS_TYPED = "CREATE TABLE events (id int PRIMARY KEY, day date, at datetime)";

    /** Varchar columns about to become a DATE and a DATETIME; every value readable, row 10 without values. */
    private static String events(String url) {
        TestDatabases.exec(url, "CREATE TABLE events (id int PRIMARY KEY, day varchar(20), at varchar(30))",
                "INSERT INTO events SELECT seq, concat('2024-01-', lpad(seq, 2, '0')), concat('2024-01-05 10:', lpad(seq, 2, '0')) "
                        + "FROM seq_1_to_10",
                "UPDATE events SET day = NULL, at = NULL WHERE id = 10");
        return url;
    }

    @Test
    void textThatDoesNotReadAsADateOrDatetimeIsRefused() throws Exception {
        String url = events(target());
        // A 30th of February, words, a date with text after it (MariaDB's CAST reads its start), an hour 25.
        TestDatabases.exec(url, "UPDATE events SET day = '2024-02-30' WHERE id = 2",
                "UPDATE events SET day = 'soon' WHERE id = 3",
                "UPDATE events SET day = '2024-01-04 or so' WHERE id = 4",
                "UPDATE events SET at = '2024-01-05 25:00' WHERE id = 6");
        List<String> rows = TestDatabases.rows(url, "SELECT concat_ws('|', id, day, at) FROM events ORDER BY id");

        String err = refused(desired(ORDERS, EVENTS_TYPED), url);
        assertThat(err).contains("would fail [TYPE]: 3 rows of `events` have a value of `day` that does not read as date (id 2, 3, 4)")
                .contains("would fail [TYPE]: 1 row of `events` has a value of `at` that does not read as datetime (id 6)");
        assertThat(TestDatabases.rows(url, "SELECT concat_ws('|', id, day, at) FROM events ORDER BY id")).isEqualTo(rows);
    }

    @Test
    void textThatReadsAsDatesAndDatetimesPassesAndConverts() throws Exception {
        String url = events(target());
        // Forms the servers read: slashes, no separators, one-digit parts.
        TestDatabases.exec(url, "UPDATE events SET day = '2024/1/5', at = '20240105103000' WHERE id = 5");

        CliRun run = apply(desired(ORDERS, EVENTS_TYPED), url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT concat_ws('|', id, day, at) FROM events WHERE id IN (1, 5) ORDER BY id"))
                .containsExactly("1|2024-01-01|2024-01-05 10:01:00", "5|2024-01-05|2024-01-05 10:30:00");
    }

    @Test
    void aUniquePrefixIndexIsCheckedOnThePrefix() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET note = concat('abcdef-', id) WHERE id IN (30, 31)");

        String err = refused(desired(ORDERS + ", UNIQUE KEY orders_note (note(6))"), url);
        assertThat(err).contains("would fail [UNIQUE]: 2 rows of `orders` have a value of `note`(6) that another row has "
                + "(`note`(6) abcdef)");

        TestDatabases.exec(url, "UPDATE orders SET note = concat('n', id) WHERE id = 31");
        CliRun run = apply(desired(ORDERS + ", UNIQUE KEY orders_note (note(6))"), url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT sub_part FROM information_schema.statistics WHERE table_schema = '"
                + TestDatabases.databaseName(url) + "' AND index_name = 'orders_note'")).containsExactly("6");
    }

    @Test
    void aForeignKeyToATableTheSamePlanCreatesRefusesEveryKeyedRow() throws Exception {
        String url = target();
        Path desired = desired(ORDERS + ", CONSTRAINT orders_code FOREIGN KEY (code) REFERENCES codes (code)",
                "CREATE TABLE codes (code varchar(20) PRIMARY KEY)");

        String err = refused(desired, url);
        assertThat(err).contains("would fail [FOREIGN KEY]: 200 rows of `orders` have a value of `code` while `codes` is a "
                + "new table, without rows when the key is added (id 1, 2, 3, 4, 5, ...)");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + TestDatabases.databaseName(url) + "' AND table_name = 'codes'")).containsExactly("0");

        TestDatabases.exec(url, "UPDATE orders SET code = NULL");
        CliRun run = apply(desired, url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT referenced_table_name FROM information_schema.referential_constraints "
                + "WHERE constraint_schema = '" + TestDatabases.databaseName(url) + "'")).containsExactly("codes");
    }
}
