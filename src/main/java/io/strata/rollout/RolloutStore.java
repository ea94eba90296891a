package io.strata.rollout;

/** A RolloutStore runs the rollout engine's units of work, each in one transaction; a port the store implements. */
public interface RolloutStore {

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(Work<T> work);

    /**
     * Whether other servers may share this store, and so its rollouts: an embedded store is this server's alone,
     * so leases it finds at start-up are its own from before a restart and can be released at once.
     */
    boolean sharedByServers();

    /** A unit of work against the rollout engine's repositories. */
    @FunctionalInterface
    interface Work<T> {
        T run(RolloutTransaction tx);
    }
}
