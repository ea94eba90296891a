package io.strata.error;

/**
 * A Refusal is a named reason why a use case refused a request; the enums of {@link RefusalException}s implement it
 * so that each reason carries the error code the adapters turn into an exit code or an HTTP status.
 */
public interface Refusal {

    ErrorCode code();
}
