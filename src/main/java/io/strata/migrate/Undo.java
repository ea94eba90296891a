package io.strata.migrate;

import io.strata.plan.Reverse;

/**
 * An Undo is how one applied statement is taken back by {@code strata rollback}: its reverse, and the
 * backup table whose rows the reverse restores, if any.
 *
 * @param backupTable the backup table's name in the backup schema, or null when the statement destroys no data
 */
public record Undo(Reverse reverse, String backupTable) {

    /** Versioned files and old history rows carry no reverse. */
    static final Undo NONE = new Undo(new Reverse.Irreversible("no reverse was recorded for it"), null);

    /** A statement whose undo is nothing: a backup copy, which only {@code strata backups prune} removes. */
    static final Undo NOTHING = new Undo(new Reverse.Sql(java.util.List.of()), null);
}
