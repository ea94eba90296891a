package io.strata.cli;

import io.strata.api.ApiServer;
import io.strata.api.ServerSettings;
import io.strata.app.registry.Registry;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata env} against a server started in-process and real PostgreSQL databases as environments. */
class EnvCommandTest {

    @TempDir
    Path dir;

    private Registry registry;
    private ApiServer server;
    private String url;

    @BeforeEach
    void start() {
        registry = Registry.open(null, dir.resolve("store"), Map.of());
        server = ApiServer.start(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void addListShowHealthRemove() {
        String prod = TestDatabases.freshPostgres();
        CliRun add = CliRun.of("env", "add", "prod-1", "--tier", "prod", "--group", "prod-shards", "--url", prod, "--server", url);
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("added prod-1: prod (order 30, group prod-shards)", "destructive steps refused");
        CliRun dev = CliRun.of("env", "add", "dev", "--tier", "dev", "--url", TestDatabases.freshPostgres(), "--server", url);
        assertThat(dev.exitCode()).isZero();
        CliRun list = CliRun.of("env", "list", "--server", url);
        assertThat(list.out().indexOf("dev")).isLessThan(list.out().indexOf("prod-1"));
        CliRun health = CliRun.of("env", "health", "prod-1", "--server", url);
        assertThat(health.exitCode()).as(health.err()).isZero();
        assertThat(health.out()).contains("prod-1: reachable", "PostgreSQL", "applied: nothing recorded by Strata");
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
}
