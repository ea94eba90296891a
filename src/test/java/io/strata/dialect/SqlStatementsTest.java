package io.strata.dialect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Statement splitting at top-level semicolons only. */
class SqlStatementsTest {

    private static List<String> texts(String sql, boolean mysql) {
        return SqlStatements.split(sql, mysql).stream().map(SqlStatements.Statement::text).toList();
    }

    @Test
    void aMysqlTriggerBodyIsOneStatementWithItsInnerSemicolons() {
        String trigger = "CREATE TRIGGER t_ins BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.a IS NULL THEN SET NEW.a = 1; "
                + "ELSEIF NEW.b IS NULL THEN SET NEW.b = 2; END IF; END";
        assertThat(texts("CREATE TABLE t (a int, b int);\n" + trigger + ";\nINSERT INTO t VALUES (1, 2);", true))
                .containsExactly("CREATE TABLE t (a int, b int)", trigger, "INSERT INTO t VALUES (1, 2)");
    }

    @Test
    void aTransactionBeginAndAColumnNamedEndDoNotOpenOrCloseBlocks() {
        assertThat(texts("BEGIN; UPDATE t SET `end` = 1; COMMIT;", true))
                .containsExactly("BEGIN", "UPDATE t SET `end` = 1", "COMMIT");
    }

    @Test
    void aDelimiterLineChangesWhatEndsAStatementUntilTheNextOne() {
        String procedure = "CREATE PROCEDURE touch_books()\nBEGIN\n  UPDATE book SET price = price;\nEND";
        List<SqlStatements.Statement> statements = SqlStatements.split(
                "DELIMITER //\n" + procedure + " //\ndelimiter ;\nALTER TABLE book DROP COLUMN price;\n", true);
        assertThat(statements).extracting(SqlStatements.Statement::text)
                .containsExactly(procedure, "ALTER TABLE book DROP COLUMN price");
        assertThat(statements).extracting(SqlStatements.Statement::line).containsExactly(2, 7);
        assertThat(texts("SELECT 'DELIMITER //'; SELECT 2;", true)).as("inside a string it is text")
                .containsExactly("SELECT 'DELIMITER //'", "SELECT 2");
    }

    @Test
    void postgresDollarQuotedBodiesKeepTheirSemicolons() {
        String function = "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $strata$ BEGIN NEW.a := 1; RETURN NEW; END $strata$";
        assertThat(texts(function + "; SELECT 1;", false)).containsExactly(function, "SELECT 1");
    }

    @Test
    void aCaseExpressionInsideAProcedureDoesNotEndItsBody() {
        String procedure = "CREATE PROCEDURE p(IN a int) BEGIN DECLARE y int; SET y = CASE WHEN a > 1 THEN 1 ELSE 2 END; "
                + "CASE y WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE; SELECT y; END";
        assertThat(texts(procedure + ";\nSELECT 3;", true)).containsExactly(procedure, "SELECT 3");
    }

    @Test
    void delimiterLinesFenceStatementsAndTheirLinesStayRight() {
        String script = """
                CREATE TABLE t (a int);
                DELIMITER $$
                CREATE PROCEDURE p()
                BEGIN
                  UPDATE t SET a = 1;
                END$$
                CREATE FUNCTION f() RETURNS int RETURN 1 $$
                delimiter ;
                INSERT INTO t VALUES (';');
                """;
        List<SqlStatements.Statement> statements = SqlStatements.split(script, true);
        assertThat(statements).extracting(SqlStatements.Statement::text).containsExactly("CREATE TABLE t (a int)",
                "CREATE PROCEDURE p()\nBEGIN\n  UPDATE t SET a = 1;\nEND", "CREATE FUNCTION f() RETURNS int RETURN 1",
                "INSERT INTO t VALUES (';')");
        assertThat(statements).extracting(SqlStatements.Statement::line).containsExactly(1, 3, 7, 9);
    }
}
