package io.strata.store;

import io.strata.rollout.RolloutRepository;

import io.strata.rollout.BetweenWaves;
import io.strata.rollout.Review;
import io.strata.rollout.Risk;
import io.strata.rollout.Rollout;
import io.strata.rollout.RolloutState;
import io.strata.rollout.TaskState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RolloutTables reads and writes rollouts and their per-environment tasks inside a store transaction.
 * Servers share the work of a rollout by claiming tasks for a lease ({@link #claim}); a server that dies
 * stops renewing its leases, and another takes its tasks over once they expire.
 */
public final class RolloutTables implements RolloutRepository {

    private static final String COLUMNS = "id, subject, version, phase, state, note, waves, concurrency, failure_threshold, "
            + "between_waves, open_wave, preflight, repair, created_by, created_at, risk, plan_checksum, required_approvals, author";

    private final StoreTransaction tx;

    RolloutTables(StoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Rollout r) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_rollouts (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, r.id());
                ps.setString(2, r.subject());
                ps.setInt(3, r.version());
                ps.setString(4, r.phase());
                ps.setString(5, r.state().name());
                ps.setString(6, r.note());
                ps.setString(7, String.join(",", r.waves()));
                ps.setInt(8, r.concurrency());
                ps.setInt(9, r.failureThreshold());
                ps.setString(10, r.betweenWaves().name());
                ps.setInt(11, r.openWave());
                ps.setString(12, r.preflight());
                ps.setBoolean(13, r.repair());
                ps.setString(14, r.createdBy());
                ps.setObject(15, StoreTransaction.time(r.createdAt()));
                ps.setString(16, r.review().risk().name());
                ps.setString(17, r.review().planChecksum());
                ps.setInt(18, r.review().requiredApprovals());
                ps.setString(19, r.author());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_rollout_tasks (rollout_id, environment, "
                    + "ordinal, wave, state) VALUES (?, ?, ?, ?, ?)")) {
                int ordinal = 0;
                for (Rollout.Task t : r.tasks()) {
                    ps.setLong(1, r.id());
                    ps.setString(2, t.environment());
                    ps.setInt(3, ordinal++);
                    ps.setInt(4, t.wave());
                    ps.setString(5, t.state().name());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Rollout> get(long id) {
        return StoreTransaction.sql(() -> {
            List<Rollout> found = query("WHERE id = ?", id, 1);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    /** The newest rollouts first. */
    @Override
    public List<Rollout> list(int limit) {
        return StoreTransaction.sql(() -> {
            return query("", null, limit);
        });
    }

    /** The newest rollout with a task for {@code environment}, with its tasks. */
    @Override
    public Optional<Rollout> lastFor(String environment) {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT MAX(rollout_id) FROM strata_rollout_tasks WHERE environment = ?")) {
                ps.setString(1, environment);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long id = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : get(id);
                }
            }
        });
    }

    /** The rollouts servers should be working on (RUNNING or ROLLING_BACK), oldest first. */
    @Override
    public List<Long> active() {
        return StoreTransaction.sql(() -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT id FROM strata_rollouts WHERE state IN ('RUNNING', 'ROLLING_BACK') ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** Sets the rollout's state and the note that says why (null clears it). */
    @Override
    public void setState(long id, RolloutState state, String note) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollouts SET state = ?, note = ? WHERE id = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, note);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void revise(long id, String preflight, Review review) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollouts SET preflight = ?, risk = ?, "
                    + "plan_checksum = ?, required_approvals = ? WHERE id = ?")) {
                ps.setString(1, preflight);
                ps.setString(2, review.risk().name());
                ps.setString(3, review.planChecksum());
                ps.setInt(4, review.requiredApprovals());
                ps.setLong(5, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Lets waves up to {@code wave} start. */
    @Override
    public void openWave(long id, int wave) {
        StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE strata_rollouts SET open_wave = ? WHERE id = ? AND open_wave < ?")) {
                ps.setInt(1, wave);
                ps.setLong(2, id);
                ps.setInt(3, wave);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Puts the tasks in {@code from} back to {@code to} with their message kept: a resume retries failed environments. */
    @Override
    public void resetTasks(long id, TaskState from, TaskState to) {
        StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollout_tasks SET state = ?, owner = NULL, "
                    + "lease_until = NULL WHERE rollout_id = ? AND state = ?")) {
                ps.setString(1, to.name());
                ps.setLong(2, id);
                ps.setString(3, from.name());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Claims one task of rollout {@code id} for {@code owner} until {@code leaseUntil}: moving forward, a
     * PENDING task of the lowest wave not finished (at most {@code open_wave}); taking back, a SUCCEEDED task
     * of the highest wave still migrated. A task whose lease has expired is claimed again, since its holder
     * stopped renewing it. No more than the rollout's concurrency hold live leases at once. The rollout's
     * row is locked with SKIP LOCKED: a server that finds another claiming for the same rollout moves on
     * and tries again at its next round, rather than queueing behind it.
     */
    @Override
    public Optional<Claim> claim(long id, String owner, Instant now, Instant leaseUntil) {
        return StoreTransaction.sql(() -> {
            String state;
            int openWave;
            int concurrency;
            int threshold;
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT state, open_wave, concurrency, failure_threshold "
                    + "FROM strata_rollouts WHERE id = ? AND state IN ('RUNNING', 'ROLLING_BACK') FOR UPDATE SKIP LOCKED")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    state = rs.getString(1);
                    openWave = rs.getInt(2);
                    concurrency = rs.getInt(3);
                    threshold = rs.getInt(4);
                }
            }
            boolean forward = state.equals(RolloutState.RUNNING.name());
            TaskState waiting = forward ? TaskState.PENDING : TaskState.SUCCEEDED;
            TaskState working = forward ? TaskState.RUNNING : TaskState.ROLLING_BACK;
            if (count(id, working, now) >= concurrency) {
                return Optional.empty();
            }
            Integer wave = currentWave(id, forward);
            if (wave == null || forward && (wave > openWave || trippedBefore(id, wave, threshold))) {
                return Optional.empty();
            }
            String environment = null;
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT environment FROM strata_rollout_tasks "
                    + "WHERE rollout_id = ? AND wave = ? AND (state = ? OR (state = ? AND lease_until < ?)) "
                    + "ORDER BY ordinal LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                ps.setLong(1, id);
                ps.setInt(2, wave);
                ps.setString(3, waiting.name());
                ps.setString(4, working.name());
                ps.setObject(5, StoreTransaction.time(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        environment = rs.getString(1);
                    }
                }
            }
            if (environment == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollout_tasks SET state = ?, owner = ?, "
                    + "lease_until = ?, started_at = ?, finished_at = NULL WHERE rollout_id = ? AND environment = ?")) {
                ps.setString(1, working.name());
                ps.setString(2, owner);
                ps.setObject(3, StoreTransaction.time(leaseUntil));
                ps.setObject(4, StoreTransaction.time(now));
                ps.setLong(5, id);
                ps.setString(6, environment);
                ps.executeUpdate();
            }
            return Optional.of(new Claim(environment, forward));
        });
    }


    /**
     * Whether a wave before {@code wave} has as many failed environments as the circuit breaker allows: the next wave
     * must not start in the moment between the failure and the pause that the progress check makes of it.
     */
    private boolean trippedBefore(long id, int wave, int threshold) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT wave FROM strata_rollout_tasks WHERE rollout_id = ? "
                + "AND wave < ? AND state = ? GROUP BY wave HAVING COUNT(*) >= ?")) {
            ps.setLong(1, id);
            ps.setInt(2, wave);
            ps.setString(3, TaskState.FAILED.name());
            ps.setInt(4, Math.max(1, threshold));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The wave work happens in: moving forward, the lowest with a task not yet done; taking back, the highest
     * with a task still migrated. Null when there is none.
     */
    @Override
    public Integer currentWave(long id, boolean forward) {
        return StoreTransaction.sql(() -> {
            String sql = forward
                    ? "SELECT MIN(wave) FROM strata_rollout_tasks WHERE rollout_id = ? AND state IN ('PENDING', 'RUNNING')"
                    : "SELECT MAX(wave) FROM strata_rollout_tasks WHERE rollout_id = ? AND state IN ('SUCCEEDED', 'ROLLING_BACK')";
            try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int wave = rs.getInt(1);
                    return rs.wasNull() ? null : wave;
                }
            }
        });
    }

    /** Tasks in {@code state} whose lease is live at {@code now}. */
    private int count(long id, TaskState state, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT COUNT(*) FROM strata_rollout_tasks "
                + "WHERE rollout_id = ? AND state = ? AND lease_until >= ?")) {
            ps.setLong(1, id);
            ps.setString(2, state.name());
            ps.setObject(3, StoreTransaction.time(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Extends every lease {@code owner} holds; how many it still holds. */
    @Override
    public int renew(String owner, Instant leaseUntil) {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollout_tasks SET lease_until = ? "
                    + "WHERE owner = ? AND state IN ('RUNNING', 'ROLLING_BACK')")) {
                ps.setObject(1, StoreTransaction.time(leaseUntil));
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Records how a claimed task ended, if {@code owner} still holds it: false when its lease expired and
     * another server took it over (whose result then counts).
     */
    @Override
    public boolean finish(long id, String environment, String owner, TaskState state, String message, Instant finished) {
        return StoreTransaction.sql(() -> {
            // The owner stays, as the server that did the work; without a lease it holds nothing.
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollout_tasks SET state = ?, message = ?, "
                    + "finished_at = ?, lease_until = NULL WHERE rollout_id = ? AND environment = ? AND owner = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, message);
                ps.setObject(3, finished == null ? null : StoreTransaction.time(finished));
                ps.setLong(4, id);
                ps.setString(5, environment);
                ps.setString(6, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Gives up the claims of servers that cannot be running any more: with an embedded store only one server
     * opens it, so whatever a previous one held died with it.
     */
    @Override
    public int releaseAll() {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollout_tasks SET lease_until = ? "
                    + "WHERE state IN ('RUNNING', 'ROLLING_BACK')")) {
                ps.setObject(1, StoreTransaction.time(Instant.EPOCH));
                return ps.executeUpdate();
            }
        });
    }

    /** The environments where {@code subject}'s {@code version} succeeded, in any rollout of {@code phase} or of the whole plan. */
    @Override
    public Set<String> succeeded(String subject, int version, String phase) {
        return StoreTransaction.sql(() -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT t.environment FROM strata_rollout_tasks t "
                    + "JOIN strata_rollouts r ON r.id = t.rollout_id WHERE r.subject = ? AND r.version = ? AND t.state = 'SUCCEEDED' "
                    + "AND (r.phase IS NULL OR r.phase = ?)")) {
                ps.setString(1, subject);
                ps.setInt(2, version);
                ps.setString(3, phase);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private List<Rollout> query(String where, Long id, int limit) throws SQLException {
        List<Rollout> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM strata_rollouts " + where
                + " ORDER BY id DESC LIMIT ?")) {
            int i = 1;
            if (id != null) {
                ps.setLong(i++, id);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String waves = rs.getString(7);
                    out.add(new Rollout(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            RolloutState.valueOf(rs.getString(5)), rs.getString(6),
                            waves.isEmpty() ? List.of() : Arrays.asList(waves.split(",")), rs.getInt(8), rs.getInt(9),
                            BetweenWaves.valueOf(rs.getString(10)), rs.getInt(11), rs.getString(12),
                            new Review(Risk.valueOf(rs.getString(16)), rs.getString(17), rs.getInt(18)), rs.getBoolean(13),
                            rs.getString(14), rs.getString(19), StoreTransaction.instant(rs, 15), List.of()));
                }
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        Map<Long, List<Rollout.Task>> tasks = tasks(out.get(out.size() - 1).id(), out.get(0).id());
        List<Rollout> withTasks = new ArrayList<>();
        for (Rollout r : out) {
            withTasks.add(r.withTasks(tasks.getOrDefault(r.id(), List.of())));
        }
        return withTasks;
    }

    /**
     * The tasks of the rollouts with ids from {@code lowest} to {@code highest}, by rollout, in one query: the
     * rollouts read are always the newest ones (or one), so every rollout in that range is among them.
     */
    private Map<Long, List<Rollout.Task>> tasks(long lowest, long highest) throws SQLException {
        Map<Long, List<Rollout.Task>> out = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT rollout_id, environment, wave, state, message, "
                + "started_at, finished_at, owner, lease_until FROM strata_rollout_tasks WHERE rollout_id BETWEEN ? AND ? "
                + "ORDER BY rollout_id, ordinal")) {
            ps.setLong(1, lowest);
            ps.setLong(2, highest);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Rollout.Task(rs.getString(2), rs.getInt(3),
                            TaskState.valueOf(rs.getString(4)), rs.getString(5), StoreTransaction.instant(rs, 6),
                            StoreTransaction.instant(rs, 7), rs.getString(8), StoreTransaction.instant(rs, 9)));
                }
            }
        }
        return out;
    }
}
