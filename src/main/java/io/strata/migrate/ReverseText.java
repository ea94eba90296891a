package io.strata.migrate;

import io.strata.plan.Reverse;

import java.util.ArrayList;
import java.util.List;

/**
 * ReverseText is how a {@link Reverse} is kept in one text column of {@code strata_history_steps}:
 * {@code !reason} for an irreversible step, else {@code =} and each statement as {@code length:text},
 * so statements holding semicolons or newlines (function bodies) come back exactly as they were.
 */
final class ReverseText {

    private ReverseText() {
    }

    static String encode(Reverse reverse) {
        if (reverse instanceof Reverse.Irreversible i) {
            return "!" + i.reason();
        }
        StringBuilder out = new StringBuilder("=");
        ((Reverse.Sql) reverse).statements().forEach(s -> out.append(s.length()).append(':').append(s));
        return out.toString();
    }

    /** A null column is a row written before reverses were recorded. */
    static Reverse decode(String text) {
        if (text == null || text.isEmpty()) {
            return Undo.NONE.reverse();
        }
        if (text.charAt(0) == '!') {
            return new Reverse.Irreversible(text.substring(1));
        }
        List<String> statements = new ArrayList<>();
        int at = 1;
        while (at < text.length()) {
            int colon = text.indexOf(':', at);
            int length = Integer.parseInt(text.substring(at, colon));
            statements.add(text.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        return new Reverse.Sql(statements);
    }
}
