package io.strata.migrate;

import java.util.List;

/**
 * A RollbackProposal is a rollback about to run on a target, as its {@link Approval} sees it: the versions it takes
 * back, newest first, and the reverse statements that will run, in order.
 *
 * @param target the target database, its URL without secrets
 */
public record RollbackProposal(String target, List<String> versions, List<String> statements) {

    public RollbackProposal {
        versions = List.copyOf(versions);
        statements = List.copyOf(statements);
    }
}
