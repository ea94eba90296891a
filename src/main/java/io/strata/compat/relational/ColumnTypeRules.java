package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.ColumnType;
import io.strata.model.ColumnType.EnumValues;
import io.strata.model.ValueFit;
import io.strata.model.ValueFit.Fit;
import io.strata.model.ValueFit.Reading;
import io.strata.model.change.SchemaChange.ModifyColumn;

import java.util.ArrayList;
import java.util.List;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * ColumnTypeRules turn a column's type change into findings, from {@link ValueFit} asked in both directions:
 * whether the new type holds every old value (old writers keep working) and whether the old type holds
 * every new value (new writers against the old schema keep working). Member changes of a MySQL ENUM or SET
 * are judged by {@link EnumRules}.
 */
final class ColumnTypeRules {

    static final Rule COLUMN_TYPE_EQUIVALENT = new Rule("COLUMN_TYPE_EQUIVALENT", "Equivalent type",
            "a column's type changed in name only: both types hold the same values with the same behaviour "
                    + "(PostgreSQL varchar without length and text; MySQL boolean and tinyint)",
            "Apply directly: the server changes its catalog only, without rewriting the table.",
            "Every value is stored, compared and returned as before, so no client can tell the difference.",
            "type of column \"{location}\" changed from {from} to the equivalent {to}",
            Effects.allOk());

    static final Rule COLUMN_TYPE_WIDENED = new Rule("COLUMN_TYPE_WIDENED", "Type widened",
            "a column's new type holds every value of the old one and more (varchar(10) to varchar(20), int "
                    + "to bigint, numeric(10,2) to numeric(12,2), timestamp(3) to timestamp(6), MySQL varchar "
                    + "to a text type large enough in utf8mb4)",
            "Widen before deploying writers of the larger values; make sure readers (parsers, fixed-size "
                    + "fields, validation) accept them first: teach readers first, then let "
                    + "writers write. When the new type is stored differently the server rewrites the table (the "
                    + "plan's lock impact says so); plan such a change as an online one.",
            "Old writers' values still fit. New readers read the old, narrower values fine. New writers are "
                    + "allowed to write values beyond the old type (a bigint above 2^31, a 15-character string), "
                    + "which the old schema cannot hold: they break against it, as an Avro int to long fails "
                    + "FORWARD. Old readers meet such values only once a new writer writes them, so for them the "
                    + "effect depends on data.",
            "type of column \"{location}\" widened from {from} to {to}",
            Effects.of(DATA_DEPENDENT, OK, OK, BREAKS));

    static final Rule COLUMN_TYPE_NARROWED = new Rule("COLUMN_TYPE_NARROWED", "Type narrowed",
            "a column's new type holds fewer values than the old one (varchar(20) to varchar(10), bigint to "
                    + "int, fewer decimal digits, less fractional-second precision, signed to a smaller type)",
            "Expand/contract: deploy writers that only write values of the narrower type, check every stored "
                    + "value fits (the ALTER fails on PostgreSQL and in MySQL strict mode, and silently "
                    + "truncates or rounds otherwise), then narrow the column once no old writer runs.",
            "Old writers still produce values that no longer fit: they are rejected, truncated or rounded. "
                    + "Old readers read narrower values fine. New readers against the old schema may meet wide "
                    + "values written there, depending on data. New writers' values fit the old, wider type. "
                    + "The migration itself depends on the stored rows.",
            "type of column \"{location}\" narrowed from {from} to {to}",
            Effects.of(OK, BREAKS, DATA_DEPENDENT, OK));

    static final Rule COLUMN_TYPE_RANGE_CHANGED = new Rule("COLUMN_TYPE_RANGE_CHANGED", "Type range changed",
            "a column's type changed to a related type where neither holds every value of the other (int to "
                    + "int unsigned, numeric(10,2) to numeric(10,4), bigint to double, decimal to float, text "
                    + "to json)",
            "Expand/contract: add a column of the new type, convert and backfill, write both, move readers, "
                    + "then drop the old column once no old client runs.",
            "Each side can store values the other cannot: old writers may write values the new type rejects "
                    + "or rounds, new writers values the old type rejects, and readers on each side may meet "
                    + "values outside what they expect, depending on data.",
            "type of column \"{location}\" changed from {from} to {to}; neither holds all values of the other",
            Effects.of(DATA_DEPENDENT, BREAKS, DATA_DEPENDENT, BREAKS));

