package io.strata.plan;

import java.util.List;

/** Reverse is how a {@link Step} is undone: statements that restore the previous state, or the reason none exist. */
public sealed interface Reverse {

    /** Statements that undo the step, in order. */
    record Sql(List<String> statements) implements Reverse {
        public Sql {
            statements = List.copyOf(statements);
        }

        public static Sql of(String... statements) {
            return new Sql(List.of(statements));
        }
    }

    /** The step cannot be undone from the schema alone (a dropped column's values, say), and why. */
    record Irreversible(String reason) implements Reverse {
    }
}
