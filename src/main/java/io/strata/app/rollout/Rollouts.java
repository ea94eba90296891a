package io.strata.app.rollout;

import io.strata.app.ApplyMigration;
import io.strata.app.SourceLoader;
import io.strata.app.SourceOptions;
import io.strata.app.registry.RegistryException;
import io.strata.plan.apply.ApplyResult;
import io.strata.plan.apply.ApplySettings;
import io.strata.rollout.Environment;
import io.strata.rollout.Rollout;
import io.strata.rollout.RolloutState;
import io.strata.rollout.TaskState;
import io.strata.rollout.Waves;
import io.strata.model.SubjectFormat;
import io.strata.store.StoreDatabase;
import io.strata.store.StoredSubject;
import io.strata.store.StoredVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rollouts is the use case behind carrying a version of a SQL subject to environments: in promotion order
 * (a version reaches a step only after it succeeded on every environment of the step before it), in waves
 * within a step, several environments at once, stopping when failures in a wave reach the threshold. Each
 * environment is migrated by {@link ApplyMigration} toward the version's schema and records it in its own
 * {@code strata_history} as {@code subject@version}, so running an environment again never repeats a
 * statement: a rollout interrupted by a crash is resumed when the server starts.
 */
public final class Rollouts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Rollouts.class);
    private static final int DEFAULT_CONCURRENCY = 10;

    private final StoreDatabase store;
    private final Map<String, String> devUrls;
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "strata-rollout");
        thread.setDaemon(true);
        return thread;
    });

    private final io.strata.app.events.EventSink events;
    private final Clients clients;
    private final java.util.function.BiFunction<String, Integer, List<String>> breaksOlderClients;
    private final java.util.function.BiFunction<String, Integer, io.strata.model.Catalog> versionSchema;

    /**
     * @param breaksOlderClients what a subject's version breaks for clients of the version before it, as
     *                           {@code CODE at location} lines (empty when nothing)
     */
    public Rollouts(StoreDatabase store, Map<String, String> devUrls, io.strata.app.events.EventSink events, Clients clients,
                    java.util.function.BiFunction<String, Integer, List<String>> breaksOlderClients,
                    java.util.function.BiFunction<String, Integer, io.strata.model.Catalog> versionSchema) {
        this.versionSchema = versionSchema;
        this.store = store;
        this.devUrls = Map.copyOf(devUrls);
        this.events = events;
        this.clients = clients;
        this.breaksOlderClients = breaksOlderClients;
    }

    private void raise(String event, Rollout rollout, Map<String, Object> more) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("rollout", rollout.id());
        data.put("subject", rollout.subject());
        data.put("version", rollout.version());
        data.putAll(more);
        events.publish(event, data);
    }

    public Rollout create(RolloutRequest request, String actor) {
        return store.transaction(tx -> {
            tx.lockForWrite();
            StoredSubject subject = tx.subject(request.subject() == null ? "" : request.subject()).orElseThrow(() ->
                    new RegistryException(RegistryException.Reason.SUBJECT_NOT_FOUND, "subject \"" + request.subject() + "\" not found"));
            if (subject.format() != SubjectFormat.SQL) {
                throw invalid("subject \"" + subject.name() + "\" holds " + subject.format()
                        + " schemas; rollouts carry SQL subjects to databases");
            }
            StoredVersion version = version(tx.versions(subject.id(), "main", false), subject, request.version());
            List<Environment> all = tx.environments();
            List<Environment> targets = targets(all, request, subject.dialect());
            checkPromotion(all, targets, tx.rollouts().succeeded(subject.name(), version.version()), subject, version);
            if (!request.force()) {
                for (Environment e : targets) {
                    var drift = tx.drift().latest(e.name());
                    if (drift.isPresent() && drift.get().drifted()) {
                        throw new RegistryException(RegistryException.Reason.DRIFTED, "environment \"" + e.name() + "\" has drifted ("
                                + drift.get().changes() + " change(s) from " + drift.get().subject() + "@" + drift.get().version()
                                + ", checked " + drift.get().checkedAt() + "): resolve it and sync again, or force the rollout");
                    }
                }
            }
            List<Rollout.Task> tasks = new ArrayList<>();
            int wave = 0;
            Map<Integer, List<Environment>> byOrder = new TreeMap<>();
            targets.forEach(e -> byOrder.computeIfAbsent(e.order(), o -> new ArrayList<>()).add(e));
            List<String> spec = request.waves() == null ? List.of() : request.waves();
            for (List<Environment> step : byOrder.values()) {
                List<List<Environment>> waves;
                try {
                    waves = Waves.split(step, spec);
                } catch (IllegalArgumentException e) {
                    throw invalid(e.getMessage());
                }
                for (List<Environment> w : waves) {
                    wave++;
                    for (Environment e : w) {
                        tasks.add(new Rollout.Task(e.name(), wave, TaskState.PENDING, null, null, null));
                    }
                }
            }
            int concurrency = request.concurrency() == null ? DEFAULT_CONCURRENCY : request.concurrency();
            int threshold = request.failureThreshold() == null ? 1 : request.failureThreshold();
            if (concurrency < 1 || threshold < 1) {
                throw invalid("concurrency and failureThreshold must be 1 or more");
            }
            Rollout rollout = new Rollout(tx.nextRowId(), subject.name(), version.version(), RolloutState.CREATED, spec,
                    concurrency, threshold, actor, Instant.now(), tasks);
            tx.rollouts().insert(rollout);
            tx.audit(actor, "rollout.created", "rollout/" + rollout.id(), null, version.fingerprint(),
                    "{\"subject\":\"" + subject.name().replace("\"", "\\\"") + "\",\"version\":" + version.version()
                            + ",\"environments\":" + tasks.size() + "}");
            return rollout;
        });
    }

    public Rollout get(long id) {
        return store.transaction(tx -> tx.rollouts().get(id)).orElseThrow(() -> notFound(id));
    }

    public List<Rollout> list(int limit) {
        return store.transaction(tx -> tx.rollouts().list(Math.max(1, Math.min(limit, 500))));
    }

    /** Starts (or resumes after the circuit breaker stopped it) a rollout in the background; its status shows progress. */
    public Rollout execute(long id, String actor) {
        Rollout rollout = store.transaction(tx -> {
            tx.lockForWrite();
            Rollout r = tx.rollouts().get(id).orElseThrow(() -> notFound(id));
            if (r.state() != RolloutState.CREATED && r.state() != RolloutState.PAUSED) {
                throw new RegistryException(RegistryException.Reason.EXISTS, "rollout " + id + " is " + r.state()
                        + "; only a CREATED or PAUSED rollout can be executed");
            }
            tx.rollouts().setState(id, RolloutState.RUNNING);
            tx.audit(actor, r.state() == RolloutState.CREATED ? "rollout.started" : "rollout.resumed", "rollout/" + id,
                    null, null, null);
            return r;
        });
        runner.submit(() -> run(rollout.id()));
        raise("migration.started", rollout, Map.of());
        return get(id);
    }

    /** Stops a rollout for good; environments already migrated stay migrated (roll them back with the CLI). */
    public Rollout abort(long id, String actor) {
        store.transaction(tx -> {
            tx.lockForWrite();
            Rollout r = tx.rollouts().get(id).orElseThrow(() -> notFound(id));
            if (r.state() == RolloutState.SUCCEEDED || r.state() == RolloutState.ABORTED) {
                throw new RegistryException(RegistryException.Reason.EXISTS, "rollout " + id + " is already " + r.state());
            }
            tx.rollouts().setState(id, RolloutState.ABORTED);
            tx.audit(actor, "rollout.aborted", "rollout/" + id, null, null, null);
            return null;
        });
        return get(id);
    }

    /** Resumes the rollouts a stopped server left RUNNING: environments already done are up to date and skip. */
    public void resumeInterrupted() {
        for (Rollout r : list(500)) {
            if (r.state() == RolloutState.RUNNING) {
                LOG.info("resuming rollout {} of {} version {}", r.id(), r.subject(), r.version());
                runner.submit(() -> run(r.id()));
            }
        }
    }

    private void run(long id) {
        try {
            Rollout rollout = get(id);
            Map<String, Environment> environments = new TreeMap<>();
            list().forEach(e -> environments.put(e.name(), e));
            StoredSubjectVersion target = subjectVersion(rollout, breaksOlderClients.apply(rollout.subject(), rollout.version()));
            int waves = rollout.tasks().stream().mapToInt(Rollout.Task::wave).max().orElse(0);
            for (int wave = 1; wave <= waves; wave++) {
                if (get(id).state() != RolloutState.RUNNING) {
                    return;
                }
                int w = wave;
                List<Rollout.Task> due = rollout.tasks().stream().filter(t -> t.wave() == w)
                        .filter(t -> t.state() != TaskState.SUCCEEDED).toList();
                int failures = runWave(rollout, due, environments, target);
                if (failures >= rollout.failureThreshold()) {
                    raise("migration.failed", rollout, Map.of("wave", w, "failures", failures));
                    store.transaction(tx -> {
                        tx.rollouts().setState(id, RolloutState.PAUSED);
                        tx.audit("strata", "rollout.paused", "rollout/" + id, null, null,
                                "{\"wave\":" + w + ",\"failures\":" + failures + "}");
                        return null;
                    });
                    return;
                }
            }
            store.transaction(tx -> {
                tx.rollouts().setState(id, RolloutState.SUCCEEDED);
                tx.audit("strata", "rollout.completed", "rollout/" + id, null, null, null);
                return null;
            });
            raise("migration.completed", rollout, Map.of("environments", rollout.tasks().size()));
        } catch (RuntimeException e) {
            LOG.error("rollout {} stopped", id, e);
            store.transaction(tx -> {
                tx.rollouts().setState(id, RolloutState.PAUSED);
                return null;
            });
        }
    }

    private List<Environment> list() {
        return store.transaction(tx -> tx.environments());
    }

    /** Runs a wave's environments, {@code concurrency} at a time; the number that failed. */
    private int runWave(Rollout rollout, List<Rollout.Task> due, Map<String, Environment> environments,
                        StoredSubjectVersion target) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(rollout.concurrency(), due.size())));
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Rollout.Task task : due) {
                results.add(pool.submit(() -> migrate(rollout, environments.get(task.environment()), task.environment(), target)));
            }
            int failures = 0;
            for (Future<Boolean> f : results) {
                try {
                    failures += f.get() ? 0 : 1;
                } catch (Exception e) {
                    failures++;
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Migrates one environment toward the rollout's version; whether it succeeded. */
    private boolean migrate(Rollout rollout, Environment environment, String name, StoredSubjectVersion target) {
        Instant started = Instant.now();
        store.transaction(tx -> {
            tx.rollouts().setTask(rollout.id(), name, TaskState.RUNNING, null, started, null);
            return null;
        });
        boolean ok;
        String message;
        List<io.strata.rollout.ClientVersion> older = environment == null || target.breaks().isEmpty() ? List.of()
                : clients.live(name).stream().filter(c -> c.subject().equals(rollout.subject()))
                .filter(c -> c.olderThan(rollout.version())).toList();
        if (environment == null) {
            ok = false;
            message = "environment " + name + " was removed";
        } else if (!older.isEmpty()) {
            ok = false;
            message = "refused: version " + rollout.version() + " breaks clients of older versions (" + String.join(", ", target.breaks())
                    + ") and these are live in " + name + ": " + String.join(", ", older.stream().map(c -> c.service() + "/"
                    + c.instance() + " (reads " + c.reads() + ", writes " + c.writes() + ")").toList());
        } else {
            try (SourceLoader loader = new SourceLoader(new SourceOptions(environment.dialect(), devUrls.get(environment.dialect())))) {
                ApplyResult result = new ApplyMigration(loader).run(new ApplyMigration.Request(target.file().toString(),
                        withPassword(environment), null, rollout.subject() + "@" + rollout.version(),
                        "rollout " + rollout.id() + ": " + rollout.subject() + " version " + rollout.version(),
                        ApplySettings.defaults(), false, false, null, null));
                ok = result.ok();
                message = result.message();
            } catch (RuntimeException e) {
                ok = false;
                message = io.strata.dialect.JdbcUrls.redact(String.valueOf(e.getMessage()));
            }
        }
        boolean succeeded = ok;
        String said = message;
        store.transaction(tx -> {
            tx.rollouts().setTask(rollout.id(), name, succeeded ? TaskState.SUCCEEDED : TaskState.FAILED, said, null, Instant.now());
            return null;
        });
        return succeeded;
    }

    /** The environment's URL with its password, for this connection only: never stored, and redacted in messages. */
    private static String withPassword(Environment environment) {
        return environment.credentials().resolve().map(password -> environment.url()
                + (environment.url().contains("?") ? "&" : "?") + "password="
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)).orElse(environment.url());
    }

    /** The version's schema, in a model file ApplyMigration reads, and what it breaks for clients of the version before. */
    private record StoredSubjectVersion(Path file, List<String> breaks) {
    }

    /**
     * The version's schema as a model file, written once per run: every environment's apply reads it instead
     * of replaying the DDL on a scratch database of its own (which PostgreSQL serialises: one CREATE DATABASE
     * at a time).
     */
    private StoredSubjectVersion subjectVersion(Rollout rollout, List<String> breaks) {
        io.strata.model.Catalog catalog = versionSchema.apply(rollout.subject(), rollout.version());
        try {
            Path file = Files.createTempFile("strata-rollout-" + rollout.id() + "-", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, io.strata.app.ModelFiles.toJson(catalog));
            return new StoredSubjectVersion(file, breaks);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the version's model to a temporary file", e);
        }
    }

    private static StoredVersion version(List<StoredVersion> versions, StoredSubject subject, String wanted) {
        if (versions.isEmpty()) {
            throw new RegistryException(RegistryException.Reason.VERSION_NOT_FOUND, "subject \"" + subject.name() + "\" has no version");
        }
        if (wanted == null || wanted.equals("latest")) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> Integer.toString(v.version()).equals(wanted)).findFirst().orElseThrow(() ->
                new RegistryException(RegistryException.Reason.VERSION_NOT_FOUND, "subject \"" + subject.name()
                        + "\" has no version " + wanted));
    }

    private static List<Environment> targets(List<Environment> all, RolloutRequest request, String dialect) {
        List<Environment> targets;
        if (request.environments() != null && !request.environments().isEmpty()) {
            targets = new ArrayList<>();
            for (String name : request.environments()) {
                targets.add(all.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new RegistryException(
                        RegistryException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + name + "\" not found")));
            }
        } else if (request.group() != null) {
            targets = all.stream().filter(e -> request.group().equals(e.group())).toList();
            if (targets.isEmpty()) {
                throw invalid("no environment belongs to group \"" + request.group() + "\"");
            }
        } else {
            targets = all.stream().filter(e -> e.dialect().equals(dialect)).toList();
        }
        for (Environment e : targets) {
            if (!e.dialect().equals(dialect)) {
                throw invalid("environment \"" + e.name() + "\" is " + e.dialect() + "; the subject's schemas are " + dialect);
            }
        }
        if (targets.isEmpty()) {
            throw invalid("no environment to roll out to: add environments first");
        }
        return targets.stream().distinct().sorted(Comparator.comparingInt(Environment::order).thenComparing(Environment::name)).toList();
    }

    /**
     * A step of the promotion order is reached only after the version succeeded on every environment of the
     * step before it: those are either part of this rollout (earlier waves) or already done.
     */
    private static void checkPromotion(List<Environment> all, List<Environment> targets, Set<String> succeeded,
                                       StoredSubject subject, StoredVersion version) {
        Set<String> inRollout = new java.util.HashSet<>(targets.stream().map(Environment::name).toList());
        for (int order : targets.stream().map(Environment::order).distinct().toList()) {
            int previous = all.stream().mapToInt(Environment::order).filter(o -> o < order).max().orElse(Integer.MIN_VALUE);
            List<String> missing = all.stream().filter(e -> e.order() == previous)
                    .filter(e -> !inRollout.contains(e.name()) && !succeeded.contains(e.name())).map(Environment::name).toList();
            if (!missing.isEmpty()) {
                throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "version " + version.version() + " of \""
                        + subject.name() + "\" has not succeeded on " + String.join(", ", missing) + " (order " + previous
                        + "), which comes before order " + order + ": roll it out there first, or include them");
            }
        }
    }

    private static RegistryException notFound(long id) {
        return new RegistryException(RegistryException.Reason.ROLLOUT_NOT_FOUND, "rollout " + id + " not found");
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(RegistryException.Reason.INVALID_REQUEST, message);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
