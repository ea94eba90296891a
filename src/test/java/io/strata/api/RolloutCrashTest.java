package io.strata.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.registry.RegisterRequest;
import io.strata.app.Registry;
import io.strata.model.SubjectFormat;
import io.strata.migrate.TargetSession;
import io.strata.testing.ServerProcess;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server killed (SIGKILL) in the middle of a rollout to 20 PostgreSQL shards, and another one started on
 * the same store; or two servers sharing the rollout and one of them killed: the rollout finishes, and every
 * shard records the version exactly once, complete, with the schema it describes: nothing is lost,
 * half-applied or applied twice.
 */
class RolloutCrashTest {

    private static final String SUBJECT = "fleet.accounts";
    private static final int SHARDS = 20;
    private static final int ROWS = 200_000;
    /** How long a rollout may take to settle; generous, since a successor may wait out the dead server's task lease. */
    private static final long SETTLE_SECONDS = 120;
    /** Short, so that a successor takes the dead server's environments over within seconds. */
    private static final long LEASE_SECONDS = 4;

    private static final String V1 = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);
            CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint NOT NULL, kind text NOT NULL,
                                 created_at timestamptz NOT NULL);
            CREATE TABLE settings (account_id bigint PRIMARY KEY, value text);
            """;
    /** Five statements: two columns, a table, and two indexes built on the seeded rows (what takes time). */
    private static final String V2 = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, email text);
            CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint NOT NULL, kind text NOT NULL,
                                 created_at timestamptz NOT NULL, source text);
            CREATE INDEX events_account_created ON events (account_id, created_at);
            CREATE INDEX events_kind ON events (kind);
            CREATE TABLE settings (account_id bigint PRIMARY KEY, value text);
            CREATE TABLE audit_log (id bigint PRIMARY KEY, account_id bigint, note text);
            """;

    @Test
    void aRolloutInterruptedByAKilledServerIsFinishedByTheNextOneAndEveryShardMigratesOnce() throws Exception {
        Fleet fleet = fleet();
        long started = System.nanoTime();
        long id;
        try (ServerProcess first = start(fleet, "first")) {
            id = execute(first, 2, 2);
            Moment kill = awaitKillMoment(first, id, fleet.shards(), null);
            first.kill();
            System.out.printf("RolloutCrashTest: killed the server with %d of %d shards done, %d running, "
                    + "an index build under way in %s%n", kill.status().path("summary").path("SUCCEEDED").asInt(), SHARDS,
                    kill.status().path("summary").path("RUNNING").asInt(), kill.building());
        }
        try (ServerProcess second = start(fleet, "second")) {
            JsonNode done = HttpJson.awaitRollout(second.port(), id);
            assertThat(done.path("state").asText()).as(unfinished(done) + "\nserver output:\n" + second.output())
                    .isEqualTo("SUCCEEDED");
            assertThat(done.path("environments").findValuesAsText("state")).hasSize(SHARDS).containsOnly("SUCCEEDED");
        }
        System.out.printf("RolloutCrashTest: %d shards migrated across a kill in %d s%n", SHARDS,
                (System.nanoTime() - started) / 1_000_000_000L);
        for (String shard : fleet.shards()) {
            assertMigratedOnce(shard);
        }
    }

    @Test
    void twoServersShareARolloutAndTheSurvivorFinishesWhatTheKilledOneHeld() throws Exception {
        Fleet fleet = fleet();
        try (ServerProcess a = start(fleet, "a"); ServerProcess b = start(fleet, "b")) {
            long id = execute(a, 2, 4);
            Moment kill = awaitKillMoment(a, id, fleet.shards(), a.pid() + "@");
            a.kill();
            // Read after the kill: a shard the status showed running may have finished in between.
            List<String> heldByA = running(status(b, id), a.pid() + "@");
            JsonNode done = HttpJson.awaitRollout(b.port(), id);
            assertThat(done.path("state").asText()).as(unfinished(done) + "\nserver output:\n" + b.output()).isEqualTo("SUCCEEDED");
            List<String> workers = done.path("environments").findValuesAsText("workedBy").stream()
                    .map(w -> w.substring(0, w.indexOf('@') + 1)).distinct().toList();
            assertThat(workers).as("both servers worked on the rollout").containsExactlyInAnyOrder(a.pid() + "@", b.pid() + "@");
            if (heldByA.isEmpty()) {
                System.out.println("RolloutCrashTest: the killed server finished its shards before it died; the takeover "
                        + "of a held shard is not exercised in this run");
            }
            for (String environment : heldByA) {
                assertThat(task(done, environment).path("workedBy").asText()).as(environment + ", held by the killed server, "
                        + "was finished by the other").startsWith(b.pid() + "@");
            }
            System.out.printf("RolloutCrashTest: two servers; killed one holding %s with %d of %d shards done; the other "
                    + "finished%n", heldByA, kill.status().path("summary").path("SUCCEEDED").asInt(), SHARDS);
        }
        for (String shard : fleet.shards()) {
            assertMigratedOnce(shard);
        }
    }

    /** A store and 20 shards at version 1 with rows seeded, set up through a server that is then stopped. */
    private record Fleet(String store, Path dir, List<String> shards) {
    }

    private static Fleet fleet() throws Exception {
        String store = TestDatabases.freshPostgres();
        Path dir = Files.createTempDirectory("strata-crash");
        register(store, dir);
        List<String> shards = new ArrayList<>();
        for (int i = 1; i <= SHARDS; i++) {
            shards.add(TestDatabases.freshPostgres());
        }
        Fleet fleet = new Fleet(store, dir, shards);
        try (ServerProcess setup = start(fleet, "setup")) {
            for (int i = 0; i < SHARDS; i++) {
                HttpJson.addEnvironment(setup.port(), shardName(i), "prod", "shards", shards.get(i));
            }
            JsonNode v1 = HttpJson.awaitRollout(setup.port(), execute(setup, 1, 4));
            assertThat(v1.path("state").asText()).as(v1.toString()).isEqualTo("SUCCEEDED");
        }
        for (String shard : shards) {
            TestDatabases.exec(shard, "INSERT INTO events SELECT g, g % 5000, 'kind-' || (g % 40), "
                    + "timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, " + ROWS + ") g");
        }
        return fleet;
    }

    private static ServerProcess start(Fleet fleet, String name) throws Exception {
        return ServerProcess.start(fleet.dir().resolve(name), List.of("-Xmx512m"), serveArgs(fleet.store(), fleet.dir()));
    }

    /** The environments a server (whose claims start with {@code worker}) was working on. */
    private static List<String> running(JsonNode status, String worker) {
        List<String> out = new ArrayList<>();
        status.path("environments").forEach(t -> {
            if (t.path("state").asText().equals("RUNNING") && t.path("workedBy").asText().startsWith(worker)) {
                out.add(t.path("environment").asText());
            }
        });
        return out;
    }

    private static JsonNode task(JsonNode status, String environment) {
        for (JsonNode t : status.path("environments")) {
            if (t.path("environment").asText().equals(environment)) {
                return t;
            }
        }
        throw new AssertionError("no task for " + environment + " in " + status);
    }

    /**
     * What every server of this test is started with, in one place: a store option such as the task lease
     * belongs here too.
     */
    private static List<String> serveArgs(String store, Path dir) {
        return List.of("--host", "127.0.0.1", "--store-url", store, "--store-dir", dir.resolve("store").toString(),
                "--lease-seconds", Long.toString(LEASE_SECONDS));
    }

    /**
     * Registers both versions before any server runs: replaying their DDL needs a scratch PostgreSQL server,
     * and the test's own is given here, where a {@code strata serve} would start an embedded one that a
     * SIGKILL leaves running.
     */
    private static void register(String store, Path dir) {
        try (Registry registry = Registry.open(store, dir.resolve("register"), Map.of("postgres", TestDatabases.postgresServerUrl()))) {
            for (String schema : List.of(V1, V2)) {
                registry.register().run(new RegisterRequest(SUBJECT, null, SubjectFormat.SQL, "postgres", schema, "test", null, null));
            }
        }
    }

    /** Creates and executes a rollout of {@code version} to the shards; its id. */
    private static long execute(ServerProcess server, int version, int concurrency) throws Exception {
        long id = send(server, "POST", "/api/v1/migrations", Map.of("subject", SUBJECT, "version", version, "group", "shards",
                "concurrency", concurrency), 201).path("id").asLong();
        send(server, "POST", "/api/v1/migrations/" + id + "/execute", null, 202);
        return id;
    }

    /** When the server was killed: the rollout's status, and the shards where an index was being built. */
    private record Moment(JsonNode status, List<String> building) {
    }

    /**
     * Waits for the hardest moment to crash in: at least three shards done, the rollout not, and a shard in the
     * middle of a statement that runs outside a transaction (a concurrent index build), after the statements
     * before it were committed and recorded. A kill between two shards, or inside a transaction, would leave
     * less to recover. With {@code worker}, the server whose claims start so must also be holding a shard.
     */
    private static Moment awaitKillMoment(ServerProcess server, long id, List<String> shards, String worker) throws Exception {
        // Only this test's databases count: an external test server may be running other tests' applies.
        List<String> ours = shards.stream().map(TestDatabases::databaseName).toList();
        long deadline = System.nanoTime() + SETTLE_SECONDS * 1_000_000_000L;
        while (true) {
            JsonNode status = status(server, id);
            int succeeded = status.path("summary").path("SUCCEEDED").asInt();
            assertThat(succeeded).as("the rollout finished before the kill: " + status).isLessThan(SHARDS);
            assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("RUNNING");
            List<String> building = new ArrayList<>(succeeded >= 3 ? TestDatabases.rows(TestDatabases.postgresServerUrl(),
                    "SELECT DISTINCT datname FROM pg_stat_activity WHERE application_name = '" + TargetSession.APPLICATION_NAME
                            + "' AND state = 'active' AND query LIKE 'CREATE INDEX CONCURRENTLY%'") : List.of());
            building.retainAll(ours);
            if (!building.isEmpty() && (worker == null || !running(status, worker).isEmpty())) {
                return new Moment(status, building.stream().map(db -> shardName(ours.indexOf(db))).toList());
            }
            assertThat(System.nanoTime()).as("no moment to kill in time: " + status).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** One successful, finished row for version 2, nothing failed or unfinished, and version 2's schema. */
    private static void assertMigratedOnce(String shard) throws Exception {
        assertThat(TestDatabases.rows(shard, "SELECT version, statements_applied, statements_total FROM strata_history "
                + "WHERE success AND finished_at IS NOT NULL AND version = '" + SUBJECT + "@2'"))
                .as(shard).containsExactly(SUBJECT + "@2|5|5");
        assertThat(TestDatabases.rows(shard, "SELECT installed_rank, version, statements_applied, error FROM strata_history "
                + "WHERE NOT success OR finished_at IS NULL")).as("failed or unfinished runs on " + shard).isEmpty();
        assertThat(TestDatabases.rows(shard, "SELECT table_name || '.' || column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND column_name IN ('email', 'source', 'note')"))
                .as(shard).containsExactlyInAnyOrder("accounts.email", "events.source", "audit_log.note");
        // A concurrent build cut short leaves an INVALID index behind: each must be there and usable.
        assertThat(TestDatabases.rows(shard, "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname IN ('events_account_created', 'events_kind') ORDER BY c.relname"))
                .as(shard).containsExactly("events_account_created|t", "events_kind|t");
        assertThat(TestDatabases.rows(shard, "SELECT count(*) FROM events")).as(shard).containsExactly(Integer.toString(ROWS));
    }

    private static String shardName(int index) {
        return String.format("shard-%02d", index + 1);
    }


    /** The tasks of a rollout that did not succeed, with what they said: what a failure message needs. */
    private static List<String> unfinished(JsonNode status) {
        List<String> out = new ArrayList<>();
        status.path("environments").forEach(t -> {
            if (!t.path("state").asText().equals("SUCCEEDED")) {
                out.add(t.path("environment").asText() + " " + t.path("state").asText() + ": " + t.path("message").asText());
            }
        });
        return out;
    }

    private static JsonNode status(ServerProcess server, long id) throws Exception {
        return send(server, "GET", "/api/v1/migrations/" + id + "/status", null, 200);
    }

    private static JsonNode send(ServerProcess server, String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}
