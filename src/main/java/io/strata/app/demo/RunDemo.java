package io.strata.app.demo;

import io.strata.registry.IncompatibleSchemaException;
import io.strata.registry.RegisterRequest;
import io.strata.app.Registry;
import io.strata.registry.SubjectSettings;
import io.strata.rollout.EnvironmentRequest;
import io.strata.rollout.Operator;
import io.strata.rollout.RolloutRequest;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.SubjectFormat;
import io.strata.plan.PhaseKind;
import io.strata.rollout.drift.DriftReport;
import io.strata.rollout.Rollout;
import io.strata.rollout.RolloutState;
import io.strata.rollout.TaskState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * RunDemo is the use case behind {@code strata demo}: on an embedded PostgreSQL holding the databases
 * {@code dev}, {@code staging} and {@code prod_1}..{@code prod_4}, it registers three versions of the example
 * shop schema (the third, a rename, refused at BACKWARD first and then registered as a MAJOR version), rolls
 * each out through the promotion order and over the prod shards in waves (the third phase by phase: expand,
 * migrate, contract, each promoted on its own), changes one shard by hand and shows
 * the drift check finding it. It prints what happens as it goes.
 */
public final class RunDemo implements AutoCloseable {

    private static final String SUBJECT = "shop";
    private static final List<String> SHARDS = List.of("prod_1", "prod_2", "prod_3", "prod_4");
    private static final Operator DEMO = new Operator("demo", true, false);
    private static final List<String> REVIEWERS = List.of("reviewer-1", "reviewer-2");

    private final Registry registry;
    private final Path examples;
    private final PrintWriter out;
    private EmbeddedPostgres postgres;

    /** @param examples the directory holding {@code shop/v1.sql} .. {@code v3.sql} */
    public RunDemo(Registry registry, Path examples, PrintWriter out) {
        this.registry = registry;
        this.examples = examples;
        this.out = out;
    }

    public void run() {
        startDatabases();
        say("1. environments: dev (order 10), staging (20), prod_1..prod_4 (30, group prod-shards; destructive steps allowed "
                + "after review, which prod refuses by default)");
        add("dev", "dev", null);
        add("staging", "staging", null);
        for (String shard : SHARDS) {
            add(shard, "prod", "prod-shards");
        }
        for (int version = 1; version <= 3; version++) {
            register(version);
            rollOut(version);
        }
        say("5. drift: someone adds an index by hand on prod_3");
        exec("prod_3", "CREATE INDEX orders_total_by_hand ON orders (total)");
        DriftReport drift = registry.drift().check("prod_3");
        say("   sync prod_3: " + (drift.drifted() ? drift.changes() + " change(s) from " + drift.subject() + "@" + drift.version()
                + " (drift.detected raised; rollouts to prod_3 are refused until it is resolved or forced)" : "no drift"));
        DriftReport clean = registry.drift().check("prod_1");
        say("   sync prod_1: " + (clean.drifted() ? clean.changes() + " change(s)" : "no drift"));
    }

    private void register(int version) {
        String ddl = read("shop/v" + version + ".sql");
        say((version + 1) + ". register " + SUBJECT + " version " + version);
        try {
            var r = registry.register().run(new RegisterRequest(SUBJECT, null, SubjectFormat.SQL, "postgres", ddl, "demo",
                    "examples/shop/v" + version + ".sql", null));
            say("   registered version " + r.version().version() + " (semver " + r.version().semver() + ", id " + r.version().id() + ")");
        } catch (IncompatibleSchemaException e) {
            say("   refused at BACKWARD: " + e.result().breaking().size() + " breaking change(s), e.g. "
                    + e.result().breaking().get(0).code() + " at " + e.result().breaking().get(0).location());
            say("   the team plans it as expand/migrate/contract and registers it deliberately (level NONE for this version)");
            registry.subjects().update(SUBJECT, new SubjectSettings("NONE", null, null, null, null), "demo");
            var r = registry.register().run(new RegisterRequest(SUBJECT, null, null, null, ddl, "demo",
                    "examples/shop/v" + version + ".sql (breaking, planned as expand/contract)", null));
            registry.subjects().update(SUBJECT, new SubjectSettings("DEFAULT", null, null, null, null), "demo");
            say("   registered version " + r.version().version() + " (semver " + r.version().semver() + ")");
        }
    }

