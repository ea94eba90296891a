package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL a client registers is replayed on the server's scratch database, and must not be able to turn it against the
 * server's host: code blocks, COPY, sleeps and calls of functions that read files are refused with a 422 naming the
 * statement; what slips past the filter runs as a login that may read no file and is cancelled when it outlives its
 * time limit; a refused schema registers nothing and no stored schema holds a server file's content. A pg_dump or
 * mysqldump of a schema still registers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileSchemaTest {

    /** A line of /etc/passwd on every Linux host: no stored schema may ever contain it. */
    private static final String PASSWD_LINE = "root:x:0:0";

    private static Registry registry;
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-hostile-sql"),
                Map.of("mysql", TestDatabases.mysqlServerUrl()));
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    static Stream<Arguments> postgresAttempts() {
        return Stream.of(
                Arguments.of("do-block", "CREATE TABLE t (x int);\nDO $$ BEGIN PERFORM pg_read_file('/etc/passwd'); END $$;",
                        "schema:2: statement 2 (\"DO $$"),
                Arguments.of("copy-program", "CREATE TABLE t (x int);\nCOPY t FROM PROGRAM 'id';",
                        "schema:2: statement 2 (\"COPY t FROM PROGRAM 'id'\")"),
                Arguments.of("sleep", "SELECT pg_sleep(20);", "schema:1: statement 1 (\"SELECT pg_sleep(20)\")"),
                Arguments.of("default-reads-a-file", "CREATE TABLE t (x int DEFAULT (pg_read_file('/etc/passwd'))::int);",
                        "pg_read_file"),
                Arguments.of("role", "CREATE TABLE t (x int);\nSET ROLE postgres;", "who the session is"),
                Arguments.of("server-setting", "ALTER SYSTEM SET archive_command = 'id';", "ALTER SYSTEM"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresAttempts")
    void postgresStatementsThatReachBeyondTheSchemaAreRefusedAndRegisterNothing(String name, String sql, String named)
            throws Exception {
        String subject = "hostile." + name;
        JsonNode refused = register(subject, "postgres", sql, 422);
        assertThat(refused.path("error").path("code").asText()).isEqualTo("INVALID_SCHEMA");
        assertThat(refused.path("error").path("message").asText()).contains(named).contains("is refused");
        send("GET", "/api/v1/schemas/" + subject, null, 404);
    }

    @Test
    void codeThatHidesAFileReadFromTheFilterIsStoppedByTheLoginsMissingRights() throws Exception {
        // The function's text never names pg_read_file: the filter cannot see it; the materialized view runs it at replay.
        String sql = """
                CREATE TABLE t (x int);
                CREATE FUNCTION leak() RETURNS int LANGUAGE plpgsql AS $f$
                DECLARE content text;
                BEGIN
                  EXECUTE 'SELECT pg_read_' || 'file($1)' INTO content USING '/etc/passwd';
                  EXECUTE format('COMMENT ON TABLE t IS %L', content);
                  RETURN 1;
                END $f$;
                CREATE MATERIALIZED VIEW m AS SELECT leak() AS n;
                """;
        JsonNode refused = register("hostile.hidden-read", "postgres", sql, 422);
        assertThat(refused.path("error").path("message").asText()).contains("schema:9").contains("permission denied");
        send("GET", "/api/v1/schemas/hostile.hidden-read", null, 404);
        assertThat(send("GET", "/api/v1/schemas", null, 200).toString()).doesNotContain(PASSWD_LINE);
    }

    @Test
    void aProgramHiddenFromTheFilterCannotRunEither() throws Exception {
        String sql = """
                CREATE TABLE t (x text);
                CREATE FUNCTION run() RETURNS int LANGUAGE plpgsql AS $f$
                BEGIN EXECUTE 'CO' || 'PY t FROM PRO' || 'GRAM ''id'''; RETURN 1; END $f$;
                CREATE MATERIALIZED VIEW m AS SELECT run() AS n;
                """;
        JsonNode refused = register("hostile.hidden-program", "postgres", sql, 422);
        assertThat(refused.path("error").path("message").asText()).contains("permission denied");
    }

    @Test
    void aStatementThatRunsTooLongIsCancelledEvenAfterTryingToLiftTheLimit() throws Exception {
        String sql = """
                SET statement_timeout = 0;
                CREATE FUNCTION spin() RETURNS int LANGUAGE plpgsql AS $f$ BEGIN LOOP END LOOP; END $f$;
                CREATE MATERIALIZED VIEW m AS SELECT spin() AS n;
                """;
        JsonNode refused = register("hostile.spin", "postgres", sql, 422);
        assertThat(refused.path("error").path("message").asText()).contains("statement 3").contains("ran longer than");
        send("GET", "/api/v1/schemas/hostile.spin", null, 404);
    }

    @Test
    void aPgDumpOfASchemaStillRegisters() throws Exception {
        JsonNode registered = register("dumped.shop", "postgres", resource("/schemas/pg_dump_shop.sql"), 201);
        assertThat(registered.toString()).contains("dumped.shop");
        JsonNode version = send("GET", "/api/v1/schemas/dumped.shop/versions/1", null, 200);
        assertThat(version.toString()).contains("orders").contains("paid");
    }

    static Stream<Arguments> mysqlAttempts() {
        return Stream.of(
                Arguments.of("load-data", "CREATE TABLE t (x text);\nLOAD DATA INFILE '/etc/passwd' INTO TABLE t;", "LOAD DATA"),
                Arguments.of("outfile", "SELECT 'x' INTO OUTFILE '/tmp/strata-hostile';", "INTO OUTFILE"),
                Arguments.of("set-global", "SET GLOBAL max_connections = 1;", "for the whole server"),
                Arguments.of("sleep", "CREATE TABLE t (x int);\nSELECT SLEEP(20);", "statement 2 (\"SELECT SLEEP(20)\")"),
                Arguments.of("load-file", "CREATE TABLE t AS SELECT LOAD_FILE('/etc/passwd') AS c;", "load_file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mysqlAttempts")
    void mysqlStatementsThatReachBeyondTheSchemaAreRefused(String name, String sql, String named) throws Exception {
        JsonNode refused = register("hostile-mysql." + name, "mysql", sql, 422);
        assertThat(refused.path("error").path("message").asText()).contains(named).contains("is refused");
        send("GET", "/api/v1/schemas/hostile-mysql." + name, null, 404);
    }

    @Test
    void aMysqldumpWithAnotherAccountAsDefinerRegistersAsTheReplaysOwnLogin() throws Exception {
        register("dumped-mysql.shop", "mysql", resource("/schemas/mysqldump_shop.sql"), 201);
        JsonNode version = send("GET", "/api/v1/schemas/dumped-mysql.shop/versions/1", null, 200);
        assertThat(version.toString()).contains("orders");
    }

    @Test
    void aHostileCandidateIsRefusedWhenValidatedToo() throws Exception {
        register("validated.orders", "postgres", "CREATE TABLE orders (id bigint PRIMARY KEY);", 201);
        JsonNode refused = send("POST", "/api/v1/compatibility/validate", Map.of("subject", "validated.orders",
                "schema", "CREATE TABLE orders (id bigint PRIMARY KEY);\nCOPY orders FROM PROGRAM 'id';"), 422);
        assertThat(refused.path("error").path("message").asText()).contains("statement 2").contains("COPY");
    }

    @Test
    void functionsProceduresAndTriggersStayAccepted() throws Exception {
        register("code.postgres", "postgres", """
                CREATE TABLE orders (id bigint PRIMARY KEY, updated_at timestamptz);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
                CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE PROCEDURE archive() LANGUAGE sql AS $$ DELETE FROM orders WHERE updated_at < now() - interval '1 year' $$;
                """, 201);
        register("code.mysql", "mysql", """
                CREATE TABLE orders (id bigint PRIMARY KEY, updated_at datetime);
                CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW SET NEW.updated_at = NOW();
                CREATE PROCEDURE archive() BEGIN DELETE FROM orders WHERE updated_at < NOW() - INTERVAL 1 YEAR; END;
                CREATE FUNCTION doubled(x int) RETURNS int DETERMINISTIC RETURN x * 2;
                """, 201);
    }

    @Test
    void aSchemaWhoseStatementsNameObjectsCreatedFurtherDownRegisters() throws Exception {
        register("any-order.postgres", "postgres", """
                CREATE VIEW open_orders AS SELECT id FROM orders WHERE NOT closed;
                CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders (id));
                CREATE TABLE orders (id bigint PRIMARY KEY, closed boolean NOT NULL DEFAULT false);
                """, 201);
        assertThat(send("GET", "/api/v1/schemas/any-order.postgres/versions/1", null, 200).toString())
                .contains("open_orders").contains("order_lines");
        register("any-order.mysql", "mysql", """
                CREATE TABLE order_lines (order_id bigint NOT NULL, FOREIGN KEY (order_id) REFERENCES orders (id)) ENGINE=InnoDB;
                CREATE TABLE orders (id bigint PRIMARY KEY) ENGINE=InnoDB;
                """, 201);
        assertThat(send("GET", "/api/v1/schemas/any-order.mysql/versions/1", null, 200).toString()).contains("order_lines");

        JsonNode typo = register("any-order.typo", "postgres",
                "CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE order_lines (order_id bigint REFERENCES orderz (id));",
                422);
        assertThat(typo.path("error").path("message").asText()).contains(":2: ").contains("\"orderz\" does not exist");
    }

    private static JsonNode register(String subject, String dialect, String sql, int status) throws Exception {
        return send("POST", "/api/v1/schemas", Map.of("subject", subject, "format", "SQL", "dialect", dialect,
                "schema", sql), status);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = HostileSchemaTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}
