package io.strata.cli;

import io.strata.dialect.Dialects;
import io.strata.dialect.SqlStatements;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;
import io.strata.testing.DeclarativeRoundTrip;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions, procedures, triggers and events on MariaDB: inspected without their definer, compared with the SQL
 * files that define them (DELIMITER lines and all), applied, changed, dropped and rolled back.
 */
class MySqlStoredProgramsTest {

    private static final String TABLES = """
            CREATE TABLE orders (id int PRIMARY KEY, total int NOT NULL);
            CREATE TABLE audit (id int AUTO_INCREMENT PRIMARY KEY, order_id int, total int);
            """;

    private static final String PROGRAMS = """
            CREATE FUNCTION doubled(x int) RETURNS int DETERMINISTIC RETURN x * 2;
            DELIMITER //
            CREATE DEFINER = CURRENT_USER PROCEDURE archive(IN below int)
            BEGIN
              DECLARE n int;
              SET n = CASE WHEN below > 0 THEN below ELSE 0 END;
              DELETE FROM orders WHERE total < n;
            END//
            DELIMITER ;
            CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW BEGIN INSERT INTO audit (order_id, total) VALUES (NEW.id, NEW.total); END;
            """ + event("EVERY 1 DAY");

    /** Each object of {@link #PROGRAMS} changed: another factor, body, trigger timing and schedule. */
    private static final String CHANGED = """
            CREATE FUNCTION doubled(x int) RETURNS int DETERMINISTIC RETURN x * 3;
            DELIMITER //
            CREATE PROCEDURE archive(IN below int)
            BEGIN
              DELETE FROM orders WHERE total <= below;
            END//
            DELIMITER ;
            CREATE TRIGGER orders_audit BEFORE INSERT ON orders FOR EACH ROW INSERT INTO audit (order_id, total) VALUES (NEW.id, -NEW.total);
            """ + event("EVERY 2 DAY");

    private final DeclarativeRoundTrip trip = DeclarativeRoundTrip.mysql();

    /** The event of the examples on that schedule, or nothing on a server that refuses events (TestDatabases says why). */
    private static String event(String schedule) {
        return !TestDatabases.mysqlAcceptsEvents() ? "" : "CREATE EVENT purge_audit ON SCHEDULE " + schedule
                + " STARTS '2030-01-01 00:00:00' DO DELETE FROM audit WHERE order_id IS NULL;\n";
    }

