package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.Column;
import io.strata.model.change.SchemaChange.ModifyColumn;

import java.util.List;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/** NullabilityRules classify a column made NOT NULL or made nullable. */
final class NullabilityRules {

    static final Rule COLUMN_MADE_NOT_NULL = new Rule("COLUMN_MADE_NOT_NULL", "Column made NOT NULL",
            "a nullable column without default, identity or generator became NOT NULL",
            "Expand/contract: deploy writers that always set the column, backfill NULLs in batches, then "
                    + "(PostgreSQL) add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, SET NOT NULL and drop "
                    + "the check, once no old writer runs. Or add a default first.",
            "Old writers that omit the column or write NULL now fail, and with no default every insert that "
                    + "omits it fails. New readers against the old schema may meet NULLs they no longer expect, "
                    + "depending on data. The migration itself fails while any stored row holds NULL.",
            "column \"{location}\" was made NOT NULL",
            Effects.of(OK, BREAKS, DATA_DEPENDENT, OK));

    static final Rule COLUMN_MADE_NOT_NULL_WITH_DEFAULT = new Rule("COLUMN_MADE_NOT_NULL_WITH_DEFAULT",
            "Column with default made NOT NULL",
            "a nullable column that has a default (or identity, or generator) became NOT NULL",
            "Deploy writers that never write NULL explicitly, backfill NULLs, then set NOT NULL as for "
                    + "COLUMN_MADE_NOT_NULL.",
            "Old writers that omit the column get the default and keep working; those that write NULL "
                    + "explicitly (ORMs often do) fail, which depends on the values they write. New readers "
                    + "against the old schema may meet NULLs. The migration fails while any stored row holds NULL.",
            "column \"{location}\" was made NOT NULL; it has a default",
            Effects.of(OK, DATA_DEPENDENT, DATA_DEPENDENT, OK));

    static final Rule COLUMN_MADE_NULLABLE = new Rule("COLUMN_MADE_NULLABLE", "Column made nullable",
            "a NOT NULL column now accepts NULL",
            "Deploy readers that handle NULL first, then drop NOT NULL, then deploy writers that write NULL.",
            "Old readers assume a value and break once new writers store NULL, which depends on data. New "
                    + "writers are allowed to write NULL (or omit a column without default), which the old, "
                    + "NOT NULL schema rejects: they break against it, as an Avro field that became a union "
                    + "with null fails FORWARD. Old writers always set it.",
            "column \"{location}\" was made nullable",
            Effects.of(DATA_DEPENDENT, OK, OK, BREAKS));

    static final List<Rule> RULES = List.of(COLUMN_MADE_NOT_NULL, COLUMN_MADE_NOT_NULL_WITH_DEFAULT, COLUMN_MADE_NULLABLE);

    private NullabilityRules() {
    }

    static List<Finding> nullability(ModifyColumn change) {
        Column from = change.from();
        Column to = change.to();
        if (from.nullable() == to.nullable()) {
            return List.of();
        }
        if (to.nullable()) {
            return List.of(COLUMN_MADE_NULLABLE.finding(change));
        }
        // A NOT NULL column can be omitted on insert only through a default, an identity or a generator.
        return List.of(to.canBeOmittedOnInsert()
                ? COLUMN_MADE_NOT_NULL_WITH_DEFAULT.finding(change)
                : COLUMN_MADE_NOT_NULL.finding(change));
    }
}
