package io.strata.rollout;

/** TaskState is where one environment of a rollout stands. */
public enum TaskState {
    PENDING, RUNNING, SUCCEEDED, FAILED,
    /** A server is taking the version back there. */
    ROLLING_BACK,
    /** The version was taken back there. */
    ROLLED_BACK,
    /** Taking it back failed, or was refused (a later version was applied there); the message says which. */
    ROLLBACK_FAILED
}
