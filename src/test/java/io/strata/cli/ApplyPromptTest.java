package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The question {@code strata apply} and {@code strata rollback} ask on a terminal before they change a database, driven
 * through the real commands on PostgreSQL with a terminal that answers as a person would: a plan that destroys data
 * runs only after "y", "n" leaves the target and its history as they were, and without a terminal (CI) nothing is asked.
 */
class ApplyPromptTest {

    @TempDir
    Path dir;

    /** A terminal with a person who gives {@code answer} to every question, keeping the questions asked. */
    private static final class Person implements Terminal {
        private final boolean interactive;
        private final String answer;
        final List<String> asked = new ArrayList<>();

        Person(boolean interactive, String answer) {
            this.interactive = interactive;
            this.answer = answer;
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public String ask(String question) {
            asked.add(question);
            return answer;
        }
    }

    private static String target() {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, "CREATE TABLE orders (id int PRIMARY KEY, note text, legacy text)",
                "INSERT INTO orders SELECT g, 'n' || g, 'l' || g FROM generate_series(1, 20) g");
        return url;
    }

    private Path desired(String orders) throws Exception {
        Path file = dir.resolve("desired.sql");
        Files.writeString(file, "CREATE TABLE orders (" + orders + ");\n");
        return file;
    }

    private static List<String> columns(String url) throws Exception {
        return TestDatabases.rows(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' "
                + "ORDER BY ordinal_position");
    }

