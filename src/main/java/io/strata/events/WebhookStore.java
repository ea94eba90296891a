package io.strata.events;

/** A WebhookStore runs work on the webhook tables, each in one transaction; a port the store implements. */
public interface WebhookStore {

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(Work<T> work);

    /** A unit of work against the webhooks and their delivery log. */
    @FunctionalInterface
    interface Work<T> {
        T run(WebhookTransaction tx);
    }
}
