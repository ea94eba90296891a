package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.ForeignKey;
import io.strata.model.PrimaryKey;
import io.strata.model.change.SchemaChange.AddCheck;
import io.strata.model.change.SchemaChange.AddForeignKey;
import io.strata.model.change.SchemaChange.AddPrimaryKey;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.DropCheck;
import io.strata.model.change.SchemaChange.DropForeignKey;
import io.strata.model.change.SchemaChange.DropPrimaryKey;
import io.strata.model.change.SchemaChange.DropUnique;
import io.strata.model.change.SchemaChange.ModifyCheck;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;

import java.util.List;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * ConstraintRules classify primary keys, unique, check and foreign-key constraints. A new constraint binds
 * old writers, who never promised to respect it; a dropped one stops protecting new readers and lets new
 * writers do what the old schema refuses. Adding a constraint is also a migration that depends on the
 * stored rows, which may already violate it.
 */
final class ConstraintRules {

    static final Rule PRIMARY_KEY_ADDED = new Rule("PRIMARY_KEY_ADDED", "Primary key added",
            "a table without primary key got one",
            "Deploy writers that never insert duplicate or NULL keys, check the stored rows, build a unique "
                    + "index concurrently (PostgreSQL) and add the key USING INDEX; on MySQL plan an online "
                    + "rebuild.",
            "Old writers may insert duplicate or NULL key values, which are now rejected. New writers rely on "
                    + "the key (ON CONFLICT, ON DUPLICATE KEY UPDATE), which fails or silently inserts "
                    + "duplicates against the old schema; new readers there may meet duplicates, depending on "
                    + "data. The migration fails if stored rows hold duplicates or NULLs.",
            "table \"{location}\" got primary key ({columns})",
            Effects.of(OK, BREAKS, DATA_DEPENDENT, BREAKS));

    static final Rule PRIMARY_KEY_DROPPED = new Rule("PRIMARY_KEY_DROPPED", "Primary key dropped",
            "a table's primary key was dropped",
            "Keep a unique constraint on the same columns until no old client runs; on PostgreSQL set a "
                    + "replica identity first if the table is replicated logically.",
            "Old writers rely on the key (ON CONFLICT fails without it, ON DUPLICATE KEY UPDATE inserts "
                    + "duplicates; logical replication cannot update or delete without a replica identity). "
                    + "Old readers may meet duplicates once writers insert them. New writers may write rows "
                    + "the old key rejects, depending on data.",
            "primary key ({columns}) of table \"{location}\" was dropped",
            Effects.of(DATA_DEPENDENT, BREAKS, OK, DATA_DEPENDENT));

    static final Rule PRIMARY_KEY_CHANGED = new Rule("PRIMARY_KEY_CHANGED", "Primary key changed",
            "a table's primary key now covers other columns",
            "Expand/contract: add a unique constraint on the new columns first (built concurrently), move "
                    + "writers' upserts to it, then swap the primary key once no old client runs.",
            "Upserts and lookups name the key: old writers' ON CONFLICT on the old columns fails, and rows "
                    + "unique under one key may collide under the other, in both directions. Readers on each "
                    + "side may meet rows the other key would have refused, depending on data.",
            "primary key of table \"{location}\" changed from ({from}) to ({to})",
            Effects.of(DATA_DEPENDENT, BREAKS, DATA_DEPENDENT, BREAKS));

    static final Rule UNIQUE_ADDED = new Rule("UNIQUE_ADDED", "Unique constraint added",
            "a unique constraint exists only in the new version",
            "Deploy writers that avoid duplicates, remove stored duplicates, build the unique index "
                    + "concurrently, then attach the constraint USING INDEX.",
            "Old writers may insert values that now collide and are rejected. New writers may use it as an "
                    + "ON CONFLICT target, which fails against the old schema; new readers there may meet "
                    + "duplicates, depending on data. The migration fails if stored rows hold duplicates.",
            "unique constraint \"{location}\" on ({columns}) was added",
            Effects.of(OK, BREAKS, DATA_DEPENDENT, BREAKS));

