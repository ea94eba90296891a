package io.strata.dialect.postgres;

import io.strata.dialect.SqlScript;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.DefinedObject;
import io.strata.model.Schema;
import io.strata.plan.Step;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.testing.DeclarativeRoundTrip;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions, procedures, triggers, policies, row-level security and grants on a real PostgreSQL: inspected as the
 * server prints them (an extension's functions left out), planned both ways and modified, each plan applied and then
 * reversed step by step to the original, and SQL files that grant to a role the scratch server lacks replayed.
 */
class PostgresDefinedObjectsTest {

    /** A role the grants and policies name; roles belong to the server, so it is made once and shared. */
    private static final String READER = "strata_test_reader";
    /** A role that owns a target's objects, as an application's owner role does, while Strata connects as another. */
    private static final String OWNER = "strata_test_owner";

    private static final String BASE = """
            CREATE TABLE orders (id int PRIMARY KEY, owner text NOT NULL DEFAULT current_user,
                total numeric NOT NULL, updated timestamptz);
            """;

    private static final String OBJECTS = """
            CREATE FUNCTION order_total(p_id int) RETURNS numeric LANGUAGE sql STABLE
                AS $$ SELECT total FROM orders WHERE id = p_id $$;
            CREATE PROCEDURE archive_orders(below numeric) LANGUAGE plpgsql
                AS $$ BEGIN DELETE FROM orders WHERE total < below; END $$;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
            CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE POLICY own_orders ON orders FOR SELECT TO strata_test_reader USING (owner = current_user);
            ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
            GRANT SELECT ON orders TO strata_test_reader;
            GRANT EXECUTE ON FUNCTION order_total(int) TO strata_test_reader;
            GRANT USAGE ON SCHEMA public TO strata_test_reader;
            GRANT EXECUTE ON PROCEDURE archive_orders TO strata_test_reader;
            """;

    /** Every object of {@link #OBJECTS} changed: a body, a parameter's name, events, a policy's command, force, grant option. */
    private static final String CHANGED = """
            CREATE FUNCTION order_total(p_id int) RETURNS numeric LANGUAGE sql STABLE
                AS $$ SELECT coalesce(total, 0) FROM orders WHERE id = p_id $$;
            CREATE PROCEDURE archive_orders(under numeric) LANGUAGE plpgsql
                AS $$ BEGIN DELETE FROM orders WHERE total < under; END $$;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
            CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE POLICY own_orders ON orders FOR ALL TO strata_test_reader USING (owner = current_user)
                WITH CHECK (total >= 0);
            ALTER TABLE orders ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
            GRANT SELECT ON orders TO strata_test_reader WITH GRANT OPTION;
            GRANT EXECUTE ON FUNCTION order_total(int) TO strata_test_reader;
            GRANT USAGE ON SCHEMA public TO strata_test_reader;
            GRANT EXECUTE ON PROCEDURE archive_orders TO strata_test_reader;
            """;

    private static PgPlanRoundTrip trip;

    @BeforeAll
    static void role() {
        TestDatabases.exec(TestDatabases.postgresServerUrl(), "DO $$ BEGIN CREATE ROLE " + READER
                + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        trip = new PgPlanRoundTrip(PgPlanRoundTrip.serverVersion());
    }

    @Test
    void eachKindIsInspectedAsTheServerPrintsItAndAnExtensionsFunctionsAreNot() {
        String url = PgFixtures.databaseWith("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;\n" + BASE + OBJECTS);
        Schema schema = PgFixtures.inspect(url).schema("public").orElseThrow();

        assertThat(schema.objects()).extracting(DefinedObject::identity).containsExactly(
                "FUNCTION:order_total(integer)",
                "FUNCTION:touch()",
                "GRANT:EXECUTE on archive_orders(numeric) to " + READER,
                "GRANT:EXECUTE on order_total(integer) to " + READER,
                "GRANT:USAGE to " + READER,
                "GRANT:orders.SELECT to " + READER,
                "POLICY:orders.own_orders",
                "PROCEDURE:archive_orders(numeric)",
                "ROW_SECURITY:orders.orders",
                "TRIGGER:orders.orders_touch");
        assertThat(definition(schema, "FUNCTION:order_total(integer)"))
                .startsWith("CREATE OR REPLACE FUNCTION public.order_total(p_id integer)\n RETURNS numeric")
                .endsWith("$function$");
        assertThat(definition(schema, "TRIGGER:orders.orders_touch")).isEqualTo(
                "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()");
        assertThat(definition(schema, "POLICY:orders.own_orders")).isEqualTo("CREATE POLICY \"own_orders\" ON"
                + " \"public\".\"orders\" AS PERMISSIVE FOR SELECT TO \"" + READER + "\" USING ((owner = CURRENT_USER))");
        assertThat(definition(schema, "ROW_SECURITY:orders.orders"))
                .isEqualTo("ALTER TABLE \"public\".\"orders\" ENABLE ROW LEVEL SECURITY");
        assertThat(definition(schema, "GRANT:orders.SELECT to " + READER))
                .isEqualTo("GRANT SELECT ON TABLE \"public\".\"orders\" TO \"" + READER + "\"");
        assertThat(definition(schema, "GRANT:EXECUTE on order_total(integer) to " + READER))
                .isEqualTo("GRANT EXECUTE ON FUNCTION \"public\".\"order_total\"(integer) TO \"" + READER + "\"");
        assertThat(schema.objects()).as("pg_trgm's functions are the extension's")
                .noneMatch(o -> o.name().startsWith("similarity") || o.name().startsWith("gtrgm"));
    }

    @Test
    void addingEveryKindIsPlannedAppliedAndReversed() {
        PgPlanRoundTrip.Outcome o = trip.run("add", BASE, BASE + OBJECTS, "INSERT INTO orders VALUES (1, 'a', 5, NULL);");
        assertRoundTrip(o);
        assertThat(sqlOf(o)).anyMatch(s -> s.startsWith("CREATE OR REPLACE PROCEDURE"))
                .anyMatch(s -> s.startsWith("CREATE TRIGGER")).anyMatch(s -> s.startsWith("CREATE POLICY"))
                .anyMatch(s -> s.contains("ENABLE ROW LEVEL SECURITY")).anyMatch(s -> s.startsWith("GRANT USAGE ON SCHEMA"));
        // The routines exist before the trigger that runs one; the table's own grants follow it.
        assertThat(indexOf(o, "CREATE OR REPLACE FUNCTION public.touch")).isLessThan(indexOf(o, "CREATE TRIGGER"));
    }

    @Test
    void droppingEveryKindIsContractedAndReversed() {
        PgPlanRoundTrip.Outcome o = trip.run("drop", BASE + OBJECTS, BASE, "INSERT INTO orders VALUES (1, 'a', 5, NULL);");
        assertRoundTrip(o);
        assertThat(o.plan().phases().stream().filter(p -> p.kind() == io.strata.plan.PhaseKind.CONTRACT)
                .flatMap(p -> p.steps().stream()).map(Step::sql).toList())
                .contains("DROP FUNCTION \"public\".\"touch\"()", "DROP PROCEDURE \"public\".\"archive_orders\"(numeric)",
                        "DROP TRIGGER \"orders_touch\" ON \"public\".\"orders\"",
                        "REVOKE SELECT ON TABLE \"public\".\"orders\" FROM \"" + READER + "\"");
        // The trigger goes before the function it runs.
        assertThat(indexOf(o, "DROP TRIGGER")).isLessThan(indexOf(o, "DROP FUNCTION \"public\".\"touch\""));
    }

    @Test
    void changingEveryKindIsPlannedAppliedAndReversed() {
        PgPlanRoundTrip.Outcome o = trip.run("modify", BASE + OBJECTS, BASE + CHANGED, null);
        assertRoundTrip(o);
        List<String> sql = sqlOf(o);
        assertThat(sql).as("a new body keeps the function: replaced in place")
                .noneMatch(s -> s.startsWith("DROP FUNCTION \"public\".\"order_total\""))
                .anyMatch(s -> s.contains("coalesce(total, 0)"));
        assertThat(sql).as("a renamed parameter cannot be replaced in place; the privilege comes back")
                .containsSubsequence("DROP PROCEDURE \"public\".\"archive_orders\"(numeric)",
                        "GRANT EXECUTE ON PROCEDURE \"public\".\"archive_orders\"(numeric) TO \"" + READER + "\"");
        assertThat(sql).contains("ALTER TABLE \"public\".\"orders\" FORCE ROW LEVEL SECURITY",
                "GRANT SELECT ON TABLE \"public\".\"orders\" TO \"" + READER + "\" WITH GRANT OPTION");
    }

    @Test
    void aViewRebuiltAroundItsTablesChangeKeepsItsGrants() {
        String view = "CREATE VIEW item_names AS SELECT name FROM items;\n"
                + "GRANT SELECT ON item_names TO " + READER + ";\n";
        PgPlanRoundTrip.Outcome o = trip.run("view", "CREATE TABLE items (id int, name varchar(10));\n" + view,
                "CREATE TABLE items (id int, name varchar(20));\n" + view, "INSERT INTO items VALUES (1, 'a');");
        assertRoundTrip(o);
        assertThat(sqlOf(o)).as("the view is dropped and created again, with its grant")
                .contains("GRANT SELECT ON TABLE \"public\".\"item_names\" TO \"" + READER + "\"");
    }

    @Test
    void aNewTableWithItsRoutinesTriggersAndGrantsIsAppliedFromFilesAndDroppedAgain() throws SQLException {
        DeclarativeRoundTrip.Outcome o = DeclarativeRoundTrip.postgres().converges("CREATE TABLE other (x int);\n",
                "CREATE TABLE other (x int);\n" + BASE + OBJECTS, "INSERT INTO other VALUES (1);\n");
        assertThat(TestDatabases.rows(o.url(), "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"))
                .containsExactly("0");
        assertThat(TestDatabases.rows(o.url(), "SELECT x FROM other")).containsExactly("1");
    }

    @Test
    void aDatabaseOwnedByAnotherRoleMatchesItsFilesReplayedByTheScratchLogin() throws Exception {
        TestDatabases.exec(TestDatabases.postgresServerUrl(), "DO $$ BEGIN CREATE ROLE " + OWNER
                + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        String url = PgFixtures.databaseWith(BASE + OBJECTS);
        PgFixtures.exec(url, "ALTER TABLE orders OWNER TO " + OWNER + ";\n"
                + "ALTER FUNCTION order_total(int) OWNER TO " + OWNER + ";\n"
                + "ALTER PROCEDURE archive_orders(numeric) OWNER TO " + OWNER + ";\n"
                + "ALTER SCHEMA public OWNER TO " + OWNER + ";\n");
        Path files = Files.createTempFile("schema", ".sql");
        try (SourceLoader loader = new SourceLoader(new SourceOptions("postgres", TestDatabases.postgresServerUrl()))) {
            Files.writeString(files, BASE + OBJECTS);
            assertThat(Differ.diff(loader.load(url).catalog(), loader.load(files.toString()).catalog()))
                    .as("the owner's own privileges are not the schema's").isEmpty();
        } finally {
            Files.deleteIfExists(files);
        }
    }

    @Test
    void filesThatGrantToARoleTheScratchServerLacksAreReplayedWithIt() throws SQLException {
        String role = "strata_test_missing_" + ProcessHandle.current().pid();
        Catalog replayed;
        try (PostgresDevDatabase dev = PostgresDevDatabase.at(TestDatabases.postgresServerUrl())) {
            replayed = dev.replay(List.of(new SqlScript("grants.sql",
                    "CREATE TABLE t (id int);\nGRANT SELECT, INSERT ON t TO " + role + ";\n")));
        }
        assertThat(replayed.schema("public").orElseThrow().objects()).extracting(DefinedObject::identity)
                .containsExactly("GRANT:t.INSERT to " + role, "GRANT:t.SELECT to " + role);
        assertThat(TestDatabases.rows(TestDatabases.postgresServerUrl(),
                "SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'"))
                .as("the role made for the replay is gone with it").containsExactly("0");
    }

    private static void assertRoundTrip(PgPlanRoundTrip.Outcome o) {
        assertThat(o.skipped()).as(o.forward()).isFalse();
        assertThat(o.forward()).isNull();
        assertThat(o.irreversible()).as("every step has its reverse").isFalse();
        assertThat(o.reverse()).isNull();
    }

    private static List<String> sqlOf(PgPlanRoundTrip.Outcome o) {
        return o.plan().steps().stream().map(Step::sql).toList();
    }

    private static int indexOf(PgPlanRoundTrip.Outcome o, String prefix) {
        List<String> sql = sqlOf(o);
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no step starts with " + prefix + " in " + sql);
    }

    private static String definition(Schema schema, String identity) {
        return schema.objects().stream().filter(o -> o.identity().equals(identity)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + identity + " in " + schema.objects()))
                .definition();
    }
}
