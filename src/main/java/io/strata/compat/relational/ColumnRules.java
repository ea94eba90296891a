package io.strata.compat.relational;

import io.strata.model.change.SchemaChange;
import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.Column;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.RenameColumn;

import java.util.ArrayList;
import java.util.List;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * ColumnRules classify columns added, dropped and renamed, and route each property of a modified column to
 * the family that judges it (type, nullability, default, generation), judging collation and charset here.
 */
final class ColumnRules {

    static final Rule COLUMN_ADDED_NULLABLE = new Rule("COLUMN_ADDED_NULLABLE", "Nullable column added",
            "a column that accepts NULL exists only in the new version",
            "Expand first: add the column, then deploy the applications that read and write it. This is the "
                    + "safe first step of most expand/contract recipes.",
            "Old readers do not select it; old writers omit it and the row gets NULL (or its default). New "
                    + "readers select it and new writers set it, but the old schema has no such column, so "
                    + "both fail there.",
            "column \"{location}\" was added",
            Effects.of(OK, OK, BREAKS, BREAKS));

    static final Rule COLUMN_ADDED_WITH_DEFAULT = new Rule("COLUMN_ADDED_WITH_DEFAULT", "NOT NULL column with default added",
            "a NOT NULL column with a default (or identity) exists only in the new version",
            "Expand first: add the column with its default (PostgreSQL 11+ and MySQL 8 add a constant default "
                    + "without rewriting the table; a volatile default rewrites it, so add it nullable, backfill "
                    + "in batches, then set NOT NULL), then deploy the applications that use it.",
            "Old writers omit the column and get the default, so they keep working; old readers ignore it. New "
                    + "readers and writers name a column the old schema lacks.",
            "NOT NULL column \"{location}\" with default {default} was added",
            Effects.of(OK, OK, BREAKS, BREAKS));

    static final Rule COLUMN_ADDED_REQUIRED = new Rule("COLUMN_ADDED_REQUIRED", "NOT NULL column without default added",
            "a NOT NULL column without default, identity or generator exists only in the new version",
            "Expand/contract: add the column nullable (or with a default), deploy writers that set it, "
                    + "backfill existing rows in batches, then add NOT NULL (PostgreSQL: a CHECK (col IS NOT "
                    + "NULL) NOT VALID, VALIDATE, then SET NOT NULL) once no old writer runs.",
            "Old writers' inserts omit the column, which now has neither a value nor a default: they fail. "
                    + "New clients name a column the old schema lacks. The migration itself depends on data: on a "
                    + "non-empty table PostgreSQL refuses it, and MySQL fills an implicit zero value.",
            "NOT NULL column \"{location}\" without default was added",
            Effects.of(OK, BREAKS, BREAKS, BREAKS));

    static final Rule COLUMN_ADDED_GENERATED = new Rule("COLUMN_ADDED_GENERATED", "Generated column added",
            "a generated (computed) column exists only in the new version",
            "Expand first: add the column (a stored generated column rewrites the table; a virtual one does "
                    + "not), then deploy readers that select it.",
            "Nobody writes a generated column, so writers on both sides are unaffected. Old readers ignore "
                    + "it; new readers select it and fail against the old schema.",
            "generated column \"{location}\" was added",
            Effects.of(OK, OK, BREAKS, OK));

    static final Rule COLUMN_DROPPED = new Rule("COLUMN_DROPPED", "Column dropped",
            "a column that inserts may omit (nullable, default or identity) is absent from the new version",
            "Contract last: deploy applications that neither read nor write the column (ORMs: mark it "
                    + "ignored first), wait until no old client runs, then drop it; keep a backup, the values "
                    + "are lost.",
            "Old readers select the column and old writers name it in inserts and updates: both fail once it "
                    + "is gone. New clients do not use it, and against the old schema their inserts may omit "
                    + "it because it is nullable or has a default.",
            "column \"{location}\" was dropped",
            Effects.of(BREAKS, BREAKS, OK, OK));

    static final Rule COLUMN_DROPPED_REQUIRED = new Rule("COLUMN_DROPPED_REQUIRED", "NOT NULL column without default dropped",
            "a NOT NULL column without default is absent from the new version",
            "Expand/contract: first make the column nullable (or give it a default) in its own release, deploy "
                    + "applications that stop using it, wait until no old client runs, then drop it.",
            "Old readers and writers name the column, which is gone. New writers omit it, and against the old "
                    + "schema (before the drop, or after a rollback) it is NOT NULL without default, so their "
                    + "inserts fail.",
            "NOT NULL column \"{location}\" without default was dropped",
            Effects.of(BREAKS, BREAKS, OK, BREAKS));

    static final Rule COLUMN_DROPPED_GENERATED = new Rule("COLUMN_DROPPED_GENERATED", "Generated column dropped",
            "a generated (computed) column is absent from the new version",
            "Contract last: deploy readers that no longer select it, wait until no old reader runs, then drop it.",
            "Old readers select it and fail. Nobody writes a generated column, so writers are unaffected, and "
                    + "new readers do not use it.",
            "generated column \"{location}\" was dropped",
            Effects.of(BREAKS, OK, OK, OK));

