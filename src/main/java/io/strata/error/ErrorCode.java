package io.strata.error;

/** ErrorCode classifies a {@link StrataException}; the CLI maps each to an exit code, the API to an HTTP status. */
public enum ErrorCode {
    /** The user's input is wrong: unknown dialect, missing file, unreadable model, DDL the server rejects. */
    BAD_INPUT,
    /** A database named by the user cannot be reached or refuses the login. */
    UNREACHABLE,
    /** A needed resource is not configured (no scratch database for MySQL). */
    NOT_CONFIGURED,
    /** What a request names does not exist: an unknown subject, version, schema id or branch. */
    NOT_FOUND,
    /** A schema was refused because it breaks a role its compatibility level requires. */
    INCOMPATIBLE,
    /** Who is asking may not do what they asked (whatever the request's content): not a releaser, their own rollout. */
    FORBIDDEN,
    /** The target is busy: another migrator holds its lock past the wait. Nothing is wrong with the request. */
    CONFLICT,
    /** Something failed inside Strata or a server while doing valid work. */
    INTERNAL;

    /**
     * CLI exit code: 1 when the target is busy (as a failed or refused apply), 2 for anything the user can fix
     * in their input or setup, 3 for internal failures.
     */
    public int exitCode() {
        return switch (this) {
            case CONFLICT, INCOMPATIBLE -> 1;
            case INTERNAL -> 3;
            default -> 2;
        };
    }
}
