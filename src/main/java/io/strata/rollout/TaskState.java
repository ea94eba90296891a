package io.strata.rollout;

/** TaskState is where one environment of a rollout stands. */
public enum TaskState {
    PENDING, RUNNING, SUCCEEDED, FAILED
}
