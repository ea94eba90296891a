package io.strata.store;

import io.strata.rollout.Rollout;
import io.strata.rollout.RolloutState;
import io.strata.rollout.TaskState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** RolloutTables reads and writes rollouts and their per-environment tasks inside a store transaction. */
public final class RolloutTables {

    private final StoreTransaction tx;

    RolloutTables(StoreTransaction tx) {
        this.tx = tx;
    }

    public void insert(Rollout r) throws SQLException {
        tx.lockForWrite();
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_rollouts (id, subject, version, state, "
                + "waves, concurrency, failure_threshold, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, r.id());
            ps.setString(2, r.subject());
            ps.setInt(3, r.version());
            ps.setString(4, r.state().name());
            ps.setString(5, String.join(",", r.waves()));
            ps.setInt(6, r.concurrency());
            ps.setInt(7, r.failureThreshold());
            ps.setString(8, r.createdBy());
            ps.setObject(9, StoreTransaction.time(r.createdAt()));
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
    }

    public Optional<Rollout> get(long id) throws SQLException {
        List<Rollout> found = query("WHERE id = ?", id, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The newest rollouts first. */
    public List<Rollout> list(int limit) throws SQLException {
        return query("", null, limit);
    }

    public void setState(long id, RolloutState state) throws SQLException {
        tx.lockForWrite();
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollouts SET state = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    public void setTask(long id, String environment, TaskState state, String message, Instant started, Instant finished)
            throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollout_tasks SET state = ?, message = ?, "
                + "started_at = COALESCE(?, started_at), finished_at = ? WHERE rollout_id = ? AND environment = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, message);
            ps.setObject(3, started == null ? null : StoreTransaction.time(started));
            ps.setObject(4, finished == null ? null : StoreTransaction.time(finished));
            ps.setLong(5, id);
            ps.setString(6, environment);
            ps.executeUpdate();
        }
    }

    /** The environments where {@code subject}'s {@code version} succeeded, in any rollout. */
    public Set<String> succeeded(String subject, int version) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT t.environment FROM strata_rollout_tasks t "
                + "JOIN strata_rollouts r ON r.id = t.rollout_id WHERE r.subject = ? AND r.version = ? AND t.state = 'SUCCEEDED'")) {
            ps.setString(1, subject);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private List<Rollout> query(String where, Long id, int limit) throws SQLException {
        List<Rollout> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, subject, version, state, waves, concurrency, "
                + "failure_threshold, created_by, created_at FROM strata_rollouts " + where + " ORDER BY id DESC LIMIT ?")) {
            int i = 1;
            if (id != null) {
                ps.setLong(i++, id);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rolloutId = rs.getLong(1);
                    String waves = rs.getString(5);
                    out.add(new Rollout(rolloutId, rs.getString(2), rs.getInt(3), RolloutState.valueOf(rs.getString(4)),
                            waves.isEmpty() ? List.of() : Arrays.asList(waves.split(",")), rs.getInt(6), rs.getInt(7),
                            rs.getString(8), StoreTransaction.instant(rs, 9), List.of()));
                }
            }
        }
        List<Rollout> withTasks = new ArrayList<>();
        for (Rollout r : out) {
            withTasks.add(new Rollout(r.id(), r.subject(), r.version(), r.state(), r.waves(), r.concurrency(),
                    r.failureThreshold(), r.createdBy(), r.createdAt(), tasks(r.id())));
        }
        return withTasks;
    }

    private List<Rollout.Task> tasks(long id) throws SQLException {
        List<Rollout.Task> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT environment, wave, state, message, started_at, "
                + "finished_at FROM strata_rollout_tasks WHERE rollout_id = ? ORDER BY ordinal")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Rollout.Task(rs.getString(1), rs.getInt(2), TaskState.valueOf(rs.getString(3)), rs.getString(4),
                            StoreTransaction.instant(rs, 5), StoreTransaction.instant(rs, 6)));
                }
            }
        }
        return out;
    }
}
