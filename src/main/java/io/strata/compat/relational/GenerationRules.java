package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.Column;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange.ModifyColumn;

import java.util.List;
import java.util.Objects;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * GenerationRules classify how a column generates its own values: identity / AUTO_INCREMENT, and generated
 * (computed) expressions.
 */
final class GenerationRules {

    static final Rule COLUMN_IDENTITY_ADDED = new Rule("COLUMN_IDENTITY_ADDED", "Identity added",
            "a column without default became an identity / AUTO_INCREMENT column",
            "Set the identity's start above the largest stored value, add it before deploying writers that "
                    + "omit the column, prefer BY DEFAULT over ALWAYS while old writers still supply values, "
                    + "and keep it until no database without it can be rolled back to.",
            "Old writers supply their own values: GENERATED ALWAYS rejects them, and with BY DEFAULT or "
                    + "AUTO_INCREMENT they may collide with generated ones later, depending on the values. New "
                    + "writers omit the column; against the old schema nothing generates it and their inserts "
                    + "fail.",
            "column \"{location}\" became an identity column ({to})",
            Effects.of(OK, DATA_DEPENDENT, OK, BREAKS));

    static final Rule COLUMN_IDENTITY_DROPPED = new Rule("COLUMN_IDENTITY_DROPPED", "Identity dropped",
            "an identity / AUTO_INCREMENT column stopped generating values and got no default instead",
            "Expand/contract: deploy writers that supply the value (from a sequence of their own), wait until "
                    + "no old writer runs, then drop the identity; or replace it with a sequence default.",
            "Old writers omit the column and relied on the generated value; now their inserts fail (NOT "
                    + "NULL) or store NULL. New writers supply values; against the old schema those may "
                    + "collide with generated ones, and a GENERATED ALWAYS identity refuses them unless the "
                    + "insert says OVERRIDING SYSTEM VALUE.",
            "column \"{location}\" no longer generates values ({from} dropped)",
            Effects.of(OK, BREAKS, OK, DATA_DEPENDENT));

    static final Rule COLUMN_IDENTITY_SWITCHED = new Rule("COLUMN_IDENTITY_SWITCHED", "Generator switched",
            "a column switched between a sequence default (serial) and an identity / AUTO_INCREMENT",
            "Set the new generator's next value above the largest stored value in the same migration; use "
                    + "BY DEFAULT while any writer supplies its own values.",
            "Inserts that omit the column keep getting generated values on both sides. Old writers that "
                    + "supply values explicitly are rejected by GENERATED ALWAYS, and the new generator can "
                    + "hand out values already used if it was not restarted past them: both depend on data.",
            "column \"{location}\" switched its generator from {from} to {to}",
            Effects.of(OK, DATA_DEPENDENT, OK, OK));

    static final Rule COLUMN_IDENTITY_MODIFIED = new Rule("COLUMN_IDENTITY_MODIFIED", "Identity options changed",
            "an identity's kind (ALWAYS / BY DEFAULT), start or increment changed",
            "Prefer BY DEFAULT while writers that supply values run; restart above the largest stored value.",
            "Switching to ALWAYS rejects explicit values from old writers, switching to BY DEFAULT does the "
                    + "same for new writers against the old schema, and a new start or increment can collide "
                    + "with stored keys: each depends on the values written.",
            "identity of column \"{location}\" changed from {from} to {to}",
            Effects.of(OK, DATA_DEPENDENT, OK, DATA_DEPENDENT));

    static final Rule COLUMN_MADE_GENERATED = new Rule("COLUMN_MADE_GENERATED", "Column made generated",
            "a plain column became a generated (computed) column",
            "Expand/contract: add a new generated column, move readers to it, stop writing the old column, "
                    + "then drop it once no old writer runs.",
            "Old writers set the column, and a generated column refuses written values: they fail. New "
                    + "writers leave it to the expression; against the old schema the column is plain and "
                    + "stays NULL (or fails NOT NULL). Readers name the same column on both sides.",
            "column \"{location}\" became generated as {to}",
            Effects.of(OK, BREAKS, OK, BREAKS));

