package io.strata.rollout;

/** RolloutState is where a rollout stands as a whole. */
public enum RolloutState {
    /** Planned, not started. */
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
    ROLLED_BACK
}
