package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata env} against a server started in-process and real PostgreSQL databases as environments. */
class EnvCommandTest {

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
    void addListShowHealthRemove() {
        String prod = TestDatabases.freshPostgres();
        CliRun add = CliRun.of("env", "add", "prod-1", "--tier", "prod", "--group", "prod-shards", "--url", prod, "--server", url);
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("added prod-1: prod (order 30, group prod-shards)", "destructive steps refused",
                "production, approvals low 1 high 2");
        CliRun vault = CliRun.of("env", "add", "vault", "--tier", "vault", "--order", "40", "--production", "--approvals", "high=3",
                "--second-factor", "--url", TestDatabases.freshPostgres(), "--server", url);
        assertThat(vault.exitCode()).as(vault.err()).isZero();
        assertThat(vault.out()).contains("added vault: vault (order 40)", "production, approvals low 1 high 3 (second factor)");
        CliRun risky = CliRun.of("env", "add", "odd", "--tier", "dev", "--approvals", "extreme=1", "--url", TestDatabases.freshPostgres(),
                "--server", url);
        assertThat(risky.exitCode()).isEqualTo(2);
        assertThat(risky.err()).contains("risk \"extreme\"");
        CliRun dev = CliRun.of("env", "add", "dev", "--tier", "dev", "--url", TestDatabases.freshPostgres(), "--server", url);
        assertThat(dev.exitCode()).isZero();
        CliRun list = CliRun.of("env", "list", "--server", url);
        assertThat(list.out().indexOf("dev")).isLessThan(list.out().indexOf("prod-1"));
        CliRun health = CliRun.of("env", "health", "prod-1", "--server", url);
        assertThat(health.exitCode()).as(health.err()).isZero();
        assertThat(health.out()).contains("prod-1: reachable", "PostgreSQL", "applied: nothing recorded by Strata");
        CliRun none = CliRun.of("clients", "--env", "prod-1", "--server", url);
        assertThat(none.out()).contains("no live clients in prod-1");
        assertThat(CliRun.of("env", "remove", "prod-1", "--server", url).exitCode()).isZero();
        CliRun gone = CliRun.of("env", "show", "prod-1", "--server", url);
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("environment \"prod-1\" not found");
    }

    @Test
    void unreachableEnvironmentHealthExitsOneAndBadInputExitsTwo() {
        assertThat(CliRun.of("env", "add", "gone", "--tier", "dev", "--url", "jdbc:postgresql://127.0.0.1:1/x?user=postgres",
                "--server", url).exitCode()).isZero();
        CliRun health = CliRun.of("env", "health", "gone", "--server", url);
        assertThat(health.exitCode()).isEqualTo(1);
        assertThat(health.out()).contains("gone: unreachable");
        CliRun leaky = CliRun.of("env", "add", "leaky", "--tier", "dev", "--url",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=hunter2", "--server", url);
        assertThat(leaky.exitCode()).isEqualTo(2);
        assertThat(leaky.err()).contains("credentials").doesNotContain("hunter2");
    }

    @Test
    void importsTheEnvironmentsAStrataYamlDeclaresAndComparesExistingOnes() throws Exception {
        String devUrl = TestDatabases.freshPostgres();
        String prodUrl = TestDatabases.freshPostgres();
        Path file = dir.resolve("strata.yaml");
        java.nio.file.Files.writeString(file, """
                lint:
                  severities: {}
                environments:
                  - name: dev
                    tier: dev
                    url: "%s"
                  - name: prod-1
                    tier: prod
                    group: prod-shards
                    url: "%s"
                    credentials: none
                    policy:
                      approvals: {high: 3}
                """.formatted(devUrl, prodUrl));
        CliRun first = CliRun.of("env", "import", file.toString(), "--server", url);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("added dev", "added prod-1");
        CliRun again = CliRun.of("env", "import", file.toString(), "--server", url);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("unchanged dev", "unchanged prod-1");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("group: prod-shards", "group: eu-shards"));
        CliRun changed = CliRun.of("env", "import", file.toString(), "--server", url);
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.out()).contains("differs prod-1 (group: file \"eu-shards\", server \"prod-shards\")");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("group: eu-shards", "group: prod-shards")
                .replace("{high: 3}", "{high: 4}"));
        CliRun stricter = CliRun.of("env", "import", file.toString(), "--server", url);
        assertThat(stricter.exitCode()).isEqualTo(1);
        assertThat(stricter.out()).as("a policy is compared by what the file gives").contains("differs prod-1 (policy.approvals.high: file 4, server 3)");
        java.nio.file.Files.writeString(file, "environments:\n  - name: x\n    colour: blue\n");
        CliRun unknown = CliRun.of("env", "import", file.toString(), "--server", url);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("\"colour\" is unknown");
    }
}