    private static CliRun apply(Terminal terminal, Path desired, String url, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--dev-url", TestDatabases.postgresServerUrl(),
                desired.toString(), "--url", url));
        args.addAll(List.of(more));
        if (!args.contains("--version")) {
            args.addAll(List.of("--version", "2"));
        }
        return CliRun.on(terminal, args.toArray(String[]::new));
    }

    @Test
    void aDestructivePlanRunsOnATerminalOnlyAfterYes() throws Exception {
        String url = target();
        Person person = new Person(true, "y");

        CliRun run = apply(person, desired("id int PRIMARY KEY, note text"), url);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(person.asked).hasSize(1);
        assertThat(person.asked.get(0)).matches("Apply \\d+ statements to jdbc:postgresql://\\S+ \\? \\[y/N\\] ");
        // The plan is shown with its hazard, named by the user's table and column.
        assertThat(run.err()).contains("DROP COLUMN \"legacy\"").contains("hazards:").contains("DS102")
                .contains("orders.legacy");
        assertThat(columns(url)).containsExactly("id", "note");
    }

    @Test
    void noAtThePromptRunsNothingAndRecordsNothing() throws Exception {
        String url = target();
        Person person = new Person(true, "no");

        CliRun run = apply(person, desired("id int PRIMARY KEY, note text"), url);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(person.asked).hasSize(1);
        assertThat(run.err()).contains("version 2 was refused at the prompt; nothing was run");
        assertThat(columns(url)).containsExactly("id", "note", "legacy");
        assertThat(TestDatabases.rows(url, "SELECT count(legacy) FROM orders")).containsExactly("20");
        assertThat(CliRun.of("status", "--url", url).out()).contains("no migrations recorded");
    }

    @Test
    void withoutATerminalNothingIsAskedAndThePlanRuns() throws Exception {
        String url = target();
        Person ci = new Person(false, "n");

        CliRun run = apply(ci, desired("id int PRIMARY KEY, note text"), url);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(ci.asked).isEmpty();
        assertThat(run.out() + run.err()).doesNotContain("[y/N]").doesNotContain("hazards:");
        assertThat(columns(url)).containsExactly("id", "note");
    }

    @Test
    void autoApproveSkipsTheQuestionOnATerminal() throws Exception {
        String url = target();
        Person person = new Person(true, "n");

        CliRun run = apply(person, desired("id int PRIMARY KEY, note text"), url, "--auto-approve");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(person.asked).isEmpty();
        assertThat(columns(url)).containsExactly("id", "note");
    }

    @Test
    void aPlanWithoutHazardIsNotAskedAbout() throws Exception {
        String url = target();
        Person person = new Person(true, "n");

        // A nullable column: no data lost, no lock held longer than a catalog update.
        CliRun run = apply(person, desired("id int PRIMARY KEY, note text, legacy text, extra text"), url);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(person.asked).isEmpty();
        assertThat(columns(url)).containsExactly("id", "note", "legacy", "extra");
    }

    @Test
    void rollbackAsksOnATerminalAndNoKeepsTheNewerVersion() throws Exception {
        String url = target();
        assertThat(apply(new Person(false, null), desired("id int PRIMARY KEY, note text, legacy text, extra text"), url)
                .exitCode()).isZero();

        Person no = new Person(true, "N");
        CliRun refused = CliRun.on(no, "rollback", "--url", url);
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(no.asked).singleElement().asString()
                .matches("Roll back version 2 at jdbc:postgresql://\\S+ \\(1 statement\\) \\? \\[y/N\\] ");
        assertThat(refused.err()).contains("rollback of version 2").contains("DROP COLUMN \"extra\"")
                .contains("the rollback was refused at the prompt; nothing was run");
        assertThat(columns(url)).contains("extra");
        var history = CliRun.of("status", "--url", url, "--format", "json").json().get("history");
        assertThat(history).hasSize(1);

        Person yes = new Person(true, "yes");
        CliRun rolledBack = CliRun.on(yes, "rollback", "--url", url);
        assertThat(rolledBack.exitCode()).as(rolledBack.out() + rolledBack.err()).isZero();
        assertThat(yes.asked).hasSize(1);
        assertThat(columns(url)).containsExactly("id", "note", "legacy");

        // Without a terminal rollback runs as before, unasked; --auto-approve skips the question on one.
        assertThat(apply(new Person(false, null), desired("id int PRIMARY KEY, note text, legacy text, extra text"), url,
                "--version", "3").exitCode()).isZero();
        Person ci = new Person(false, "n");
        CliRun unasked = CliRun.on(ci, "rollback", "--url", url);
        assertThat(unasked.exitCode()).as(unasked.out() + unasked.err()).isZero();
        assertThat(ci.asked).isEmpty();
        assertThat(columns(url)).containsExactly("id", "note", "legacy");
    }

    @Test
    void pruningEveryBackupAsksOnATerminalAndASelectorDoesNot() throws Exception {
        String url = target();
        // Dropping "legacy" backs it up.
        assertThat(apply(new Person(false, null), desired("id int PRIMARY KEY, note text"), url, "--auto-approve")
                .exitCode()).isZero();
        assertThat(backups(url)).hasSize(1);

        Person no = new Person(true, "no");
        CliRun refused = CliRun.on(no, "backups", "prune", "--url", url);
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(no.asked).singleElement().asString().matches("Drop all 1 backups at jdbc:postgresql://\\S+ \\? \\[y/N\\] ");
        assertThat(refused.err()).contains("(version 2, made ").contains("nothing was pruned: not confirmed");
        assertThat(backups(url)).hasSize(1);

        Person selector = new Person(true, "no");
        CliRun byVersion = CliRun.on(selector, "backups", "prune", "--url", url, "--version", "2");
        assertThat(byVersion.exitCode()).as(byVersion.out() + byVersion.err()).isZero();
        assertThat(selector.asked).as("a selector names what goes: nothing to ask").isEmpty();
        assertThat(backups(url)).isEmpty();
    }

    private static com.fasterxml.jackson.databind.JsonNode backups(String url) {
        return CliRun.of("status", "--url", url, "--format", "json").json().get("backups");
    }

    @Test
    void aPhasedPlanAsksBeforeThePhaseThatDestroysNotBeforeTheOthers() throws Exception {
        String url = target();
        Path desired = desired("id int PRIMARY KEY, note text, currency char(3) NOT NULL DEFAULT 'EUR'");

        // EXPAND adds the column: nothing in it destroys data, so a terminal is not asked.
        Person expand = new Person(true, "n");
        CliRun first = apply(expand, desired, url, "--phase", "expand");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(expand.asked).isEmpty();
        assertThat(columns(url)).contains("currency", "legacy");

        // CONTRACT drops "legacy": it runs the recorded plan, and asks first.
        Person no = new Person(true, "n");
        CliRun refused = apply(no, desired, url, "--version", "3", "--phase", "contract");
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(no.asked).singleElement().asString().startsWith("Apply ");
        assertThat(refused.err()).contains("DS102").contains("version 3 was refused at the prompt; nothing was run");
        assertThat(columns(url)).contains("legacy");
        assertThat(CliRun.of("status", "--url", url, "--format", "json").json().get("history")).hasSize(1);

        Person yes = new Person(true, "y");
        CliRun contract = apply(yes, desired, url, "--version", "3", "--phase", "contract");
        assertThat(contract.exitCode()).as(contract.out() + contract.err()).isZero();
        assertThat(yes.asked).hasSize(1);
        assertThat(columns(url)).doesNotContain("legacy");
    }
}
