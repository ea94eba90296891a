package io.strata.cli;

import io.strata.testing.TestKeys;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata rollout} against a server started in-process, with real PostgreSQL databases as environments. */
class RolloutCommandTest {

    @TempDir
    Path dir;

    private InProcessServer running;
    private String url;

    @BeforeEach
    void start() {
        running = new InProcessServer(dir);
        url = running.url();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void createExecuteAndWaitThenAStoppedRolloutExitsOne() throws Exception {
        // The README's order on a fresh store: a rollout asked for before anything was registered says what to do.
        CliRun early = CliRun.of("rollout", "create", "shop.orders", "--waves", "1,rest", "--server", url);
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("subject \"shop.orders\" has no registered version to roll out")
                .contains("strata register shop.orders schema.sql --server URL");

        Path v1 = dir.resolve("orders.sql");
        Files.writeString(v1, "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);");
        CliRun register = CliRun.of("register", "shop.orders", v1.toString(), "--server", url);
        assertThat(register.exitCode()).as(register.err()).isZero();
        String dev = TestDatabases.freshPostgres();
        assertThat(CliRun.of("env", "add", "dev", "--tier", "dev", "--url", dev, "--server", url).exitCode()).isZero();

        CliRun create = CliRun.of("rollout", "create", "shop.orders", "--server", url);
        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(create.out()).contains("CREATED");
        CliRun run = CliRun.of("rollout", "execute", rolloutId(create), "--wait", "--server", url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("SUCCEEDED");
        assertThat(TestDatabases.rows(dev, "SELECT version FROM strata_history WHERE success")).contains("shop.orders@1");

        // A target that does not answer refuses the rollout before anything runs (exit 2).
        assertThat(CliRun.of("env", "add", "staging", "--tier", "staging", "--url",
                "jdbc:postgresql://127.0.0.1:1/gone?user=postgres", "--server", url).exitCode()).isZero();
        CliRun unreachable = CliRun.of("rollout", "create", "shop.orders", "--env", "staging", "--server", url);
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).contains("staging", "cannot be reached; nothing ran");

        // One that goes away after the rollout was created stops it (exit 1).
        assertThat(CliRun.of("env", "remove", "staging", "--server", url).exitCode()).isZero();
        String doomed = TestDatabases.freshPostgres();
        assertThat(CliRun.of("env", "add", "staging", "--tier", "staging", "--url", doomed, "--server", url).exitCode()).isZero();
        CliRun second = CliRun.of("rollout", "create", "shop.orders", "--env", "staging", "--server", url);

        TestDatabases.exec(TestDatabases.postgresServerUrl(), "DROP DATABASE " + TestDatabases.databaseName(doomed) + " WITH (FORCE)");
        CliRun stopped = CliRun.of("rollout", "execute", rolloutId(second), "--wait", "--server", url);
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.out()).contains("PAUSED", "FAILED");
        CliRun unknown = CliRun.of("rollout", "status", "424242", "--server", url);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("rollout 424242 not found");
    }

