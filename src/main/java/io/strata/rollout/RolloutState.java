package io.strata.rollout;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * RolloutState is where a rollout stands as a whole, and owns which moves between states exist: every change of
 * state, by an operator or by the engine, goes through {@link #canMoveTo}.
 */
public enum RolloutState {
    /** Planned, waiting for the approvals its risk needs in its targets' tiers (or for new ones after its plan changed). */
    PENDING_APPROVAL,
    /** Planned, not started (approved, where approvals were needed). */
    CREATED,
    /** Waves are running: servers claim its environments. */
    RUNNING,
    /** Stopped by the circuit breaker, a pause between waves or the operator: resume, abort or roll back. */
    PAUSED,
    /** Every environment succeeded. */
    SUCCEEDED,
    /** Stopped for good by the operator; environments already migrated stay migrated. */
    ABORTED,
    /** The environments it migrated are being taken back, newest wave first. */
    ROLLING_BACK,
    /** Every environment it migrated was taken back (or says why it could not be). */
    ROLLED_BACK;

    /**
     * The states this one may move to. A running rollout must be paused before it is taken back, so nothing moves
     * forward while it goes back; a rolled-back one may be rolled back again, to retry what could not be taken back.
     * A rollout waiting for approvals becomes CREATED once it has enough, and goes back to waiting when its plan
     * changed before it started (CREATED, or PAUSED before it ever ran); it cannot start or pause before.
     */
    public Set<RolloutState> next() {
        return switch (this) {
            case PENDING_APPROVAL -> EnumSet.of(CREATED, ABORTED);
            case CREATED -> EnumSet.of(PENDING_APPROVAL, RUNNING, PAUSED, ABORTED);
            case RUNNING -> EnumSet.of(PAUSED, SUCCEEDED, ABORTED);
            case PAUSED -> EnumSet.of(PENDING_APPROVAL, RUNNING, ABORTED, ROLLING_BACK);
            case SUCCEEDED, ABORTED, ROLLED_BACK -> EnumSet.of(ROLLING_BACK);
            case ROLLING_BACK -> EnumSet.of(ROLLED_BACK);
        };
    }

    public boolean canMoveTo(RolloutState to) {
        return next().contains(to);
    }

    /** The states a rollout may be in to move to {@code to}, by name. */
    public static List<RolloutState> before(RolloutState to) {
        return Arrays.stream(values()).filter(s -> s.canMoveTo(to)).sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
