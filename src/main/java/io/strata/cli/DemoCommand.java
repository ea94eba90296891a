package io.strata.cli;

import io.strata.api.ApiServer;
import io.strata.api.ServerSettings;
import io.strata.app.demo.RunDemo;
import io.strata.app.ManageKeys;
import io.strata.app.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * DemoCommand is {@code strata demo}: the server on a fresh embedded store, an embedded PostgreSQL with dev,
 * staging and four prod shards, the example shop schema registered and rolled out version by version, drift
 * made and found; then the server keeps running with its URLs printed, until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Strata end to end on embedded databases: register, roll out in waves, detect drift; then keep serving.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the server (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--examples", defaultValue = "examples", description = "Directory holding shop/v1.sql..v3.sql (default: ${DEFAULT-VALUE}).")
    Path examples;

    @Option(names = "--exit", description = "Stop when the demo is done instead of serving until Ctrl-C.")
    boolean exit;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path store = Files.createTempDirectory("strata-demo");
        Registry registry = Registry.open(null, store, Map.of());
        ApiServer server;
        try {
            server = ApiServer.start(registry, new ServerSettings("127.0.0.1", port, ServerSettings.DEFAULT_MAX_BODY));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        RunDemo demo = new RunDemo(registry, examples, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            registry.close();
            demo.close();
            stopped.countDown();
        }, "strata-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("strata demo: server on http://127.0.0.1:" + server.port() + " (store " + store + ")");
        AdminBootstrap.forDemo(registry, out);
        // Production rollouts need a second person: the demo's reviewer approves what the admin starts.
        String reviewer = registry.keys().create(new ManageKeys.KeyRequest("reviewer", "releaser", null, null), "strata demo").token();
        out.println("Reviewer key (a releaser, for approvals): export REVIEWER_TOKEN=" + reviewer);
        out.flush();
        demo.run();
        String base = "http://127.0.0.1:" + server.port();
        out.println();
        out.println("Open (every request needs the key: curl -H \"Authorization: Bearer $STRATA_TOKEN\" URL):");
        out.println("  " + base + "/api/v1/schemas/shop                 the subject, its versions and semantic versions");
        out.println("  " + base + "/api/v1/migrations                   the rollouts (version 3 phase by phase), environment by environment");
        out.println("  " + base + "/api/v1/environments/prod_3/drift    the drift found on prod_3, and the way back");
        out.println("  " + base + "/api/v1/environments/prod_3/health   versions per subject, drift, the last rollout there");
        out.println("  " + base + "/api/v1/audit                        the hash-chained audit trail");
        out.println("  " + base + "/metrics                             Prometheus metrics");
        out.println("Try, to take prod_3 back to shop@3 (a production rollout, so a second person approves it):");
        out.println("  ./strata env repair prod_3 --server " + base + " --token $STRATA_TOKEN        # prints the rollout's ID");
        out.println("  ./strata rollout approve ID --server " + base + " --token $REVIEWER_TOKEN");
        out.println("  ./strata rollout execute ID --wait --server " + base + " --token $STRATA_TOKEN");
        out.flush();
        if (exit) {
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
            return 0;
        }
        out.println("Serving until Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
