package io.strata.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * A ScriptStatement is one statement of a {@link SqlScript}, kept with its script so that an error about it names the
 * file and line even when it runs out of the script's order ({@link AnyOrderReplay}).
 *
 * @param script    the script the statement comes from
 * @param statement the statement and the line it starts on
 */
public record ScriptStatement(SqlScript script, SqlStatements.Statement statement) {

    /** Every statement of {@code scripts}, in order; {@code mysql} as {@link SqlStatements#split} takes it. */
    public static List<ScriptStatement> of(List<SqlScript> scripts, boolean mysql) {
        List<ScriptStatement> all = new ArrayList<>();
        for (SqlScript script : scripts) {
            for (SqlStatements.Statement st : SqlStatements.split(script.text(), mysql)) {
                all.add(new ScriptStatement(script, st));
            }
        }
        return all;
    }
}