    static final Rule UNIQUE_DROPPED = new Rule("UNIQUE_DROPPED", "Unique constraint dropped",
            "a unique constraint of the old version is absent from the new one",
            "Contract last: move old writers' upserts off it, wait until no old client runs, then drop it.",
            "Old writers may use it as an ON CONFLICT target, which now fails. Old readers may meet "
                    + "duplicates once written. New writers may insert duplicates, which the old schema "
                    + "rejects, depending on data.",
            "unique constraint \"{location}\" on ({columns}) was dropped",
            Effects.of(DATA_DEPENDENT, BREAKS, OK, DATA_DEPENDENT));

    static final Rule CHECK_ADDED = new Rule("CHECK_ADDED", "Check constraint added",
            "a check constraint exists only in the new version",
            "Deploy writers that respect the condition, fix stored rows, then add the check NOT VALID and "
                    + "VALIDATE it separately (PostgreSQL), so validation does not block writes.",
            "Old writers never promised the condition: some of their rows are now rejected. New readers "
                    + "against the old schema may meet rows violating it, and new writers relying on it to "
                    + "reject bad values store them there, depending on data. The migration fails if stored "
                    + "rows violate it.",
            "check constraint \"{location}\" ({expression}) was added",
            Effects.of(OK, BREAKS, DATA_DEPENDENT, DATA_DEPENDENT));

    static final Rule CHECK_DROPPED = new Rule("CHECK_DROPPED", "Check constraint dropped",
            "a check constraint of the old version is absent from the new one",
            "Deploy readers that tolerate the values the check excluded before dropping it.",
            "Old readers may meet values the check used to exclude, once somebody writes them. New writers "
                    + "may write such values, which the old schema rejects. Both depend on data.",
            "check constraint \"{location}\" ({expression}) was dropped",
            Effects.of(DATA_DEPENDENT, OK, OK, DATA_DEPENDENT));

    static final Rule CHECK_MODIFIED = new Rule("CHECK_MODIFIED", "Check constraint modified",
            "a check constraint's condition changed",
            "Add the new condition as a second check (NOT VALID, then VALIDATE) while the old one stays, "
                    + "deploy writers that satisfy both, then drop the old check.",
            "The new condition may be stricter: old writers' rows may be rejected. It may also be looser: "
                    + "readers on either side may meet rows the other condition excluded, and new writers' rows "
                    + "may fail the old condition, depending on data.",
            "check constraint \"{location}\" changed from ({from}) to ({to})",
            Effects.of(DATA_DEPENDENT, BREAKS, DATA_DEPENDENT, DATA_DEPENDENT));

    static final Rule FOREIGN_KEY_ADDED = new Rule("FOREIGN_KEY_ADDED", "Foreign key added",
            "a foreign key exists only in the new version",
            "Deploy writers that insert parents first and delete children first, remove stored orphans, add "
                    + "the key NOT VALID and VALIDATE it separately (PostgreSQL); it locks the referenced table "
                    + "briefly too.",
            "Old writers may insert orphans or delete parents that still have children: rejected now. New "
                    + "readers against the old schema may meet orphans, and new writers relying on cascades "
                    + "leave orphans there, depending on data. The migration fails if stored rows are orphans.",
            "foreign key \"{location}\" ({columns}) -> {target} was added",
            Effects.of(OK, BREAKS, DATA_DEPENDENT, DATA_DEPENDENT));

    static final Rule FOREIGN_KEY_DROPPED = new Rule("FOREIGN_KEY_DROPPED", "Foreign key dropped",
            "a foreign key of the old version is absent from the new one",
            "Deploy writers that maintain the relationship themselves (delete children, clear references) "
                    + "before dropping it.",
            "Old writers relying on ON DELETE CASCADE or SET NULL now leave orphans, and old readers may "
                    + "meet them. New writers may write orphans or delete in an order the old key refuses. "
                    + "All depend on data.",
            "foreign key \"{location}\" ({columns}) -> {target} was dropped",
            Effects.of(DATA_DEPENDENT, DATA_DEPENDENT, OK, DATA_DEPENDENT));

