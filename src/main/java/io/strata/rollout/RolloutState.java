package io.strata.rollout;

/** RolloutState is where a rollout stands as a whole. */
public enum RolloutState {
    /** Planned, not started. */
    CREATED,
    /** Waves are running. */
    RUNNING,
    /** Stopped by the circuit breaker (or the operator): resume, abort or roll back. */
    PAUSED,
    /** Every environment succeeded. */
    SUCCEEDED,
    /** Stopped for good by the operator; environments already migrated stay migrated. */
    ABORTED
}
