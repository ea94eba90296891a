package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.ColumnType.EnumValues;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddEnum;
import io.strata.model.change.SchemaChange.DropEnum;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.ModifyEnum;

import java.util.ArrayList;
import java.util.List;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * EnumRules classify enumerations: PostgreSQL enum types ({@link ModifyEnum}) and MySQL inline ENUM and SET
 * columns whose members changed. Both follow seed 001: readers must learn a new value before writers write
 * it.
 */
final class EnumRules {

    static final Rule ENUM_TYPE_ADDED = new Rule("ENUM_TYPE_ADDED", "Enum type added",
            "a PostgreSQL enum type exists only in the new version",
            "Expand first: create the type before deploying writers that cast to it.",
            "Columns of the type are classified by their own changes. Writers cast literals to the type "
                    + "('x'::mood) and fail against the old schema; readers compare with untyped literals.",
            "enum type \"{location}\" was added",
            Effects.of(OK, OK, OK, BREAKS));

    static final Rule ENUM_TYPE_DROPPED = new Rule("ENUM_TYPE_DROPPED", "Enum type dropped",
            "a PostgreSQL enum type of the old version is absent from the new one",
            "Contract last: drop or convert the columns using it, deploy writers that no longer cast to it, "
                    + "then drop the type.",
            "Columns of the type are classified by their own changes. Old writers that cast to the type fail "
                    + "once it is gone.",
            "enum type \"{location}\" was dropped",
            Effects.of(OK, BREAKS, OK, OK));

    static final Rule ENUM_VALUE_ADDED = new Rule("ENUM_VALUE_ADDED", "Enum value added",
            "an enum type, MySQL ENUM or SET gained members",
            "Add the value first and deploy readers that understand it, then deploy writers that write it "
                    + "(teach readers first). PostgreSQL ALTER TYPE ... ADD VALUE cannot be used in "
                    + "the same transaction that adds it; in MySQL append members at the end, since inserting "
                    + "in the middle renumbers later members and copies the table.",
            "Old readers with strict validation meet an unknown value once new writers write it: data "
                    + "dependent. Old writers never write it. New readers understand every old value. New "
                    + "writers are allowed to write the new value, which the old schema rejects: they break "
                    + "against it, as an Avro enum symbol added fails FORWARD.",
            "{kind} \"{location}\" gained value(s) {values}",
            Effects.of(DATA_DEPENDENT, OK, OK, BREAKS));

    static final Rule ENUM_VALUE_REMOVED = new Rule("ENUM_VALUE_REMOVED", "Enum value removed",
            "an enum type, MySQL ENUM or SET lost members",
            "Expand/contract: deploy writers that stop writing the value, migrate stored rows to another "
                    + "value, wait until no old writer runs, then remove it (PostgreSQL: create a new type, "
                    + "convert the columns, drop the old type).",
            "Old writers may still write the removed value and are rejected. New readers against the old "
                    + "schema may meet it in rows written there, depending on data. The migration itself "
                    + "depends on the stored rows: MySQL in strict mode refuses rows holding the value and "
                    + "stores '' otherwise; PostgreSQL cannot remove a label in place.",
            "{kind} \"{location}\" lost value(s) {values}",
            Effects.of(OK, BREAKS, DATA_DEPENDENT, OK));

    static final Rule ENUM_VALUES_REORDERED = new Rule("ENUM_VALUES_REORDERED", "Enum values reordered",
            "members kept by an enum type, MySQL ENUM or SET changed their relative order",
            "Avoid reordering; if order matters, add an explicit sort column. A MySQL reorder rewrites every "
                    + "row's stored index.",
            "Enums sort and compare by declaration order, and MySQL stores an ENUM as the member's position "
                    + "and a SET as a bit mask: ORDER BY, range comparisons (status < 'shipped') and numeric "
                    + "use (col + 0) give different results on each side, for the rows involved.",
            "{kind} \"{location}\" reordered its values from {from} to {to}",
            Effects.of(DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT));

    static final List<Rule> RULES = List.of(ENUM_TYPE_ADDED, ENUM_TYPE_DROPPED, ENUM_VALUE_ADDED,
            ENUM_VALUE_REMOVED, ENUM_VALUES_REORDERED);

    private EnumRules() {
    }

    static List<Finding> addEnum(AddEnum change) {
        return List.of(ENUM_TYPE_ADDED.finding(change));
    }

    static List<Finding> dropEnum(DropEnum change) {
        return List.of(ENUM_TYPE_DROPPED.finding(change));
    }

    static List<Finding> modifyEnum(ModifyEnum change) {
        return ObjectRules.orNoDifference(
                members(change, "enum type", change.from().values(), change.to().values()), change);
    }

    /** Member changes of a MySQL ENUM or SET column; empty when the members are equal. */
    static List<Finding> columnMembers(ModifyColumn change, EnumValues from, EnumValues to) {
        return members(change, from.isSet() ? "SET column" : "ENUM column", from.values(), to.values());
    }

    private static List<Finding> members(SchemaChange change, String kind, List<String> from, List<String> to) {
        List<String> added = to.stream().filter(v -> !from.contains(v)).toList();
        List<String> removed = from.stream().filter(v -> !to.contains(v)).toList();
        List<String> keptBefore = from.stream().filter(to::contains).toList();
        List<String> keptAfter = to.stream().filter(from::contains).toList();
        List<Finding> findings = new ArrayList<>();
        if (!added.isEmpty()) {
            findings.add(ENUM_VALUE_ADDED.finding(change, "kind", kind, "values", quoted(added)));
        }
        if (!removed.isEmpty()) {
            findings.add(ENUM_VALUE_REMOVED.finding(change, "kind", kind, "values", quoted(removed)));
        }
        if (!keptBefore.equals(keptAfter)) {
            findings.add(ENUM_VALUES_REORDERED.finding(change, "kind", kind,
                    "from", quoted(keptBefore), "to", quoted(keptAfter)));
        }
        return findings;
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }
}
