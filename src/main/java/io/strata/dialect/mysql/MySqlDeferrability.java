package io.strata.dialect.mysql;

import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.ForeignKey;
import io.strata.model.Schema;
import io.strata.model.Table;

/**
 * MySQL and MariaDB check every constraint at once: they have no DEFERRABLE. A desired schema written in SQL
 * cannot say it (the server refuses the syntax, with file and line), but a model file can; planning it would
 * leave a difference no statement removes, so it is refused naming the constraint.
 */
final class MySqlDeferrability {

    private static final String DEFERRABLE_PREFIX = "deferrable.";

    private MySqlDeferrability() {
    }

    static void refuseDeferrable(Catalog desired) {
        for (Schema s : desired.schemas()) {
            for (Table t : s.tables()) {
                for (ForeignKey fk : t.foreignKeys()) {
                    if (fk.deferrable() != null && !fk.deferrable().equals("NOT DEFERRABLE")) {
                        throw refusal("foreign key " + fk.name(), t, fk.deferrable());
                    }
                }
                for (var option : t.options().entrySet()) {
                    if (option.getKey().startsWith(DEFERRABLE_PREFIX)) {
                        throw refusal("constraint " + option.getKey().substring(DEFERRABLE_PREFIX.length()), t,
                                option.getValue());
                    }
                }
            }
        }
    }

    private static StrataException refusal(String what, Table t, String deferrable) {
        return StrataException.badInput(what + " of table " + t.name() + " is " + deferrable
                + ", but MySQL and MariaDB check constraints at once and have no deferrable ones:"
                + " remove " + deferrable + " from the desired schema");
    }
}