    /** Rolls {@code version} out everywhere: phase by phase when its plan has several, else in one go. */
    private void rollOut(int version) {
        List<PhaseKind> phases = registry.rollouts().phases(SUBJECT, Integer.toString(version));
        if (phases.size() < 2) {
            rollOut(version, null);
            return;
        }
        say("   its plan has phases " + phases + ": each is promoted through every environment before the next starts");
        for (PhaseKind phase : phases) {
            rollOut(version, phase);
        }
    }

    private void rollOut(int version, PhaseKind phase) {
        Rollout created = registry.rollouts().create(new RolloutRequest(SUBJECT, Integer.toString(version),
                phase == null ? null : phase.name(), null, null, List.of("1", "rest"), 4, 1, null, false), DEMO);
        say("   rollout " + created.id() + (phase == null ? "" : " (" + phase + ")") + ": " + created.tasks().size()
                + " environments in " + created.tasks().stream().mapToInt(Rollout.Task::wave).max().orElse(0)
                + " waves (dev, staging, a canary shard, the other shards)");
        approve(created);
        registry.rollouts().execute(created.id(), DEMO);
        Rollout done = created;
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            done = registry.rollouts().get(created.id());
            if (done.state() != RolloutState.RUNNING && done.tasks().stream().noneMatch(t -> t.state() == TaskState.RUNNING)) {
                break;
            }
            sleep();
        }
        say("   " + done.state() + ": " + String.join(", ", done.tasks().stream().map(t -> t.environment() + " " + t.state()).toList()));
        if (done.state() != RolloutState.SUCCEEDED) {
            throw new StrataException(ErrorCode.INTERNAL, "the demo's rollout of version " + version + " stopped: "
                    + done.tasks().stream().filter(t -> t.message() != null).map(Rollout.Task::message).findFirst().orElse(""));
        }
    }

    /** Prod asks approvals of its rollouts (one for a LOW risk, two for a HIGH one), by people other than their author. */
    private void approve(Rollout created) {
        if (created.state() != RolloutState.PENDING_APPROVAL) {
            return;
        }
        int needed = created.review().requiredApprovals();
        List<String> reviewers = REVIEWERS.subList(0, needed);
        for (String reviewer : reviewers) {
            registry.rollouts().approve(created.id(), "reviewed in the demo", new Operator(reviewer, true, false));
        }
        say("   " + created.review().risk() + " risk: prod asks " + needed + " approval(s) by someone other than its author; approved by "
                + String.join(", ", reviewers));
    }

    private void add(String name, String tier, String group) {
        registry.environments().add(new EnvironmentRequest(name, tier, null, group, url(name), "none",
                tier.equals("prod") ? Boolean.TRUE : null, Map.of(), null), "demo");
    }

    private void startDatabases() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                 Statement s = c.createStatement()) {
                for (String db : List.of("dev", "staging", "prod_1", "prod_2", "prod_3", "prod_4")) {
                    s.execute("CREATE DATABASE " + db);
                }
            }
        } catch (IOException | SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot start the demo's embedded PostgreSQL: " + e.getMessage(), e);
        }
        say("embedded PostgreSQL on port " + postgres.getPort() + " with databases dev, staging, prod_1..prod_4");
    }

    /** The JDBC URL of one of the demo's databases. */
    public String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    private void exec(String database, String sql) {
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "demo: " + e.getMessage(), e);
        }
    }

    private String read(String name) {
        try {
            return Files.readString(examples.resolve(name));
        } catch (IOException e) {
            throw StrataException.badInput("the demo needs " + examples.resolve(name) + " (run it from the project's directory)");
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(ErrorCode.INTERNAL, "demo interrupted");
        }
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // a temporary data directory; nothing for the user to clean up
            }
        }
    }
}
