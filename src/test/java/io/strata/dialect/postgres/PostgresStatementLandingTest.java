package io.strata.dialect.postgres;

import io.strata.dialect.Dialects;
import io.strata.dialect.StatementLanding;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a resumed run learns about a statement that was in flight when the run before died, asked of a real
 * PostgreSQL: an index built (valid) or not, one left INVALID by a build cut short (dropped first), an index
 * dropped, an enum value added; statements it knows nothing of run again.
 */
class PostgresStatementLandingTest {

    private final StatementLanding landing = Dialects.byName("postgres").history().landing();

    @Test
    void tellsWhatTookEffect() throws Exception {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, "CREATE SCHEMA app", "CREATE TABLE app.t (id bigint PRIMARY KEY, code text, kind text)",
                "INSERT INTO app.t VALUES (1, 'a', 'x'), (2, 'a', 'y')", "CREATE INDEX t_kind ON app.t (kind)",
                "CREATE TYPE app.mood AS ENUM ('calm')", "ALTER TYPE app.mood ADD VALUE 'happy'");
        // A unique build over duplicates fails part way and leaves an INVALID index, as a build cut short does.
        assertThatThrownBy(() -> TestDatabases.exec(url, "CREATE UNIQUE INDEX CONCURRENTLY t_code ON app.t (code)"))
                .hasMessageContaining("t_code");
        try (Connection c = TestDatabases.connect(url)) {
            assertThat(landed(c, "CREATE INDEX CONCURRENTLY \"t_kind\" ON \"app\".\"t\" USING \"btree\" (\"kind\")"))
                    .isEqualTo(new StatementLanding.Verdict(StatementLanding.Landed.YES, java.util.List.of()));
            assertThat(landed(c, "CREATE INDEX CONCURRENTLY t_other ON app.t (kind)").landed()).isEqualTo(StatementLanding.Landed.NO);
            StatementLanding.Verdict invalid = landed(c, "CREATE UNIQUE INDEX CONCURRENTLY t_code ON app.t (code)");
            assertThat(invalid.landed()).isEqualTo(StatementLanding.Landed.PARTLY);
            assertThat(invalid.cleanup()).containsExactly("DROP INDEX CONCURRENTLY IF EXISTS \"app\".\"t_code\"");
            assertThat(landed(c, "DROP INDEX CONCURRENTLY IF EXISTS app.t_gone").landed()).isEqualTo(StatementLanding.Landed.YES);
            assertThat(landed(c, "DROP INDEX CONCURRENTLY app.t_kind").landed()).isEqualTo(StatementLanding.Landed.NO);
            assertThat(landed(c, "ALTER TYPE app.mood ADD VALUE 'happy'").landed()).isEqualTo(StatementLanding.Landed.YES);
            assertThat(landed(c, "ALTER TYPE \"app\".\"mood\" ADD VALUE IF NOT EXISTS 'sad'").landed())
                    .isEqualTo(StatementLanding.Landed.NO);
            assertThat(landed(c, "VACUUM app.t").landed()).isEqualTo(StatementLanding.Landed.NO);
        }
        // The index the build left unqualified resolves through the search path: here, public.
        TestDatabases.exec(url, "CREATE TABLE plain (id int, v text)", "CREATE INDEX CONCURRENTLY plain_v ON plain (v)");
        try (Connection c = TestDatabases.connect(url)) {
            assertThat(landed(c, "CREATE INDEX CONCURRENTLY plain_v ON plain (v)").landed()).isEqualTo(StatementLanding.Landed.YES);
        }
    }

    private StatementLanding.Verdict landed(Connection connection, String sql) throws Exception {
        return landing.check(connection, sql);
    }
}