    @Test
    void eachKindIsInspectedWithoutItsDefinerAndMatchesItsFile() throws SQLException {
        String url = trip.load(TABLES, null);
        assertThat(trip.apply(url, TABLES + PROGRAMS, "1").failure()).isNull();

        List<DefinedObject> objects = new ArrayList<>(inspect(url));
        assertThat(objects).allSatisfy(o -> assertThat(o.definition()).doesNotContainIgnoringCase("definer"));
        if (TestDatabases.mysqlAcceptsEvents()) {
            DefinedObject event = objects.remove(0);
            assertThat(event.identity()).isEqualTo("EVENT:purge_audit");
            assertThat(event.definition()).isEqualTo("CREATE EVENT `purge_audit` ON SCHEDULE EVERY 1 DAY STARTS"
                    + " '2030-01-01 00:00:00' ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM audit WHERE order_id IS NULL");
        }
        assertThat(objects).extracting(DefinedObject::identity).containsExactly("FUNCTION:doubled",
                "PROCEDURE:archive", "TRIGGER:orders.orders_audit");
        assertThat(objects.get(0).definition()).startsWith("CREATE FUNCTION `doubled`(x int) RETURNS int")
                .endsWith("RETURN x * 2");
        assertThat(objects.get(1).definition()).startsWith("CREATE PROCEDURE `archive`(IN below int)")
                .contains("SET n = CASE WHEN below > 0 THEN below ELSE 0 END;").endsWith("END");
        assertThat(objects.get(2)).isEqualTo(new DefinedObject(ObjectKind.TRIGGER, "orders_audit", "orders",
                "CREATE TRIGGER `orders_audit` AFTER INSERT ON `orders` FOR EACH ROW BEGIN INSERT INTO audit (order_id,"
                        + " total) VALUES (NEW.id, NEW.total); END"));

        // The file replayed on a scratch database reads the same: no difference, although the target's objects belong
        // to the applying login. Grants are not part of the MySQL model: one to an account the scratch server lacks
        // is skipped, not an error.
        CliRun diff = CliRun.of("diff", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(), url,
                write(TABLES + PROGRAMS + "GRANT EXECUTE ON PROCEDURE archive TO 'no_such_account'@'%';\n").toString(),
                "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();

        // An object missing from the database is a difference with its code.
        TestDatabases.exec(url, "DROP TRIGGER orders_audit", "DROP PROCEDURE archive");
        diff = CliRun.of("diff", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(), url,
                write(TABLES + PROGRAMS).toString(), "--format", "json");
        assertThat(diff.out()).contains("AddObject").contains("orders_audit").contains("archive");
    }

    @Test
    void addingAndDroppingEveryKindConverges() throws SQLException {
        DeclarativeRoundTrip.Outcome o = trip.converges(TABLES, TABLES + PROGRAMS, null);
        assertThat(inspect(o.url())).isEmpty();
        String url = trip.load(TABLES, null);
        assertThat(trip.apply(url, TABLES + PROGRAMS, "1").failure()).isNull();
        TestDatabases.exec(url, "INSERT INTO orders VALUES (1, 50)");
        assertThat(TestDatabases.rows(url, "SELECT order_id, total FROM audit")).containsExactly("1|50");
        assertThat(TestDatabases.rows(url, "SELECT doubled(21)")).containsExactly("42");
    }

    @Test
    void changedObjectsAreReplacedAndRollbackRestoresThem() throws SQLException {
        String url = trip.load(TABLES, null);
        assertThat(trip.apply(url, TABLES + PROGRAMS, "1").failure()).isNull();
        DeclarativeRoundTrip.Leg changed = trip.apply(url, TABLES + CHANGED, "2");
        assertThat(changed.failure()).isNull();
        TestDatabases.exec(url, "INSERT INTO orders VALUES (1, 50)");
        assertThat(TestDatabases.rows(url, "SELECT order_id, total FROM audit")).containsExactly("1|-50");
        assertThat(TestDatabases.rows(url, "SELECT doubled(2)")).containsExactly("6");

        CliRun rollback = CliRun.of("rollback", "--url", url);
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT doubled(2)")).containsExactly("4");
        CliRun diff = CliRun.of("diff", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(), url,
                write(TABLES + PROGRAMS).toString(), "--format", "json");
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
    }

    /** {@code strata plan --format sql} is a script: read back statement by statement, it builds the desired schema. */
    @Test
    void thePlanScriptReadsBackAsItsSteps() {
        String url = trip.load(TABLES, null);
        Path desired = write(TABLES + PROGRAMS);
        CliRun plan = CliRun.of("plan", "--dev-url", TestDatabases.mysqlServerUrl(), url, desired.toString(), "--format", "sql");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("DELIMITER $$");

        List<String> statements = SqlStatements.split(plan.out(), true).stream().map(SqlStatements.Statement::text).toList();
        assertThat(statements).hasSize(TestDatabases.mysqlAcceptsEvents() ? 4 : 3);
        TestDatabases.exec(url, statements.toArray(String[]::new));
        CliRun diff = CliRun.of("diff", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(), url,
                desired.toString(), "--format", "json");
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
    }

    private static List<DefinedObject> inspect(String url) throws SQLException {
        try (Connection c = TestDatabases.connect(url)) {
            return Dialects.byName("mysql").inspector().inspect(c, List.of()).schemas().get(0).objects();
        }
    }

    private static Path write(String sql) {
        try {
            Path file = Files.createTempFile("programs", ".sql");
            Files.writeString(file, sql);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