    static final Rule COLUMN_RENAMED = new Rule("COLUMN_RENAMED", "Column renamed",
            "a column was renamed (as the input declared)",
            "Expand/contract: add the new column, keep both in sync (trigger or dual writes), backfill, "
                    + "deploy applications that use the new name, wait until no old client runs, then drop the "
                    + "old column. Alternatively expose the new name through a view.",
            "Clients name columns. Old clients use the old name, which is gone; new clients use the new "
                    + "name, which the old schema lacks. Everybody breaks.",
            "column \"{from}\" was renamed to \"{location}\"",
            Effects.of(BREAKS, BREAKS, BREAKS, BREAKS));

    static final Rule COLUMN_COLLATION_CHANGED = new Rule("COLUMN_COLLATION_CHANGED", "Column collation changed",
            "a column's collation changed",
            "Add a column with the new collation, backfill and check uniqueness under it, move clients, then "
                    + "drop the old column; or first check that no stored values collide under the new "
                    + "collation. Indexes on the column are rebuilt.",
            "The collation decides equality, ordering and uniqueness. Readers on either side may see rows in "
                    + "another order or matched differently (case or accent insensitivity); writers may hit "
                    + "unique violations for values that only differ in case or accents. All of it depends on "
                    + "the values stored.",
            "collation of column \"{location}\" changed from {from} to {to}",
            Effects.of(DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT));

    static final Rule COLUMN_CHARSET_CHANGED = new Rule("COLUMN_CHARSET_CHANGED", "Column character set changed",
            "a MySQL column's character set changed",
            "Convert to a superset (utf8mb4) only; check that every stored value converts (compare "
                    + "CONVERT(col USING new) round trips) before the ALTER, and budget for a table rebuild.",
            "Values that the target character set cannot represent are rejected or replaced with '?', for "
                    + "stored rows during the conversion and for writers afterwards; readers may receive "
                    + "characters they did not before. All of it depends on the text stored.",
            "character set of column \"{location}\" changed from {from} to {to}",
            Effects.of(DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT));

    static final List<Rule> RULES = List.of(COLUMN_ADDED_NULLABLE, COLUMN_ADDED_WITH_DEFAULT, COLUMN_ADDED_REQUIRED,
            COLUMN_ADDED_GENERATED, COLUMN_DROPPED, COLUMN_DROPPED_REQUIRED, COLUMN_DROPPED_GENERATED,
            COLUMN_RENAMED, COLUMN_COLLATION_CHANGED, COLUMN_CHARSET_CHANGED);

    private ColumnRules() {
    }

    static List<Finding> addColumn(AddColumn change) {
        Column column = change.column();
        if (column.generatedExpr() != null) {
            return List.of(COLUMN_ADDED_GENERATED.finding(change));
        }
        if (column.nullable()) {
            return List.of(COLUMN_ADDED_NULLABLE.finding(change));
        }
        if (column.canBeOmittedOnInsert()) {
            String value = column.defaultExpr() != null ? column.defaultExpr() : "(identity)";
            return List.of(COLUMN_ADDED_WITH_DEFAULT.finding(change, "default", value));
        }
        return List.of(COLUMN_ADDED_REQUIRED.finding(change));
    }

    static List<Finding> dropColumn(DropColumn change) {
        Column column = change.column();
        if (column.generatedExpr() != null) {
            return List.of(COLUMN_DROPPED_GENERATED.finding(change));
        }
        if (!column.canBeOmittedOnInsert()) {
            return List.of(COLUMN_DROPPED_REQUIRED.finding(change));
        }
        return List.of(COLUMN_DROPPED.finding(change));
    }

    static List<Finding> renameColumn(RenameColumn change) {
        return List.of(COLUMN_RENAMED.finding(change,
                "from", SchemaChange.qualified(change.schema(), change.table()) + "." + change.from().name()));
    }

    /** One or more findings per changed property, in {@link ColumnChangeKind} order. */
    static List<Finding> modifyColumn(String dialect, ModifyColumn change) {
        List<Finding> findings = new ArrayList<>();
        for (ColumnChangeKind kind : ColumnChangeKind.values()) {
            if (change.kinds().contains(kind)) {
                findings.addAll(property(dialect, change, kind));
            }
        }
        return ObjectRules.orNoDifference(findings, change);
    }

    private static List<Finding> property(String dialect, ModifyColumn change, ColumnChangeKind kind) {
        Column from = change.from();
        Column to = change.to();
        return switch (kind) {
            case TYPE -> ColumnTypeRules.typeChange(dialect, change);
            case NULLABILITY -> NullabilityRules.nullability(change);
            case DEFAULT -> GenerationRules.generatorSwitched(change) ? List.of() : DefaultRules.defaultChange(change);
            case IDENTITY -> GenerationRules.identity(change);
            case GENERATED -> GenerationRules.generated(change);
            case COLLATION -> List.of(COLUMN_COLLATION_CHANGED.finding(change,
                    "from", orDefault(from.collation()), "to", orDefault(to.collation())));
            case CHARSET -> List.of(COLUMN_CHARSET_CHANGED.finding(change,
                    "from", orDefault(from.charset()), "to", orDefault(to.charset())));
            case COMMENT -> List.of(ObjectRules.COMMENT_CHANGED.finding(change));
        };
    }

    private static String orDefault(String value) {
        return value == null ? "default" : value;
    }
}
