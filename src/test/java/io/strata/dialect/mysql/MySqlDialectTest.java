package io.strata.dialect.mysql;

import io.strata.dialect.DevDatabase;
import io.strata.dialect.Dialects;
import io.strata.dialect.SqlScript;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** MySqlDialectTest covers the dialect's entry points: URLs, quoting and the scratch database's errors. */
class MySqlDialectTest {

    private final MySqlDialect dialect = new MySqlDialect();

    @Test
    void acceptsMysqlAndMariadbUrls() {
        assertThat(dialect.name()).isEqualTo("mysql");
        assertThat(dialect.accepts("jdbc:mysql://db:3306/app")).isTrue();
        assertThat(dialect.accepts("jdbc:mariadb://db:3306/app")).isTrue();
        assertThat(dialect.accepts("jdbc:postgresql://db/app")).isFalse();
        assertThat(Dialects.byName("mysql")).isInstanceOf(MySqlDialect.class);
        assertThat(dialect.driverUrl("jdbc:mysql://h:3306/?user=u")).isEqualTo("jdbc:mariadb://h:3306/?user=u");
    }

    @Test
    void quoterDoublesBackticksAndEscapesLiterals() {
        MySqlQuoter q = new MySqlQuoter();
        assertThat(q.ident("order")).isEqualTo("`order`");
        assertThat(q.ident("we`ird")).isEqualTo("`we``ird`");
        assertThat(q.qualified("shop", "order")).isEqualTo("`shop`.`order`");
        assertThat(q.literal("it's C:\\tmp")).isEqualTo("'it''s C:\\\\tmp'");
    }

    @Test
    void devDatabaseWithoutUrlIsNotConfigured() {
        StrataException e = catchThrowableOfType(StrataException.class, () -> dialect.devDatabase(null));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("--dev-url").contains("jdbc:mariadb://");
    }

    @Test
    void rejectedStatementNamesFileAndLineAndTheScratchDatabaseIsDropped() throws SQLException {
        int before = scratchDatabases();
        String script = """
                -- a comment line
                CREATE TABLE a (id INT PRIMARY KEY);

                CREATE TABLE b (
                  id INT PRIMARY KEY,
                  a_id INT REFERENCES missing_table (id),
                  CONSTRAINT fk FOREIGN KEY (a_id) REFERENCES missing_table (id)
                );
                """;
        try (DevDatabase dev = dialect.devDatabase(TestDatabases.mysqlServerUrl())) {
            StrataException e = catchThrowableOfType(StrataException.class,
                    () -> dev.replay(List.of(new SqlScript("ok.sql", "CREATE TABLE z (id INT);"),
                            new SqlScript("schema/bad.sql", script))));
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).startsWith("schema/bad.sql:4: ").doesNotContain("conn=")
                    .doesNotContainIgnoringCase("password");
        }
        assertThat(scratchDatabases()).isEqualTo(before);
    }

    @Test
    void jdbcMysqlUrlsReachTheServerThroughTheMariaDbDriver() {
        String mysqlUrl = TestDatabases.mysqlServerUrl().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
        try (DevDatabase dev = dialect.devDatabase(mysqlUrl)) {
            assertThat(dev.replay(List.of(new SqlScript("t.sql", "CREATE TABLE t (id INT PRIMARY KEY)"))).tableCount())
                    .isEqualTo(1);
        }
    }

    @Test
    void syntaxErrorsNameTheirLine() {
        try (DevDatabase dev = dialect.devDatabase(TestDatabases.mysqlServerUrl())) {
            StrataException e = catchThrowableOfType(StrataException.class,
                    () -> dev.replay(List.of(new SqlScript("v1.sql", "CREATE TABLE t (id INT);\n\nCREATE TABLE oops (id INT,);\n"))));
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).startsWith("v1.sql:3: ").containsIgnoringCase("syntax");
        }
    }

    private static int scratchDatabases() throws SQLException {
        try (Connection c = TestDatabases.connect(TestDatabases.mysqlServerUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'strata\\_dev\\_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