    static final Rule COLUMN_TYPE_REPRESENTATION_CHANGED = new Rule("COLUMN_TYPE_REPRESENTATION_CHANGED",
            "Representation changed",
            "a column keeps its values but pads, prints, compares or sorts them differently (char and "
                    + "varchar, binary and varbinary, json and jsonb, an enum and text)",
            "Check readers that compare, sort or hash the values (padding, key order, sort order) "
                    + "before the change; otherwise apply as for the accompanying width finding.",
            "char pads with blanks and ignores trailing blanks in comparisons, varchar keeps them; jsonb "
                    + "reorders keys and drops duplicates and whitespace; an enum sorts by declaration order, "
                    + "text alphabetically. Readers on either side may see different text or order for some "
                    + "values; writes still succeed.",
            "representation of column \"{location}\" changed from {from} to {to}",
            Effects.of(DATA_DEPENDENT, OK, DATA_DEPENDENT, OK));

    static final Rule COLUMN_TYPE_TIME_ZONE_CHANGED = new Rule("COLUMN_TYPE_TIME_ZONE_CHANGED", "Time zone handling changed",
            "a date or time column moved between zoned and zone-less storage (timestamp to timestamptz, "
                    + "MySQL datetime to timestamp, date to a zoned timestamp)",
            "Expand/contract: add a column of the new type, backfill with an explicit conversion (col AT TIME "
                    + "ZONE 'UTC'), write both, move readers, then drop the old column.",
            "The conversion interprets stored values in the session time zone, and clients bind and read "
                    + "different Java types (LocalDateTime vs OffsetDateTime): values silently shift by the "
                    + "zone offset for any client whose zone is not the one used in the conversion. MySQL "
                    + "timestamp also only covers 1970 to 2038.",
            "time zone handling of column \"{location}\" changed from {from} to {to}",
            Effects.of(BREAKS, BREAKS, BREAKS, BREAKS));

    static final Rule COLUMN_TYPE_INCOMPATIBLE = new Rule("COLUMN_TYPE_INCOMPATIBLE", "Incompatible type change",
            "a column's type changed to an unrelated type (number to text, a scalar to an array, a different "
                    + "enum type, or any change involving a type Strata only knows by name)",
            "Expand/contract: add a column of the new type, backfill with an explicit conversion, keep both "
                    + "in sync while clients move, then drop the old column once no old client runs.",
            "Clients bind and read values as the old type; the new type converts, compares and sorts "
                    + "differently or not at all. Types Strata does not model are compared by their text, and "
                    + "any difference is treated as unrelated.",
            "type of column \"{location}\" changed from {from} to the incompatible {to}",
            Effects.of(BREAKS, BREAKS, BREAKS, BREAKS));

    static final List<Rule> RULES = List.of(COLUMN_TYPE_EQUIVALENT, COLUMN_TYPE_WIDENED, COLUMN_TYPE_NARROWED,
            COLUMN_TYPE_RANGE_CHANGED, COLUMN_TYPE_REPRESENTATION_CHANGED, COLUMN_TYPE_TIME_ZONE_CHANGED,
            COLUMN_TYPE_INCOMPATIBLE);

    private ColumnTypeRules() {
    }

    static List<Finding> typeChange(String dialect, ModifyColumn change) {
        ColumnType from = change.from().type();
        ColumnType to = change.to().type();
        if (from.equals(to)) {
            return List.of();
        }
        if (from instanceof EnumValues a && to instanceof EnumValues b && a.name().equals(b.name())) {
            return EnumRules.columnMembers(change, a, b);
        }
        ValueFit there = ValueFit.of(dialect, from, to);
        String[] values = {"from", from.sql(), "to", to.sql()};
        List<Finding> findings = new ArrayList<>();
        Rule width = widthRule(there, ValueFit.of(dialect, to, from));
        if (width != null) {
            findings.add(width.finding(change, values));
        }
        if (there.reading() == Reading.RESTYLED) {
            findings.add(COLUMN_TYPE_REPRESENTATION_CHANGED.finding(change, values));
        }
        return findings;
    }

    /**
     * The rule for how the old and new sets of values relate, or null when they are the same set read
     * differently (the representation finding says it all).
     */
    private static Rule widthRule(ValueFit there, ValueFit back) {
        if (there.reading() == Reading.RETYPED) {
            return COLUMN_TYPE_INCOMPATIBLE;
        }
        if (there.reading() == Reading.REZONED) {
            return COLUMN_TYPE_TIME_ZONE_CHANGED;
        }
        boolean widens = there.fit() == Fit.FITS;
        boolean narrows = back.fit() == Fit.FITS;
        if (widens && narrows) {
            return there.reading() == Reading.RESTYLED ? null : COLUMN_TYPE_EQUIVALENT;
        }
        return widens ? COLUMN_TYPE_WIDENED : narrows ? COLUMN_TYPE_NARROWED : COLUMN_TYPE_RANGE_CHANGED;
    }
}