    static final Rule COLUMN_GENERATION_DROPPED = new Rule("COLUMN_GENERATION_DROPPED", "Generation dropped",
            "a generated (computed) column became a plain column",
            "Expand/contract: deploy writers that compute and set the value, keep the expression until no "
                    + "old writer runs, then drop it.",
            "Old writers never set the column, relying on the expression; now their rows get NULL (or fail "
                    + "NOT NULL). New writers set it, which the old, generated column refuses.",
            "column \"{location}\" is no longer generated (was {from})",
            Effects.of(OK, BREAKS, OK, BREAKS));

    static final Rule COLUMN_GENERATED_EXPRESSION_CHANGED = new Rule("COLUMN_GENERATED_EXPRESSION_CHANGED",
            "Generated expression changed",
            "a generated column's expression or its storage (stored / virtual) changed",
            "Publish the new expression as a new generated column, move readers, then drop the old one; a "
                    + "stored column is recomputed for every row when its expression changes.",
            "Nobody writes a generated column. Readers on either side may read values computed by the other "
                    + "version's expression, for the rows where the two differ.",
            "expression of generated column \"{location}\" changed from {from} to {to}",
            Effects.of(DATA_DEPENDENT, OK, DATA_DEPENDENT, OK));

    static final List<Rule> RULES = List.of(COLUMN_IDENTITY_ADDED, COLUMN_IDENTITY_DROPPED, COLUMN_IDENTITY_SWITCHED,
            COLUMN_IDENTITY_MODIFIED, COLUMN_MADE_GENERATED, COLUMN_GENERATION_DROPPED,
            COLUMN_GENERATED_EXPRESSION_CHANGED);

    private GenerationRules() {
    }

    /**
     * Whether the column swapped a default for an identity or back (serial to identity); the
     * COLUMN_IDENTITY_SWITCHED finding then covers the default change too.
     */
    static boolean generatorSwitched(ModifyColumn change) {
        if (!change.kinds().contains(ColumnChangeKind.IDENTITY) || !change.kinds().contains(ColumnChangeKind.DEFAULT)) {
            return false;
        }
        Column from = change.from();
        Column to = change.to();
        boolean toIdentity = from.identity() == null && to.identity() != null
                && from.defaultExpr() != null && to.defaultExpr() == null;
        boolean toDefault = from.identity() != null && to.identity() == null
                && from.defaultExpr() == null && to.defaultExpr() != null;
        return toIdentity || toDefault;
    }

    static List<Finding> identity(ModifyColumn change) {
        Column from = change.from();
        Column to = change.to();
        if (Objects.equals(from.identity(), to.identity())) {
            return List.of();
        }
        String before = from.identity() != null ? identityText(from) : "default " + from.defaultExpr();
        String after = to.identity() != null ? identityText(to) : "default " + to.defaultExpr();
        if (generatorSwitched(change)) {
            return List.of(COLUMN_IDENTITY_SWITCHED.finding(change, "from", before, "to", after));
        }
        if (from.identity() == null) {
            return List.of(COLUMN_IDENTITY_ADDED.finding(change, "to", after));
        }
        if (to.identity() == null) {
            return List.of(COLUMN_IDENTITY_DROPPED.finding(change, "from", before));
        }
        return List.of(COLUMN_IDENTITY_MODIFIED.finding(change, "from", before, "to", after));
    }

    static List<Finding> generated(ModifyColumn change) {
        Column from = change.from();
        Column to = change.to();
        if (Objects.equals(from.generatedExpr(), to.generatedExpr()) && from.generatedStored() == to.generatedStored()) {
            return List.of();
        }
        if (from.generatedExpr() == null) {
            return List.of(COLUMN_MADE_GENERATED.finding(change, "to", generatedText(to)));
        }
        if (to.generatedExpr() == null) {
            return List.of(COLUMN_GENERATION_DROPPED.finding(change, "from", generatedText(from)));
        }
        return List.of(COLUMN_GENERATED_EXPRESSION_CHANGED.finding(change,
                "from", generatedText(from), "to", generatedText(to)));
    }

    private static String identityText(Column column) {
        var id = column.identity();
        return id.kind() + " start " + id.start() + " increment " + id.increment()
                + (id.min() != null ? " minvalue " + id.min() : "") + (id.max() != null ? " maxvalue " + id.max() : "")
                + (id.cache() != 1 ? " cache " + id.cache() : "") + (id.cycle() ? " cycle" : "");
    }

    private static String generatedText(Column column) {
        return "(" + column.generatedExpr() + ")" + (column.generatedStored() ? " stored" : " virtual");
    }
}
