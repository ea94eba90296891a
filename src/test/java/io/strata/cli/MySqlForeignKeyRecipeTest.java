package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On MariaDB a foreign key on an existing table is added INPLACE with foreign_key_checks off for that
 * statement, after a statement that fails while a row lacks its parent: with orphans the pre-flight data check
 * refuses the apply, and with the data checks skipped it fails at that statement; either way no key is left
 * behind. Without orphans the key is added and enforced.
 */
class MySqlForeignKeyRecipeTest {

    private static final String BASE = """
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE child (id int PRIMARY KEY, parent_id int, KEY ix_parent (parent_id));
            INSERT INTO parent VALUES (1), (2);
            INSERT INTO child VALUES (1, 1), (2, NULL), (3, 2)
            """;
    private static final String TARGET = """
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE child (id int PRIMARY KEY, parent_id int, KEY ix_parent (parent_id),
                CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id))
            """;

    @Test
    void orphanRowsFailTheCheckAndNoKeyIsAdded() throws Exception {
        String dev = TestDatabases.mysqlServerUrl();
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, BASE.split(";\\s*"));
        TestDatabases.exec(url, "INSERT INTO child VALUES (4, 99)");
        String target = target();

        CliRun refused = apply(dev, target, url);
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
        var refusal = refused.json().get("results").get(0);
        assertThat(refusal.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refusal.get("message").asText()).contains("would fail [FOREIGN KEY]: 1 row of `child` has a value of "
                + "`parent_id` that no row of `parent` has (parent_id 99)");
        assertThat(foreignKeys(url)).isZero();

        // The statement that guards the key in the plan fails on the same row when the data checks are skipped.
        CliRun apply = apply(dev, target, url, "--skip-data-checks");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isNotZero();
        var result = apply.json().get("results").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(result.get("message").asText()).contains("statement 1 of 2").contains("Subquery returns more than 1 row")
                .contains("fk_parent");
        assertThat(foreignKeys(url)).isZero();
    }

    @Test
    void withoutOrphansTheKeyIsAddedInPlaceAndEnforced() throws Exception {
        String dev = TestDatabases.mysqlServerUrl();
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, BASE.split(";\\s*"));
        String target = target();

        CliRun apply = apply(dev, target, url);
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.json().get("results").get(0).get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(foreignKeys(url)).isEqualTo(1);
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT @@foreign_key_checks").next()).isTrue();
            assertThatThrownBy(() -> s.execute("INSERT INTO child VALUES (5, 99)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("foreign key constraint fails");
        }
        CliRun diff = CliRun.of("diff", "--dialect", "mysql", "--dev-url", dev, url, target, "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
    }

    private static String target() {
        String target = TestDatabases.freshMysql();
        TestDatabases.exec(target, TARGET.split(";\\s*"));
        return target;
    }

    private static CliRun apply(String dev, String target, String url, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("apply", "--dialect", "mysql", "--dev-url",
                dev, target, "--url", url, "--version", "1", "--format", "json"));
        args.addAll(java.util.List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static int foreignKeys(String url) throws SQLException {
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                     + " WHERE CONSTRAINT_SCHEMA = DATABASE()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
