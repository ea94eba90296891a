package io.strata.registry;

/** A RegistryStore runs the registry's units of work, each in one transaction; a port the store implements. */
public interface RegistryStore {

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(Work<T> work);

    /** A unit of work against the registry's repositories. */
    @FunctionalInterface
    interface Work<T> {
        T run(RegistryTransaction tx);
    }
}
