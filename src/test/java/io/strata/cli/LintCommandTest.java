package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata lint} end to end on SQL sources replayed on the embedded PostgreSQL. */
class LintCommandTest {

    private static final String V1 = "CREATE TABLE orders (id integer PRIMARY KEY, note text);\n";
    private static final String DROPS_NOTE = "CREATE TABLE orders (id integer PRIMARY KEY);\n";

    @TempDir
    Path dir;

    private Path file(String name, String sql) throws Exception {
        return Files.writeString(dir.resolve(name), sql);
    }

    private CliRun lint(Path from, Path to, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "lint";
        args[1] = "--dev-url";
        args[2] = TestDatabases.postgresServerUrl();
        args[3] = from.toString();
        args[4] = to.toString();
        args[5] = "--format=json";
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }

    @Test
    void droppingAColumnIsAnErrorAndExitsOne() throws Exception {
        CliRun run = lint(file("v1.sql", V1), file("v2.sql", DROPS_NOTE));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.get("errors").asInt()).isEqualTo(2);
        assertThat(json.get("warnings").asInt()).isZero();
        assertThat(json.get("diagnostics")).extracting(d -> d.get("code").asText()).containsExactlyInAnyOrder("DS102", "BC101");
        JsonNode first = json.get("diagnostics").get(0);
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("location").asText()).isEqualTo("public.orders.note");
        assertThat(first.get("message").asText()).contains("note");
        assertThat(first.get("sql").asText()).contains("DROP COLUMN");
    }

    /** The codes raised from FROM to TO among the backward-incompatible family. */
    private java.util.List<String> backwardIncompatible(String from, String to) throws Exception {
        CliRun run = lint(file("from.sql", from), file("to.sql", to));
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        java.util.List<String> codes = new java.util.ArrayList<>();
        run.json().get("diagnostics").forEach(d -> codes.add(d.get("code").asText()));
        return codes.stream().filter(c -> c.startsWith("BC")).toList();
    }

    @Test
    void compatibilityBreaksForOldClientsBecomeBackwardIncompatibleCodes() throws Exception {
        String base = "CREATE TYPE status AS ENUM ('new', 'paid', 'void');\n"
                + "CREATE TABLE orders (\n id integer PRIMARY KEY,\n note text,\n code text,\n state status\n);\n";
        assertThat(backwardIncompatible(base, base.replace(" note text,\n", ""))).containsExactly("BC101");
        assertThat(backwardIncompatible(base, base.replace(" note text,", " remark text, -- strata:renamed-from note")))
                .containsExactly("BC102");
        assertThat(backwardIncompatible(base, base.replace(" note text,", " note text, qty int NOT NULL,")))
                .containsExactly("BC103");
        assertThat(backwardIncompatible(base, base.replace("code text", "code integer"))).containsExactly("BC104");
        assertThat(backwardIncompatible(base, base.replace(", 'void'", ""))).containsExactly("BC105");
    }

    @Test
    void changesOldClientsSurviveRaiseNoBackwardIncompatibleCode() throws Exception {
        String base = "CREATE TYPE status AS ENUM ('new', 'paid');\n"
                + "CREATE TABLE orders (id integer PRIMARY KEY, note text, code varchar(10), state status);\n";
        assertThat(backwardIncompatible(base, base.replace("note text", "note text, extra text"))).isEmpty();
        assertThat(backwardIncompatible(base, base.replace("note text", "note text, qty int NOT NULL DEFAULT 1")))
                .isEmpty();
        assertThat(backwardIncompatible(base, base.replace("varchar(10)", "varchar(20)"))).isEmpty();
        assertThat(backwardIncompatible(base, base.replace("'paid'", "'paid', 'void'"))).isEmpty();
    }

    @Test
    void anAdditiveChangeExitsZero() throws Exception {
        CliRun run = lint(file("v1.sql", V1), file("v2.sql", "CREATE TABLE orders (id integer PRIMARY KEY, note text, qty int);\n"));
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.json().get("errors").asInt()).isZero();
    }

    @Test
    void theConfigurationLowersASeverity() throws Exception {
        Path config = file("strata.yaml", "lint:\n  severity:\n    DS102: warning\n    BC101: off\n");
        CliRun run = lint(file("v1.sql", V1), file("v2.sql", DROPS_NOTE), "--config", config.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("warnings").asInt()).isEqualTo(1);
        assertThat(json.get("diagnostics")).extracting(d -> d.get("code").asText()).containsExactly("DS102");
    }

    @Test
    void aNolintCommentSuppressesTheCodes() throws Exception {
        CliRun run = lint(file("v1.sql", V1),
                file("v2.sql", "-- strata:nolint DS102,BC101 public.orders.note\n" + DROPS_NOTE));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("diagnostics")).isEmpty();
    }

    @Test
    void aBadConfigurationIsBadInputNamingTheKey() throws Exception {
        Path config = file("strata.yaml", "lint:\n  severity:\n    DS102: loud\n");
        CliRun run = lint(file("v1.sql", V1), file("v2.sql", DROPS_NOTE), "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("lint.severity.DS102");
    }

    @Test
    void textOutputHasOneLinePerDiagnosticAndATotal() throws Exception {
        CliRun run = CliRun.of("lint", "--dev-url", TestDatabases.postgresServerUrl(),
                file("v1.sql", V1).toString(), file("v2.sql", DROPS_NOTE).toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("DS102", "public.orders.note", "2 errors, 0 warnings, 0 notices");
    }

    private static java.util.List<String> codes(CliRun run) {
        java.util.List<String> out = new java.util.ArrayList<>();
        run.json().get("diagnostics").forEach(d -> out.add(d.get("code").asText() + " " + d.get("location").asText()));
        return out;
    }

    @Test
    void aMigrationFileIsLintedOnTheFilesBeforeIt() throws Exception {
        file("V1__orders.sql", "CREATE TABLE customers (id int PRIMARY KEY);\n"
                + "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, note text);\n");
        Path v2 = file("V2__index_and_key.sql", "CREATE INDEX orders_customer ON orders (customer_id);\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);\n"
                + "ALTER TABLE orders DROP COLUMN note;\n");
        CliRun run = CliRun.of("lint", "--dev-url", TestDatabases.postgresServerUrl(), v2.toString(), "--format=json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(codes(run)).contains("LK103 public.orders.orders_customer", "LK102 public.orders.orders_customer_fk",
                "DS102 public.orders.note");
    }

    @Test
    void theSafeFormsOfTheSameFileRaiseNoLockingCode() throws Exception {
        Path base = file("base.sql", "CREATE TABLE customers (id int PRIMARY KEY);\n"
                + "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, note text);\n");
        Path migration = file("add_index.sql", "CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n");
        CliRun run = CliRun.of("lint", "--dev-url", TestDatabases.postgresServerUrl(), migration.toString(),
                "--base", base.toString(), "--format=json");
        assertThat(run.err()).isEmpty();
        assertThat(codes(run)).noneMatch(c -> c.startsWith("LK"))
                .as("the concurrent build cannot share the file's transaction").anyMatch(c -> c.startsWith("TX101"));
    }

    @Test
    void aMySqlStatementTheServerRefusesIsBadInputNamingTheUsersTableNotTheScratchDatabase() throws Exception {
        Path base = file("base.sql", "CREATE TABLE orders (id int PRIMARY KEY);\n");
        Path migration = file("V2__typo.sql", "ALTER TABLE order_lines ADD COLUMN note text;\n");
        CliRun run = CliRun.of("lint", "--dev-url", TestDatabases.mysqlServerUrl(), migration.toString(),
                "--base", base.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("V2__typo.sql:1", "'order_lines'").doesNotContain("strata_dev");
    }

    @Test
    void aMigrationFilesDiagnosticsCarryTheLineOfTheirStatement() throws Exception {
        Path base = file("base.sql", "CREATE TABLE orders (id int PRIMARY KEY, note text, qty int);\n");
        Path migration = file("V2__two.sql", "-- tidy up\nALTER TABLE orders ADD COLUMN total int;\n\nALTER TABLE orders\n"
                + "    ADD COLUMN placed date,\n    DROP COLUMN note,\n    DROP COLUMN qty;\n");
        CliRun run = CliRun.of("lint", "--dev-url", TestDatabases.postgresServerUrl(), migration.toString(),
                "--base", base.toString(), "--format=json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        java.util.List<String> lines = new java.util.ArrayList<>();
        run.json().get("diagnostics").forEach(d -> lines.add(d.get("code").asText() + " " + d.get("location").asText()
                + " line " + d.get("line").asText()));
        assertThat(lines).as("every column the second ALTER drops, not only the first").contains(
                "DS102 public.orders.note line 4", "DS102 public.orders.qty line 4", "BC101 public.orders.qty line 4");
    }

    @Test
    void aSingleArgumentThatIsNotAMigrationFileIsBadInput() throws Exception {
        Path model = file("schema.yaml", "dialect: postgres\n");
        CliRun run = CliRun.of("lint", model.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not a .sql file");
    }

    @Test
    void aMissingMigrationFileIsNamedAsMissing() {
        CliRun run = CliRun.of("lint", "db/migrations/V7__orders_index.sql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file: \"db/migrations/V7__orders_index.sql\"").doesNotContain("not a .sql file");
    }

    @Test
    void theReadmesMigrationExampleIsLintedOnTheFileBeforeIt() {
        CliRun run = CliRun.of("lint", "--dev-url", TestDatabases.postgresServerUrl(),
                "examples/migrations/V2__orders_placed_at.sql", "--format=json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(codes(run)).containsExactly("LK103 public.orders.placed_at");
    }
}
