package io.strata.dialect;

import io.strata.model.Catalog;

import java.util.List;

/**
 * A DevDatabase is a scratch database server on which SQL sources are replayed and then inspected,
 * so that hand-written DDL and a live catalog compare in the server's canonical form (Atlas's "dev
 * database"). Each {@link #replay} runs in a fresh database that is dropped afterwards.
 */
public interface DevDatabase extends AutoCloseable {

    /**
     * Replays {@code scripts} in order on a fresh, empty database and inspects the result. A statement
     * the server rejects becomes a {@code BAD_INPUT} error naming the script, its line and the server's message.
     */
    Catalog replay(List<SqlScript> scripts);

    /**
     * Replays a desired state, as {@link #replay} does but in any order ({@link AnyOrderReplay}): a statement naming an
     * object that a later statement creates runs once it exists; one that never can is reported as {@link #replay} would.
     */
    Catalog replayDesiredState(List<SqlScript> scripts);

    /**
     * Replays SQL a client submitted to the server (a registered schema), as {@link SubmittedReplay} runs it: schema
     * statements only (a refused one is a BAD_INPUT naming it, before anything runs), under a login of its own
     * with no right beyond its fresh database (no superuser, no file or program access), each statement within a
     * time limit. The user's own files, replayed by the command line, go through {@link #replay}.
     */
    Catalog replaySubmitted(List<SqlScript> scripts);

    /** Stops an embedded server Strata started; a no-op for a server named by URL. */
    @Override
    void close();
}
