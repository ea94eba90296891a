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
}
