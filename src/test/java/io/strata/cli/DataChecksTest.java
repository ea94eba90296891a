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
 * The pre-flight data checks of {@code strata apply} on PostgreSQL: a plan whose step would fail on the target's rows
 * is refused before its first statement, naming the step, the rule, the count and the first rows, and the target's
 * schema, rows and history stay as they were; {@code --skip-data-checks} runs it anyway and says so in the history.
 */
class DataChecksTest {

    /** 200 orders; customer 1 and 2 exist; the rows the tests below change are named there. */
    private static final String CURRENT = """
            CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (
              id int PRIMARY KEY,
              customer_id int,
              code text,
              sku varchar(20),
              note varchar(40),
              amount numeric(10,2)
            );
            """;

    @TempDir
    Path dir;

    private static String dev() {
        return TestDatabases.postgresServerUrl();
    }

    private String target() {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, CURRENT,
                "INSERT INTO customers VALUES (1, 'ann'), (2, 'bob')",
                "INSERT INTO orders SELECT g, 1 + g % 2, g::text, 'sku-' || g, 'n' || g, g FROM generate_series(1, 200) g");
        return url;
    }

    private Path desired(String ordersTable, String... more) throws Exception {
        Path file = dir.resolve("desired.sql");
        Files.writeString(file, "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);\n"
                + "CREATE TABLE orders (" + ordersTable + ");\n" + String.join(";\n", more));
        return file;
    }

    private static final String ORDERS = "id int PRIMARY KEY, customer_id int, code text, sku varchar(20), note varchar(40), "
            + "amount numeric(10,2)";

    /** The target's tables, columns, constraints and indexes, and every row of both tables, as text. */
    private static List<String> snapshot(String url) throws Exception {
        List<String> out = new ArrayList<>();
        out.addAll(TestDatabases.rows(url, "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable "
                + "FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('orders', 'customers') ORDER BY table_name, ordinal_position"));
        out.addAll(TestDatabases.rows(url, "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid IN ('orders'::regclass, 'customers'::regclass) ORDER BY 1, 2"));
        out.addAll(TestDatabases.rows(url, "SELECT indexdef FROM pg_indexes WHERE tablename IN ('orders', 'customers') ORDER BY indexname"));
        out.addAll(TestDatabases.rows(url, "SELECT o::text FROM orders o ORDER BY id"));
        out.addAll(TestDatabases.rows(url, "SELECT c::text FROM customers c ORDER BY id"));
        return out;
    }

    private static CliRun apply(Path desired, String url, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--dev-url", dev(), desired.toString(), "--url", url));
        args.addAll(List.of(more));
        if (!args.contains("--version")) {
            args.addAll(List.of("--version", "2"));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Applies {@code desired}, expects the refusal, and that nothing on the target changed; returns the error text. */
    private static String refused(Path desired, String url) throws Exception {
        List<String> before = snapshot(url);
        CliRun run = apply(desired, url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("version 2 refused").contains("nothing was run").contains("--skip-data-checks")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(snapshot(url)).isEqualTo(before);
        assertThat(CliRun.of("status", "--url", url).out()).contains("no migrations recorded");
        return run.err();
    }

    @Test
    void aRequiredColumnWithoutDefaultOnAFilledTableIsRefusedAndSkippingIsRecorded() throws Exception {
        String url = target();
        Path desired = desired(ORDERS + ", currency char(3) NOT NULL");

        String err = refused(desired, url);
        assertThat(err).containsPattern("step \\d+ \\(ALTER TABLE [^)]*\"orders\"[^\\n]*\\) would fail \\[NOT NULL\\]: "
                + "200 rows of \"orders\" have no value for new column \"currency\" \\(no default\\) \\(id 1, 2, 3, 4, 5, \\.\\.\\.\\)");

        // Skipped, the plan runs (and fails on the same rows, as the check said); the history says it ran unchecked.
        CliRun skipped = apply(desired, url, "--skip-data-checks");
        assertThat(skipped.exitCode()).isEqualTo(1);
        CliRun status = CliRun.of("status", "--url", url, "--format", "json");
        assertThat(status.json().get("history").get(0).get("dataChecks").asText()).isEqualTo("skipped");
        assertThat(CliRun.of("status", "--url", url).out()).contains("applied with --skip-data-checks");
    }

    @Test
    void aPhasedRequiredColumnIsCheckedWhenItsContractPhaseRunsNotBefore() throws Exception {
        String url = target();
        Path desired = desired(ORDERS + ", currency char(3) NOT NULL");

        // EXPAND adds the column nullable: nothing in it depends on the rows.
        CliRun expand = apply(desired, url, "--phase", "expand");
        assertThat(expand.exitCode()).as(expand.out() + expand.err()).isZero();

        List<String> before = snapshot(url);
        CliRun early = apply(desired, url, "--version", "3", "--phase", "contract");
        assertThat(early.exitCode()).as(early.out() + early.err()).isEqualTo(1);
        assertThat(early.err()).contains("version 3 refused")
                .contains("would fail [NOT NULL]: 200 rows of \"orders\" have \"currency\" NULL (id 1, 2, 3, 4, 5, ...)");
        assertThat(snapshot(url)).isEqualTo(before);
        assertThat(CliRun.of("status", "--url", url, "--format", "json").json().get("history")).hasSize(1);

        // Once the new clients have written the column, CONTRACT passes its check and makes it NOT NULL.
        TestDatabases.exec(url, "UPDATE orders SET currency = 'EUR'");
        CliRun contract = apply(desired, url, "--version", "3", "--phase", "contract");
        assertThat(contract.exitCode()).as(contract.out() + contract.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'orders' "
                + "AND column_name = 'currency'")).containsExactly("NO");
        var history = CliRun.of("status", "--url", url, "--format", "json").json().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("dataChecks").asText()).isEqualTo("passed");
    }

    @Test
    void setNotNullOnAColumnWithNullsIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET note = NULL WHERE id IN (7, 9, 11)");

        String err = refused(desired(ORDERS.replace("note varchar(40)", "note varchar(40) NOT NULL")), url);
        assertThat(err).contains("would fail [NOT NULL]: 3 rows of \"orders\" have \"note\" NULL (id 7, 9, 11)");
    }

    @Test
    void textToIntWithValuesThatDoNotCastIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET code = 'A-' || id WHERE id IN (3, 4)",
                "UPDATE orders SET code = '99999999999' WHERE id = 5");

        String err = refused(desired(ORDERS.replace("code text", "code int")), url);
        // The step named is the one that would fail: the backfill of the new column, shown without its bookkeeping comment.
        assertThat(err).containsPattern("step \\d+ \\(UPDATE \"public\".\"orders\" SET \"code_strata_new\" = \\(\"code\"\\)::integer\\) ")
                .contains("would fail [TYPE]: 3 rows of \"orders\" have a value of \"code\" that does not fit integer")
                .contains("(id 3, 4, 5)");
    }

    @Test
    void aNarrowedVarcharShorterThanItsValuesIsRefused() throws Exception {
        String url = target();

        String err = refused(desired(ORDERS.replace("sku varchar(20)", "sku varchar(6)")), url);
        // sku-1 .. sku-99 fit in 6 characters; sku-100 .. sku-200 do not.
        assertThat(err).contains("would fail [TYPE]: 101 rows of \"orders\" have a value of \"sku\" that does not fit "
                + "character varying(6) (id 100, 101, 102, 103, 104, ...)");

        // Forced past the check, the change fails on the first value too long instead of cutting it.
        CliRun forced = apply(desired(ORDERS.replace("sku varchar(20)", "sku varchar(6)")), url, "--skip-data-checks");
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isNotZero();
        assertThat(forced.out() + forced.err()).contains("value too long");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM orders WHERE length(sku) > 6")).containsExactly("101");
    }

    @Test
    void aUniqueIndexOnDuplicatesIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET sku = 'dup' WHERE id IN (20, 21, 22)");

        String err = refused(desired(ORDERS, "CREATE UNIQUE INDEX orders_sku ON orders (sku)"), url);
        assertThat(err).contains("would fail [UNIQUE]: 3 rows of \"orders\" have a value of \"sku\" that another row has (sku dup)");
    }

    @Test
    void aForeignKeyWithOrphansIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET customer_id = 42 WHERE id IN (100, 101)");

        String err = refused(desired(ORDERS.replace("customer_id int", "customer_id int REFERENCES customers (id)")), url);
        assertThat(err).contains("would fail [FOREIGN KEY]: 2 rows of \"orders\" have a value of \"customer_id\" "
                + "that no row of \"customers\" has (customer_id 42, 42)");
    }

    @Test
    void aCheckThatRowsViolateIsRefused() throws Exception {
        String url = target();

        String err = refused(desired(ORDERS + ", CONSTRAINT small CHECK (amount < 150)"), url);
        assertThat(err).contains("would fail [CHECK]: 51 rows of \"orders\" have values that check \"small\" refuses "
                + "(id 150, 151, 152, 153, 154, ...)");
    }

    @Test
    void anEnumValueRemovedThatRowsStillHoldIsRefused() throws Exception {
        String url = target();
        TestDatabases.exec(url, "CREATE TYPE state AS ENUM ('new', 'paid', 'void')",
                "CREATE TABLE invoices (id int PRIMARY KEY, state state NOT NULL)",
                "INSERT INTO invoices SELECT g, CASE WHEN g IN (4, 8) THEN 'void' ELSE 'paid' END::state FROM generate_series(1, 10) g");
        List<String> invoices = TestDatabases.rows(url, "SELECT i::text FROM invoices i ORDER BY id");
        Path desired = desired(ORDERS, "CREATE TYPE state AS ENUM ('new', 'paid')",
                "CREATE TABLE invoices (id int PRIMARY KEY, state state NOT NULL)");

        String err = refused(desired, url);
        assertThat(err).contains("would fail [ENUM]: 2 rows of \"invoices\" have a value of \"state\" that enum \"state\" "
                + "no longer has (id 4, 8)");
        assertThat(TestDatabases.rows(url, "SELECT enum_range(NULL::state)::text")).containsExactly("{new,paid,void}");
        assertThat(TestDatabases.rows(url, "SELECT i::text FROM invoices i ORDER BY id")).isEqualTo(invoices);
    }

    @Test
    void aCheckTheServerCannotRunBeforeThePlanIsReportedAsNotDoneAndThePlanRuns() throws Exception {
        String url = target();
        // The check names a column the same plan adds: its query cannot run before the plan does.
        Path desired = desired(ORDERS + ", discount numeric(10,2), CONSTRAINT fair CHECK (discount < amount)");

        CliRun run = apply(desired, url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("data check of step \\d+ \\[CHECK\\] on \"orders\" not done: .*discount");
        assertThat(TestDatabases.rows(url, "SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass "
                + "AND contype = 'c'")).containsExactly("fair");
    }

    @Test
    void rowsThatFitPassAndThePlanRunsWithTheChecksRecorded() throws Exception {
        String url = target();
        Path desired = desired(ORDERS.replace("code text", "code int").replace("note varchar(40)", "note varchar(40) NOT NULL")
                .replace("customer_id int", "customer_id int REFERENCES customers (id)"),
                "CREATE UNIQUE INDEX orders_sku ON orders (sku)");

        CliRun run = apply(desired, url);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' "
                + "AND column_name = 'code'")).containsExactly("integer");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM orders")).containsExactly("200");
        CliRun status = CliRun.of("status", "--url", url, "--format", "json");
        assertThat(status.json().get("history").get(0).get("dataChecks").asText()).isEqualTo("passed");
        assertThat(status.json().get("history").get(0).get("state").asText()).isEqualTo("success");
    }

    /** Text columns about to become a date, a timestamp, a boolean and a uuid; ids 1 to 20, every value readable. */
    private static String events(String url) {
        TestDatabases.exec(url, "CREATE TABLE events (id int PRIMARY KEY, day text, at varchar(40), flag text, ref text)",
                "INSERT INTO events SELECT g, '2024-01-' || lpad(g::text, 2, '0'), '2024-01-05 10:' || lpad(g::text, 2, '0'), "
                        + "CASE WHEN g % 2 = 0 THEN 'yes' ELSE 'f' END, md5(g::text)::uuid::text FROM generate_series(1, 20) g",
                "UPDATE events SET day = NULL, at = NULL, flag = NULL, ref = NULL WHERE id = 20");
        return url;
    }

    private static final String EVENTS_TYPED = "CREATE TABLE events (id int PRIMARY KEY, day date, at timestamp, flag boolean, ref uuid)";

    @Test
    void textThatDoesNotReadAsADateTimestampBooleanOrUuidIsRefused() throws Exception {
        String url = events(target());
        TestDatabases.exec(url, "UPDATE events SET day = '2024-02-30' WHERE id = 3",
                "UPDATE events SET day = 'soon' WHERE id = 4",
                "UPDATE events SET at = '2024-01-05 25:00' WHERE id = 6",
                "UPDATE events SET flag = 'maybe' WHERE id IN (7, 8)",
                "UPDATE events SET ref = 'not-a-uuid' WHERE id = 9");
        List<String> events = TestDatabases.rows(url, "SELECT e::text FROM events e ORDER BY id");

        String err = refused(desired(ORDERS, EVENTS_TYPED), url);
        assertThat(err).contains("would fail [TYPE]: 2 rows of \"events\" have a value of \"day\" that does not read as date (id 3, 4)")
                .contains("would fail [TYPE]: 1 row of \"events\" has a value of \"at\" that does not read as "
                        + "timestamp without time zone (id 6)")
                .contains("would fail [TYPE]: 2 rows of \"events\" have a value of \"flag\" that does not read as boolean (id 7, 8)")
                .contains("would fail [TYPE]: 1 row of \"events\" has a value of \"ref\" that does not read as uuid (id 9)");
        assertThat(TestDatabases.rows(url, "SELECT e::text FROM events e ORDER BY id")).isEqualTo(events);
        // The test function lived in the session's pg_temp: nothing is left in the user's schemas.
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE p.proname LIKE 'strata%' AND n.nspname NOT LIKE 'pg_temp%'")).containsExactly("0");
    }

    @Test
    void textThatReadsAsDatesTimestampsBooleansAndUuidsPassesAndConverts() throws Exception {
        String url = events(target());

        CliRun run = apply(desired(ORDERS, EVENTS_TYPED), url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT day::text || ' ' || at::text || ' ' || flag::text || ' ' || ref::text "
                + "FROM events WHERE id = 2")).containsExactly("2024-01-02 2024-01-05 10:02:00 true " + TestDatabases.rows(url,
                "SELECT md5('2')::uuid::text").get(0));
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM events WHERE day IS NULL")).containsExactly("1");
        assertThat(CliRun.of("status", "--url", url, "--format", "json").json().get("history").get(0).get("dataChecks")
                .asText()).isEqualTo("passed");
    }

    @Test
    void aPartialUniqueIndexIsCheckedAmongTheRowsItKeepsAndAnExpressionIndexOnItsValues() throws Exception {
        String url = target();
        // Duplicates among big orders (the index keeps them), among small ones (it does not), and by case only.
        TestDatabases.exec(url, "UPDATE orders SET sku = 'big' WHERE id IN (150, 160)",
                "UPDATE orders SET sku = 'small' WHERE id IN (10, 11)",
                "UPDATE orders SET note = 'N7' WHERE id = 8");

        String err = refused(desired(ORDERS, "CREATE UNIQUE INDEX orders_big_sku ON orders (sku) WHERE amount > 100",
                "CREATE UNIQUE INDEX orders_note ON orders (lower(note))"), url);
        assertThat(err).containsPattern("would fail \\[UNIQUE\\]: 2 rows of \"orders\" have a value of \"sku\" that another "
                        + "row where \\(?amount > \\(?100\\)?(::numeric)?\\)? has \\(\"sku\" big\\)")
                .containsPattern("would fail \\[UNIQUE\\]: 2 rows of \"orders\" have a value of lower\\(\\(?note\\)?(::text)?\\) "
                        + "that another row has \\(lower\\(\\(?note\\)?(::text)?\\) n7\\)");
    }

    @Test
    void aPartialUniqueIndexWithDuplicatesOnlyAmongTheRowsItLeavesOutPasses() throws Exception {
        String url = target();
        TestDatabases.exec(url, "UPDATE orders SET sku = 'small' WHERE id IN (10, 11)");

        CliRun run = apply(desired(ORDERS, "CREATE UNIQUE INDEX orders_big_sku ON orders (sku) WHERE amount > 100",
                "CREATE UNIQUE INDEX orders_note ON orders (lower(note))"), url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT indexname FROM pg_indexes WHERE tablename = 'orders' AND indexname "
                + "LIKE 'orders_%' AND indexname <> 'orders_pkey' ORDER BY 1")).containsExactly("orders_big_sku", "orders_note");
    }

    @Test
    void aForeignKeyToATableTheSamePlanCreatesRefusesEveryKeyedRow() throws Exception {
        String url = target();
        Path desired = desired(ORDERS.replace("customer_id int", "customer_id int REFERENCES accounts (id)"),
                "CREATE TABLE accounts (id int PRIMARY KEY)");

        String err = refused(desired, url);
        assertThat(err).contains("would fail [FOREIGN KEY]: 200 rows of \"orders\" have a value of \"customer_id\" while "
                + "\"accounts\" is a new table, without rows when the key is added (id 1, 2, 3, 4, 5, ...)");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'")).containsExactly("0");

        // Orders without a customer have nothing to point at: the same plan passes and runs.
        TestDatabases.exec(url, "UPDATE orders SET customer_id = NULL");
        CliRun run = apply(desired, url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT confrelid::regclass::text FROM pg_constraint WHERE conrelid = "
                + "'orders'::regclass AND contype = 'f'")).containsExactly("accounts");
    }
}
