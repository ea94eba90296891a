package io.strata.dialect.postgres;

import io.strata.dialect.SchemaFilter;
import io.strata.dialect.SqlScript;
import io.strata.error.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What PostgreSQL statements of a registered schema may run on the scratch database: schema DDL and pg_dump's session
 * settings run; SET statement_timeout and OWNER TO are accepted and not run; code blocks, data, files, programs,
 * sleeps, roles and server settings are refused with a reason.
 */
class PostgresSchemaFilterTest {

    private final PostgresSchemaFilter filter = new PostgresSchemaFilter();

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (id bigint PRIMARY KEY, owner text)",
            "CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()",
            "CREATE UNIQUE INDEX CONCURRENTLY t_owner ON t (owner)",
            "CREATE MATERIALIZED VIEW m AS SELECT id FROM t",
            "CREATE EXTENSION IF NOT EXISTS pgcrypto",
            "ALTER TABLE t RENAME COLUMN owner TO holder",
            "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC",
            "COMMENT ON TABLE t IS 'what we sell'",
            "GRANT SELECT ON t TO PUBLIC",
            "DROP TABLE IF EXISTS t",
            "SET search_path = public, pg_catalog",
            "SET LOCAL client_min_messages TO warning",
            "SET check_function_bodies = false",
            "SET TIME ZONE 'UTC'",
            "RESET search_path",
            "SELECT pg_catalog.set_config('search_path', '', false)",
            "BEGIN",
            "COMMIT"})
    void schemaStatementsRunAsWritten(String statement) {
        assertThat(filter.refusal(statement)).as(statement).isEmpty();
        assertThat(filter.runnable(statement)).as(statement).contains(statement);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET statement_timeout = 0", "SET SESSION statement_timeout TO 0",
            "ALTER TABLE public.t OWNER TO postgres", "ALTER FUNCTION shop.touch(integer, text) OWNER TO \"Admin\""})
    void theReplayKeepsItsTimeLimitAndItsObjects(String statement) {
        assertThat(filter.refusal(statement)).as(statement).isEmpty();
        assertThat(filter.runnable(statement)).as(statement).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DO $$ BEGIN PERFORM 1; END $$|a DO block runs code",
            "COPY t FROM PROGRAM 'id'|COPY",
            "copy t to '/tmp/x'|COPY",
            "CALL p()|CALL runs a procedure",
            "SELECT pg_sleep(20)|pg_sleep",
            "SELECT 1|it reads data",
            "INSERT INTO t VALUES (1)|it writes data",
            "WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x|it reads or writes data",
            "CREATE TABLE t (x int DEFAULT (pg_read_file('/etc/passwd'))::int)|pg_read_file",
            "CREATE TABLE t AS SELECT pg_catalog.\"pg_read_binary_file\"('/etc/passwd') AS c|pg_read_binary_file",
            "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS 'SELECT lo_import(''/etc/passwd'')'|lo_import",
            "SELECT set_config('statement_timeout', '0', false)|setting statement_timeout",
            "SELECT set_config('role', 'postgres', false)|setting role",
            "LOAD 'auto_explain'|LOAD loads a library",
            "SET ROLE postgres|who the session is",
            "SET SESSION AUTHORIZATION postgres|who the session is",
            "SET log_statement = 'all'|setting log_statement",
            "SET myapp.flag = 'on'|setting",
            "RESET ALL|setting all",
            "ALTER SYSTEM SET archive_command = 'id'|ALTER SYSTEM",
            "CREATE ROLE evil SUPERUSER|CREATE ROLE",
            "CREATE /* hidden */ ROLE evil|CREATE ROLE",
            "ALTER ROLE current_user SET statement_timeout = 0|ALTER ROLE",
            "ALTER DATABASE postgres SET statement_timeout = 0|ALTER DATABASE",
            "CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw|CREATE SERVER",
            "CREATE TRUSTED LANGUAGE plperlu|CREATE LANGUAGE",
            "CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f()|CREATE EVENT",
            "VACUUM t|VACUUM is not a schema statement",
            "TRUNCATE t|it deletes data",
            "REFRESH MATERIALIZED VIEW m|materialized view"})
    void everythingElseIsRefusedWithAReason(String statement, String reason) {
        assertThat(filter.refusal(statement)).as(statement).hasValueSatisfying(why -> assertThat(why).contains(reason));
    }

    @Test
    void aRefusalNamesTheScriptLineNumberAndStatement() {
        String script = "CREATE TABLE t (x int);\n\n-- then\nCOPY t FROM PROGRAM 'id';\n";
        assertThatThrownBy(() -> filter.admit(new SqlScript("schema", script)))
                .isInstanceOf(StrataException.class)
                .hasMessage("schema:4: statement 2 (\"COPY t FROM PROGRAM 'id'\") is refused: COPY moves data between "
                        + "tables and files or programs; a registered schema holds schema statements only");
    }

    @Test
    void aPgDumpSchemaIsAdmittedWithoutItsOwnersAndTimeout() throws IOException {
        String dump;
        try (InputStream in = getClass().getResourceAsStream("/schemas/pg_dump_shop.sql")) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<SchemaFilter.Admitted> admitted = filter.admit(new SqlScript("dump.sql", dump));
        assertThat(admitted).extracting(SchemaFilter.Admitted::sql)
                .noneMatch(sql -> sql.contains("OWNER TO") || sql.contains("statement_timeout") || sql.contains("restrict"))
                .anyMatch(sql -> sql.contains("SELECT pg_catalog.set_config('search_path', '', false)"))
                .anyMatch(sql -> sql.contains("CREATE TRIGGER orders_touch"));
    }
}