    @Test
    void rollbackThenSyncAndRepairFromTheCommandLine() throws Exception {
        Path v1 = dir.resolve("notes.sql");
        Files.writeString(v1, "CREATE TABLE notes (id bigint PRIMARY KEY, body text);");
        assertThat(CliRun.of("register", "shop.notes", v1.toString(), "--server", url).exitCode()).isZero();
        String dev = TestDatabases.freshPostgres();
        assertThat(CliRun.of("env", "add", "dev", "--tier", "dev", "--url", dev, "--server", url).exitCode()).isZero();
        String first = rolloutId(CliRun.of("rollout", "create", "shop.notes", "--server", url));
        assertThat(CliRun.of("rollout", "execute", first, "--wait", "--server", url).out()).contains("SUCCEEDED");

        CliRun back = CliRun.of("rollout", "rollback", first, "--wait", "--server", url);
        assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
        assertThat(back.out()).contains("ROLLED_BACK");
        assertThat(TestDatabases.rows(dev, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'notes'"))
                .containsExactly("0");
        CliRun pause = CliRun.of("rollout", "pause", first, "--server", url);
        assertThat(pause.exitCode()).isEqualTo(2);
        assertThat(pause.err()).contains("ROLLED_BACK");

        String second = rolloutId(CliRun.of("rollout", "create", "shop.notes", "--server", url));
        assertThat(CliRun.of("rollout", "execute", second, "--wait", "--server", url).out()).contains("SUCCEEDED");
        TestDatabases.exec(dev, "ALTER TABLE notes ADD COLUMN by_hand text");
        CliRun drifted = CliRun.of("env", "sync", "dev", "--server", url);
        assertThat(drifted.exitCode()).as(drifted.out() + drifted.err()).isEqualTo(1);
        assertThat(drifted.out()).contains("change(s) from shop.notes@1", "the way back (destructive)", "by_hand",
                "strata env repair dev");
        CliRun repair = CliRun.of("env", "repair", "dev", "--execute", "--wait", "--server", url);
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        assertThat(repair.out()).contains("repair back to shop.notes version 1, SUCCEEDED");
        CliRun clean = CliRun.of("env", "sync", "dev", "--server", url);
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).contains("dev: no drift from shop.notes@1");
        CliRun health = CliRun.of("env", "health", "dev", "--server", url);
        assertThat(health.out()).contains("versions: shop.notes@1", "drift: none (checked ", "SUCCEEDED here");
    }

    @Test
    void aRolloutToProdWaitsForAnApprovalGivenFromTheCommandLine() throws Exception {
        Path v1 = dir.resolve("items.sql");
        Files.writeString(v1, "CREATE TABLE items (id bigint PRIMARY KEY, name text);");
        assertThat(CliRun.of("register", "shop.items", v1.toString(), "--server", url).exitCode()).isZero();
        String prod = TestDatabases.freshPostgres();
        assertThat(CliRun.of("env", "add", "dev", "--tier", "dev", "--url", TestDatabases.freshPostgres(), "--server", url).exitCode())
                .isZero();
        CliRun addProd = CliRun.of("env", "add", "prod", "--tier", "prod", "--url", prod, "--server", url);
        assertThat(addProd.out()).contains("production, approvals low 1 high 2");

        CliRun create = CliRun.of("rollout", "create", "shop.items", "--server", url);
        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(create.out()).contains("PENDING_APPROVAL", "waits for 1 more approval(s), 0 of 1 given: LOW risk, tier prod asks 1");
        String id = rolloutId(create);
        CliRun early = CliRun.of("rollout", "execute", id, "--server", url);
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("waits for approvals: 1 missing");
        // The CLI created it with the admin key, whose holder cannot approve it, not even with another key.
        CliRun own = CliRun.of("rollout", "approve", id, "--server", url);
        assertThat(own.exitCode()).isEqualTo(2);
        assertThat(own.err()).contains("was created by " + TestKeys.ADMIN_ACTOR + ", who cannot approve it");
        String adminsOtherKey = TestKeys.issue(running.registry(), "admin", "releaser", null);
        assertThat(CliRun.of("rollout", "approve", id, "--server", url, "--token", adminsOtherKey).err())
                .contains("cannot approve it");
        CliRun developer = CliRun.of("rollout", "approve", id, "--server", url, "--token",
                TestKeys.issue(running.registry(), "dana", "developer", null));
        assertThat(developer.exitCode()).isEqualTo(2);
        assertThat(developer.err()).contains("releaser");

        String bob = TestKeys.issue(running.registry(), "bob", "releaser", null);
        CliRun approve = CliRun.of("rollout", "approve", id, "--comment", "read the plan", "--server", url, "--token", bob);
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("rollout " + id + ": CREATED, LOW risk, 1 of 1 approval(s) (created by "
                + TestKeys.ADMIN_ACTOR + ")", "bob (key k", "read the plan");
        JsonNode approvals = CliRun.of("rollout", "approvals", id, "--format", "json", "--server", url).json();
        assertThat(approvals.path("approvals").findValuesAsText("approver")).singleElement().asString().startsWith("bob (key k");
        assertThat(approvals.path("approvals").get(0).path("counts").asBoolean()).isTrue();
        CliRun run = CliRun.of("rollout", "execute", id, "--wait", "--server", url);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(TestDatabases.rows(prod, "SELECT version FROM strata_history WHERE success")).contains("shop.items@1");
    }

    private static String rolloutId(CliRun create) {
        Matcher id = Pattern.compile("rollout (\\d+):").matcher(create.out());
        assertThat(id.find()).as(create.out() + create.err()).isTrue();
        return id.group(1);
    }
}
