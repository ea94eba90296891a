package io.strata.error;

/**
 * A RefusalException is a request refused for a named reason of one domain (the registry's, the rollout engine's),
 * with data that explains it. Each domain's subclass narrows {@link #reason()} to its own enum of reasons (a
 * generic class cannot extend Throwable).
 */
public abstract class RefusalException extends StrataException {

    private final Refusal reason;
    private final transient Object details;

    protected RefusalException(Refusal reason, String message, Object details) {
        super(reason.code(), message);
        this.reason = reason;
        this.details = details;
    }

    public Refusal reason() {
        return reason;
    }

    /** Data that explains the refusal (a merge's conflicts, the unreachable targets...), or null. */
    public Object details() {
        return details;
    }
}
