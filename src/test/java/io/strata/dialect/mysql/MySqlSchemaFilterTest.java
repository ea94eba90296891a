package io.strata.dialect.mysql;

import io.strata.dialect.SchemaFilter;
import io.strata.dialect.SqlScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MySQL statements of a registered schema may run on the scratch database: schema DDL and mysqldump's session
 * settings (version comments read as the server runs them) run, a DEFINER clause removed; data, files, sleeps,
 * accounts and server-wide settings are refused with a reason.
 */
class MySqlSchemaFilterTest {

    private final MySqlSchemaFilter filter = new MySqlSchemaFilter();

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE `user` (id bigint PRIMARY KEY, note varchar(80) COMMENT 'load data nightly')",
            "CREATE OR REPLACE VIEW v AS SELECT id FROM t",
            "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW SET NEW.updated_at = NOW()",
            "CREATE PROCEDURE p() BEGIN UPDATE t SET x = 1; END",
            // An event runs as the replay's own login, whose rights end at the scratch database it is dropped with.
            "CREATE EVENT e ON SCHEDULE EVERY 1 SECOND DO DELETE FROM t",
            "ALTER TABLE t ADD COLUMN x int",
            "DROP TABLE IF EXISTS `t`",
            "/*!50001 DROP VIEW IF EXISTS `paid`*/",
            "RENAME TABLE a TO b",
            "/*!40101 SET NAMES utf8mb4 */",
            "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */",
            "SET @@SESSION.sql_mode = 'ANSI_QUOTES'",
            "LOCK TABLES t WRITE",
            "UNLOCK TABLES"})
    void schemaStatementsRun(String statement) {
        assertThat(filter.refusal(statement)).as(statement).isEmpty();
        assertThat(filter.runnable(statement)).as(statement).contains(statement);
    }

    @Test
    void aDefinerClauseIsRemoved() {
        String view = "/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n"
                + "/*!50001 VIEW `paid` AS select 1 AS `id` */";
        assertThat(filter.refusal(view)).isEmpty();
        assertThat(filter.runnable(view)).hasValueSatisfying(sql -> assertThat(sql).doesNotContain("DEFINER=")
                .contains("SQL SECURITY DEFINER").contains("VIEW `paid`"));
        assertThat(filter.runnable("CREATE DEFINER = 'root'@'%' PROCEDURE p() SELECT 1"))
                .hasValueSatisfying(sql -> assertThat(sql).doesNotContain("root"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LOAD DATA INFILE '/etc/passwd' INTO TABLE t|LOAD DATA",
            "SELECT 1 INTO OUTFILE '/tmp/x'|INTO OUTFILE",
            "SELECT SLEEP(20)|sleep",
            "CREATE TABLE t AS SELECT LOAD_FILE('/etc/passwd') AS c|load_file",
            "CREATE TABLE t /*!50000 AS SELECT BENCHMARK(1000000000, MD5('x')) */|benchmark",
            "SELECT 1|it reads data",
            "INSERT INTO t VALUES (1)|it writes data",
            "CALL p()|CALL runs a procedure",
            "DO SLEEP(5)|sleep",
            "SET GLOBAL max_connections = 1|for the whole server",
            "SET @@global.general_log = 1|for the whole server",
            "SET sql_log_bin = 0|setting sql_log_bin",
            "SET max_statement_time = 0|setting max_statement_time",
            "SET STATEMENT max_statement_time = 0 FOR CREATE TABLE t (x int)|SET STATEMENT",
            "SET PASSWORD = PASSWORD('x')|SET PASSWORD",
            "CREATE USER 'evil'@'%'|CREATE USER",
            "GRANT ALL ON *.* TO 'evil'@'%'|rights",
            "CREATE DATABASE other|CREATE DATABASE",
            "DROP DATABASE strata_dev_1|DROP DATABASE",
            "CREATE EVENT e ON SCHEDULE EVERY 1 SECOND DO DO SLEEP(20)|sleep",
            "CREATE FUNCTION sys_exec RETURNS INTEGER SONAME 'lib_mysqludf_sys.so'|SONAME",
            "USE mysql|database of its own",
            "/*!40000 SELECT 1 */|it reads data"})
    void everythingElseIsRefusedWithAReason(String statement, String reason) {
        assertThat(filter.refusal(statement)).as(statement).hasValueSatisfying(why -> assertThat(why).contains(reason));
    }

    @Test
    void aMysqldumpSchemaIsAdmittedWholeWithoutItsDefiners() throws IOException {
        String dump;
        try (InputStream in = getClass().getResourceAsStream("/schemas/mysqldump_shop.sql")) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<SchemaFilter.Admitted> admitted = filter.admit(new SqlScript("dump.sql", dump));
        assertThat(admitted).extracting(SchemaFilter.Admitted::sql)
                .noneMatch(sql -> sql.contains("DEFINER="))
                .anyMatch(sql -> sql.contains("CREATE TABLE `orders`"));
    }
}
