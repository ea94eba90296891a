package io.strata.cli;

import io.strata.api.ApiServer;
import io.strata.api.ServerSettings;
import io.strata.app.Registry;
import io.strata.rollout.SecretsDirectory;
import io.strata.rollout.drift.DriftSchedule;
import io.strata.error.StrataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * ServeCommand is {@code strata serve}: the registry's REST API, the Confluent-compatible API, health and
 * metrics, over the embedded store (an H2 file under {@code ./.strata/}) or a PostgreSQL store, and checks every
 * environment for drift on a schedule. It runs until stopped (Ctrl-C or SIGTERM), closing the schedule, the
 * server and the store on the way out.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the schema registry server (REST API under /api/v1, Confluent-compatible API under /ccompat) and check every environment for drift on a schedule.")
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--store-url", defaultValue = "${env:STRATA_STORE_URL}",
            description = "PostgreSQL JDBC URL of the store (default: $STRATA_STORE_URL, else an H2 file under --store-dir).")
    String storeUrl;

    @Option(names = "--store-dir", defaultValue = ".strata", description = "Directory of the embedded store (default: ${DEFAULT-VALUE}).")
    Path storeDir;

    @Option(names = "--max-body", defaultValue = "1048576", description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--client-expiry", defaultValue = "60", description = "Seconds after its last heartbeat that a client stops counting as live (default: ${DEFAULT-VALUE}).")
    long clientExpirySeconds;

    @Option(names = "--lease-seconds", defaultValue = "15", description = "How long this server's claim on an environment of a "
            + "rollout holds without renewal; another server sharing the store takes the environment over after it (default: ${DEFAULT-VALUE}).")
    long leaseSeconds;

    @Option(names = "--drift-interval", defaultValue = "600", paramLabel = "<seconds>",
            description = "Seconds between scheduled drift checks of every environment; 0 turns them off (default: ${DEFAULT-VALUE}).")
    long driftIntervalSeconds;

    @Option(names = "--mysql-dev-url", defaultValue = "${env:STRATA_MYSQL_DEV_URL}",
            description = "Scratch MySQL/MariaDB database on which SQL subjects of the mysql dialect are replayed.")
    String mysqlDevUrl;

    @Option(names = "--secrets-dir", paramLabel = "DIR", description = "The only directory whose files an environment's "
            + "file: credentials reference may name (default: none, so file: references are refused).")
    Path secretsDir;

    @Override
    public Integer call() throws InterruptedException {
        if (driftIntervalSeconds < 0) {
            throw StrataException.badInput("--drift-interval must be 0 (no scheduled drift check) or a number of seconds, not "
                    + driftIntervalSeconds);
        }
        SecretsDirectory secrets = secretsDir == null ? SecretsDirectory.NONE : SecretsDirectory.at(secretsDir);
        Map<String, String> devUrls = new HashMap<>();
        if (mysqlDevUrl != null && !mysqlDevUrl.isBlank()) {
            devUrls.put("mysql", mysqlDevUrl);
        }
        long started = System.nanoTime();
        // Start-up is mostly class loading: the web server's classes load on one core while the store opens on the other.
        Thread preload = new Thread(ApiServer::preload, "strata-preload");
        preload.setDaemon(true);
        preload.start();
        Registry registry = Registry.open(storeUrl, storeDir, devUrls, secrets);
        preload.join();
        registry.clients().expireAfter(java.time.Duration.ofSeconds(Math.max(1, clientExpirySeconds)));
        registry.rollouts().start(java.time.Duration.ofSeconds(Math.max(1, leaseSeconds)));
        ApiServer server;
        try {
            server = ApiServer.start(registry, new ServerSettings(host, port, maxBody));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        DriftSchedule driftSchedule = DriftSchedule.start(registry.environments(), registry.drift(), driftIntervalSeconds);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            driftSchedule.close();
            server.close();
            registry.close();
            stopped.countDown();
        }, "strata-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("strata serve: listening on http://%s:%d (store: %s %s) in %d ms%n", host, server.port(),
                registry.storeKind(), registry.storeUrl(), (System.nanoTime() - started) / 1_000_000);
        out.printf("  REST API:    http://localhost:%d/api/v1/schemas   OpenAPI: /api/v1/openapi.json%n", server.port());
        out.printf("  Confluent:   http://localhost:%d/ccompat          health: /health   metrics: /metrics%n", server.port());
        out.printf("  Drift:       %s%n", driftSchedule.running() ? "every environment checked every " + driftIntervalSeconds + " s"
                : "no scheduled check (--drift-interval 0)");
        out.flush();
        stopped.await();
        return 0;
    }
}
