package io.strata.dialect.postgres;

import io.strata.model.Catalog;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Inspect a database, render its catalog, apply the SQL to an empty database, inspect again: the catalogs must be equal. */
class PostgresRoundTripTest {

    private final PostgresRenderer renderer = new PostgresRenderer();

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("features", PgFixtures.FEATURES),
                Arguments.of("quoting", """
                        CREATE SCHEMA "Odd""Sch";
                        CREATE TYPE "Odd""Sch"."Kind" AS ENUM ('it''s', 'b');
                        CREATE TABLE "Odd""Sch"."Mixed Case" (
                            "Id" int PRIMARY KEY,
                            "select" text DEFAULT 'it''s',
                            kind "Odd""Sch"."Kind",
                            kinds "Odd""Sch"."Kind"[]
                        );
                        CREATE INDEX "idx ""q"" x" ON "Odd""Sch"."Mixed Case" ("select" DESC);
                        COMMENT ON COLUMN "Odd""Sch"."Mixed Case"."select" IS 'a keyword; it''s quoted';
                        CREATE VIEW "Odd""Sch".v AS SELECT "Id", kind FROM "Odd""Sch"."Mixed Case";
                        """),
                Arguments.of("references across schemas", """
                        CREATE SCHEMA a;
                        CREATE SCHEMA b;
                        CREATE TABLE a.parent (id int PRIMARY KEY, code text UNIQUE);
                        CREATE TABLE b.child (id int, parent_id int REFERENCES a.parent (id) ON DELETE SET NULL,
                                              code text REFERENCES a.parent (code) ON UPDATE CASCADE,
                                              CONSTRAINT id_positive CHECK (id > 0) NO INHERIT);
                        CREATE VIEW b.y AS SELECT c.id, p.code FROM b.child c JOIN a.parent p ON p.id = c.parent_id;
                        CREATE VIEW a.x AS SELECT id FROM b.y;
                        """),
                Arguments.of("sequences", """
                        CREATE SEQUENCE public.standalone INCREMENT BY 3 MINVALUE -10 MAXVALUE 1000 START WITH -5 CACHE 4 CYCLE;
                        CREATE TABLE public.t (id bigserial PRIMARY KEY, n int DEFAULT nextval('public.standalone'));
                        CREATE TABLE public.u (id smallint GENERATED ALWAYS AS IDENTITY);
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void renderedSqlRebuildsTheSameCatalog(String label, String ddl) {
        Catalog original = PgFixtures.inspect(PgFixtures.databaseWith(ddl));
        List<String> sql = renderer.createStatements(original);
        String copy = TestDatabases.freshPostgres();
        PgFixtures.execEach(copy, sql);
        Catalog rebuilt = PgFixtures.inspect(copy);
        assertThat(rebuilt).as(String.join(";\n", sql)).isEqualTo(original);
    }
}
