package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.Column;
import io.strata.model.change.SchemaChange.ModifyColumn;

import java.util.List;
import java.util.Objects;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * DefaultRules classify a column default added, changed or dropped. Defaults matter to writers that omit
 * the column; whether omitting fails depends on the column's nullability on the side the writer runs.
 */
final class DefaultRules {

    static final Rule COLUMN_DEFAULT_ADDED = new Rule("COLUMN_DEFAULT_ADDED", "Default added",
            "a column that can be omitted on insert (nullable) got a default",
            "Apply directly (it affects only rows inserted afterwards); backfill existing NULLs separately "
                    + "if they should hold the default.",
            "Old writers either set the column or now get the default instead of NULL; old readers already "
                    + "handle both. New writers that rely on the default and omit the column store NULL "
                    + "against the old schema, which is wrong for the rows they write.",
            "column \"{location}\" got default {to}",
            Effects.of(OK, OK, OK, DATA_DEPENDENT));

    static final Rule COLUMN_DEFAULT_ADDED_REQUIRED = new Rule("COLUMN_DEFAULT_ADDED_REQUIRED", "Default added to required column",
            "a NOT NULL column without default got a default",
            "Apply the default before deploying writers that omit the column; keep it until no database "
                    + "without it can be rolled back to.",
            "Old writers always set the column, so nothing changes for them. New writers omit it and rely on "
                    + "the default; against the old schema the column is NOT NULL without default and their "
                    + "inserts fail.",
            "NOT NULL column \"{location}\" got default {to}",
            Effects.of(OK, OK, OK, BREAKS));

    static final Rule COLUMN_DEFAULT_CHANGED = new Rule("COLUMN_DEFAULT_CHANGED", "Default changed",
            "a column's default expression changed",
            "Make sure both values are meaningful to every client version before switching; existing rows "
                    + "keep their values.",
            "Writers that omit the column store a different value than their version intended (the new "
                    + "default for old writers, the old default for new writers against the old schema), and "
                    + "readers may not expect it. Whether it matters depends on the values.",
            "default of column \"{location}\" changed from {from} to {to}",
            Effects.of(OK, DATA_DEPENDENT, OK, DATA_DEPENDENT));

    static final Rule COLUMN_DEFAULT_DROPPED = new Rule("COLUMN_DEFAULT_DROPPED", "Default dropped",
            "a column that stays insertable without a value (nullable, identity) lost its default",
            "Deploy writers that set the column explicitly first, then drop the default.",
            "Old writers that omit the column now store NULL (or a generated value) instead of the default; "
                    + "readers may not expect it. Whether it matters depends on the rows written.",
            "default {from} of column \"{location}\" was dropped",
            Effects.of(OK, DATA_DEPENDENT, OK, OK));

    static final Rule COLUMN_DEFAULT_DROPPED_REQUIRED = new Rule("COLUMN_DEFAULT_DROPPED_REQUIRED",
            "Default dropped from NOT NULL column",
            "a NOT NULL column lost its default, so inserts must now set it",
            "Expand/contract: deploy writers that always set the column, wait until no old writer runs, then "
                    + "drop the default.",
            "Old writers that omit the column relied on the default; without it the NOT NULL constraint "
                    + "rejects their inserts. New writers set the column and work on both sides.",
            "default {from} of NOT NULL column \"{location}\" was dropped",
            Effects.of(OK, BREAKS, OK, OK));

    static final List<Rule> RULES = List.of(COLUMN_DEFAULT_ADDED, COLUMN_DEFAULT_ADDED_REQUIRED,
            COLUMN_DEFAULT_CHANGED, COLUMN_DEFAULT_DROPPED, COLUMN_DEFAULT_DROPPED_REQUIRED);

    private DefaultRules() {
    }

    static List<Finding> defaultChange(ModifyColumn change) {
        Column from = change.from();
        Column to = change.to();
        String before = from.defaultExpr();
        String after = to.defaultExpr();
        if (Objects.equals(before, after)) {
            return List.of();
        }
        if (before == null) {
            // New writers omit the column; against the old schema that fails when it cannot be omitted there.
            Rule rule = from.canBeOmittedOnInsert() ? COLUMN_DEFAULT_ADDED : COLUMN_DEFAULT_ADDED_REQUIRED;
            return List.of(rule.finding(change, "to", after));
        }
        if (after == null) {
            Rule rule = to.canBeOmittedOnInsert() ? COLUMN_DEFAULT_DROPPED : COLUMN_DEFAULT_DROPPED_REQUIRED;
            return List.of(rule.finding(change, "from", before));
        }
        return List.of(COLUMN_DEFAULT_CHANGED.finding(change, "from", before, "to", after));
    }
}
