package io.strata.bench;

import io.strata.app.ApplySchema;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.registry.RegisterRequest;
import io.strata.app.Registry;
import io.strata.rollout.EnvironmentRequest;
import io.strata.rollout.Operator;
import io.strata.rollout.RolloutRequest;
import io.strata.model.SubjectFormat;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.rollout.Rollout;
import io.strata.rollout.RolloutState;
import io.strata.testing.TestDatabases;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * RolloutBench measures issue 6's rollout figure: a 5-statement migration rolled out to N shard databases
 * (default 50) at concurrency 10, against the slowest of single-database applies of the same migration done
 * directly, and the time Strata adds per environment.
 *
 * <pre>
 * java -cp ... io.strata.bench.RolloutBench [SHARDS] [CONCURRENCY]
 * </pre>
 */
public final class RolloutBench {

    private static final Operator BENCH = new Operator("bench", true, false);
    /** The shards ask no approvals: the figure is the rollout's own cost, not a review's. */
    private static final EnvironmentRequest.ReviewPolicy NO_APPROVALS = new EnvironmentRequest.ReviewPolicy(null,
            Map.of("low", 0, "high", 0), null);

    static final String V1 = "CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);";
    static final String V2 = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, email text, region text,
                                   created_at timestamptz DEFAULT now());
            CREATE INDEX accounts_region ON accounts (region);
            CREATE TABLE audit_log (id bigint PRIMARY KEY, account_id bigint, at timestamptz);
            """;

    private RolloutBench() {
    }

    public static void main(String[] args) throws Exception {
        int shards = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("strata-rollout-bench");
        Path v1 = dir.resolve("v1.sql");
        Path v2 = dir.resolve("v2.sql");
        // (reassigned to the model files below)
        Files.writeString(v1, V1);
        Files.writeString(v2, V2);

        // The direct baseline: strata apply's use case, v1 -> v2, on single databases, one after the other, from
        // model files as the rollout's environments are (the DDL is replayed once, not per database).
        List<Long> direct = new ArrayList<>();
        int statements = 0;
        try (SourceLoader loader = new SourceLoader(new SourceOptions("postgres", null))) {
            for (Path sql : List.of(v1, v2)) {
                Files.writeString(model(sql), io.strata.source.ModelFiles.toJson(loader.load(sql.toString()).catalog()));
            }
            v1 = model(v1);
            v2 = model(v2);
            ApplySchema apply = new ApplySchema(loader);
            for (int i = 0; i < 7; i++) {
                String url = TestDatabases.freshPostgres();
                apply.run(request(v1, url, "1"));
                long start = System.nanoTime();
                ApplyResult r = apply.run(request(v2, url, "2"));
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (!r.ok()) {
                    throw new IllegalStateException("direct apply failed: " + r.message());
                }
                statements = r.statementsTotal();
                if (i >= 2) {
                    direct.add(ms);
                }
            }
        }
        Collections.sort(direct);
        long slowest = direct.get(direct.size() - 1);
        long median = direct.get(direct.size() / 2);

        try (Registry registry = Registry.open(null, dir.resolve("store"), Map.of())) {
            registry.register().run(new RegisterRequest("accounts", null, SubjectFormat.SQL, "postgres", V1, "bench", null, null));
            registry.register().run(new RegisterRequest("accounts", null, null, null, V2, "bench", null, null));
            for (int i = 0; i < shards; i++) {
                registry.environments().add(new EnvironmentRequest("shard-" + i, "prod", null, "shards",
                        TestDatabases.freshPostgres(), "none", true, Map.of(), NO_APPROVALS), "bench");
            }
            settle(registry, registry.rollouts().create(new RolloutRequest("accounts", "1", null, null, "shards", null,
                    concurrency, 1, null, false), BENCH));
            Rollout second = registry.rollouts().create(new RolloutRequest("accounts", "2", null, null, "shards", null,
                    concurrency, 1, null, false), BENCH);
            long start = System.nanoTime();
            Rollout done = settle(registry, second);
            long wall = (System.nanoTime() - start) / 1_000_000;
            if (done.state() != RolloutState.SUCCEEDED) {
                throw new IllegalStateException("rollout stopped: " + done.tasks());
            }
            List<Long> tasks = new ArrayList<>(done.tasks().stream()
                    .map(t -> Duration.between(t.startedAt(), t.finishedAt()).toMillis()).toList());
            Collections.sort(tasks);
            long taskMedian = tasks.get(tasks.size() / 2);
            double rounds = Math.ceil(shards / (double) concurrency);
            System.out.printf("RESULT rollout %d-statement migration, %d shards at concurrency %d: %d ms wall (target <= 1.5 x slowest "
                            + "single apply %d ms x %.0f = %.0f ms)%n", statements, shards, concurrency, wall, slowest, rounds,
                    1.5 * slowest * rounds);
            System.out.printf("RESULT rollout single-database apply, direct: median %d ms, slowest %d ms (5 runs); inside the "
                            + "rollout: median %d ms, slowest %d ms%n", median, slowest, taskMedian, tasks.get(tasks.size() - 1));
            System.out.printf("RESULT rollout Strata's overhead per environment: %.1f ms (wall x concurrency / shards - direct median)%n",
                    wall * (double) concurrency / shards - median);
        }
        new PrintWriter(System.out).flush();
    }

    private static Path model(Path sql) {
        return sql.resolveSibling(sql.getFileName().toString().replace(".sql", ".json"));
    }

    private static ApplySchema.Request request(Path to, String url, String version) {
        return new ApplySchema.Request(to.toString(), url, null, version, null, ApplySettings.defaults(), false, false, false,
                null, null);
    }

    private static Rollout settle(Registry registry, Rollout rollout) throws InterruptedException {
        registry.rollouts().execute(rollout.id(), BENCH);
        while (true) {
            Rollout now = registry.rollouts().get(rollout.id());
            if (now.state() != RolloutState.RUNNING) {
                return now;
            }
            Thread.sleep(20);
        }
    }
}