    static final Rule FOREIGN_KEY_MODIFIED = new Rule("FOREIGN_KEY_MODIFIED", "Foreign key modified",
            "a foreign key's columns, target, actions or deferrability changed",
            "Add the new key next to the old one (NOT VALID, then VALIDATE), deploy writers that satisfy "
                    + "both, then drop the old key.",
            "The new key may reject old writers' rows or change what their deletes do (cascade vs "
                    + "restrict). Readers on either side may meet rows the other key would have refused or "
                    + "removed, and new writers' rows may fail the old key, depending on data.",
            "foreign key \"{location}\" changed from ({from}) to ({to})",
            Effects.of(DATA_DEPENDENT, BREAKS, DATA_DEPENDENT, DATA_DEPENDENT));

    static final List<Rule> RULES = List.of(PRIMARY_KEY_ADDED, PRIMARY_KEY_DROPPED, PRIMARY_KEY_CHANGED,
            UNIQUE_ADDED, UNIQUE_DROPPED, CHECK_ADDED, CHECK_DROPPED, CHECK_MODIFIED, FOREIGN_KEY_ADDED,
            FOREIGN_KEY_DROPPED, FOREIGN_KEY_MODIFIED);

    private ConstraintRules() {
    }

    static List<Finding> addPrimaryKey(AddPrimaryKey change) {
        return List.of(PRIMARY_KEY_ADDED.finding(change, "columns", columns(change.key())));
    }

    static List<Finding> dropPrimaryKey(DropPrimaryKey change) {
        return List.of(PRIMARY_KEY_DROPPED.finding(change, "columns", columns(change.key())));
    }

    static List<Finding> modifyPrimaryKey(ModifyPrimaryKey change) {
        return List.of(PRIMARY_KEY_CHANGED.finding(change, "from", columns(change.from()), "to", columns(change.to())));
    }

    static List<Finding> addUnique(AddUnique change) {
        return List.of(UNIQUE_ADDED.finding(change, "columns", String.join(", ", change.unique().columns())));
    }

    static List<Finding> dropUnique(DropUnique change) {
        return List.of(UNIQUE_DROPPED.finding(change, "columns", String.join(", ", change.unique().columns())));
    }

    static List<Finding> addCheck(AddCheck change) {
        return List.of(CHECK_ADDED.finding(change, "expression", change.check().expression()));
    }

    static List<Finding> dropCheck(DropCheck change) {
        return List.of(CHECK_DROPPED.finding(change, "expression", change.check().expression()));
    }

    static List<Finding> modifyCheck(ModifyCheck change) {
        return List.of(CHECK_MODIFIED.finding(change,
                "from", change.from().expression(), "to", change.to().expression()));
    }

    static List<Finding> addForeignKey(AddForeignKey change) {
        ForeignKey fk = change.foreignKey();
        return List.of(FOREIGN_KEY_ADDED.finding(change, "columns", String.join(", ", fk.columns()), "target", target(fk)));
    }

    static List<Finding> dropForeignKey(DropForeignKey change) {
        ForeignKey fk = change.foreignKey();
        return List.of(FOREIGN_KEY_DROPPED.finding(change, "columns", String.join(", ", fk.columns()), "target", target(fk)));
    }

    static List<Finding> modifyForeignKey(ModifyForeignKey change) {
        return List.of(FOREIGN_KEY_MODIFIED.finding(change, "from", describe(change.from()), "to", describe(change.to())));
    }

    private static String columns(PrimaryKey key) {
        return String.join(", ", key.columns());
    }

    private static String target(ForeignKey fk) {
        String table = fk.refSchema() == null ? fk.refTable() : fk.refSchema() + "." + fk.refTable();
        return table + "(" + String.join(", ", fk.refColumns()) + ")";
    }

    private static String describe(ForeignKey fk) {
        return String.join(", ", fk.columns()) + " -> " + target(fk)
                + " on update " + fk.onUpdate() + " on delete " + fk.onDelete();
    }
}
