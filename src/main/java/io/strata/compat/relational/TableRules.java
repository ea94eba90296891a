package io.strata.compat.relational;

import io.strata.model.change.SchemaChange;
import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.ModifyTable;
import io.strata.model.change.SchemaChange.RenameTable;
import io.strata.model.change.TableChangeKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/** TableRules classify tables added, dropped and renamed, and changes of table options. */
final class TableRules {

    /** Options that decide which rows a table accepts: partitioning and inheritance. */
    private static final Set<String> PARTITION_OPTIONS = Set.of("partition_by", "partition_of", "partition_bound", "inherits");
    /** Options with a {@link TableChangeKind} of their own. */
    private static final Set<String> OWN_KIND_OPTIONS = Set.of("engine", "charset", "collation");

    static final Rule TABLE_ADDED = new Rule("TABLE_ADDED", "Table added",
            "a table exists only in the new version",
            "Expand first: create the table in its own migration, deploy the applications that use it "
                    + "afterwards; roll the database back only once no application uses it.",
            "Old clients do not know the table. New clients read and write it; against the old database the "
                    + "table does not exist and their statements fail.",
            "table \"{location}\" was added",
            Effects.of(OK, OK, BREAKS, BREAKS));

    static final Rule TABLE_DROPPED = new Rule("TABLE_DROPPED", "Table dropped",
            "a table of the old version is absent from the new one",
            "Contract last: deploy applications that no longer read or write the table, wait until no old "
                    + "client runs, back up or archive the rows, then drop it (or rename it aside first, so "
                    + "the drop can be undone).",
            "Old clients select from and insert into the table, which no longer exists. New clients do not "
                    + "use it, so they work against either schema. The rows are lost.",
            "table \"{location}\" was dropped",
            Effects.of(BREAKS, BREAKS, OK, OK));

    static final Rule TABLE_RENAMED = new Rule("TABLE_RENAMED", "Table renamed",
            "a table was renamed (as the input declared)",
            "Expand/contract: create the new name as a view over the old table (or the old name as a view "
                    + "over the renamed one, PostgreSQL views on one table are updatable), deploy applications "
                    + "that use the new name, wait until no old client runs, then drop the view.",
            "Clients name tables in their statements. Old clients use the old name, which is gone; new "
                    + "clients use the new name, which the old schema lacks. Everybody breaks.",
            "table \"{from}\" was renamed to \"{location}\"",
            Effects.of(BREAKS, BREAKS, BREAKS, BREAKS));

    static final Rule TABLE_ENGINE_CHANGED = new Rule("TABLE_ENGINE_CHANGED", "Storage engine changed",
            "a MySQL table's storage engine changed (MyISAM to InnoDB...)",
            "Plan it as an online table rebuild (pt-online-schema-change / gh-ost style shadow table), "
                    + "outside peak hours.",
            "The engine changes locking, transactions and crash safety, not the columns clients name or the "
                    + "values they read and write. The rebuild copies the whole table, which the planner "
                    + "accounts for.",
            "storage engine of table \"{location}\" changed from {from} to {to}",
            Effects.allOk());

    static final Rule TABLE_PARTITIONING_CHANGED = new Rule("TABLE_PARTITIONING_CHANGED", "Partitioning changed",
            "a table's partitioning, partition bound or inheritance changed",
            "Create the new partitions (and a default partition) before moving rows; attach a partition with "
                    + "a matching CHECK constraint validated first so the attach does not scan under lock.",
            "Partition bounds decide which rows a table accepts: writers whose rows fall outside every "
                    + "partition (or the new bound) are rejected, on either side of the change, depending on "
                    + "the values they write. Readers name the same table either way.",
            "partitioning of table \"{location}\" changed",
            Effects.of(OK, DATA_DEPENDENT, OK, DATA_DEPENDENT));

    static final Rule TABLE_OPTIONS_CHANGED = new Rule("TABLE_OPTIONS_CHANGED", "Table options changed",
            "other table options changed (PostgreSQL persistence, MySQL row format, auto_increment...)",
            "Apply directly; options that rebuild the table are planned as online operations.",
            "Storage options change how rows are kept, not which columns exist or which values fit.",
            "options of table \"{location}\" changed",
            Effects.allOk());

    static final List<Rule> RULES = List.of(TABLE_ADDED, TABLE_DROPPED, TABLE_RENAMED, TABLE_ENGINE_CHANGED,
            TABLE_PARTITIONING_CHANGED, TABLE_OPTIONS_CHANGED);

    private TableRules() {
    }

    static List<Finding> addTable(AddTable change) {
        return List.of(TABLE_ADDED.finding(change));
    }

    static List<Finding> dropTable(DropTable change) {
        return List.of(TABLE_DROPPED.finding(change));
    }

    static List<Finding> renameTable(RenameTable change) {
        return List.of(TABLE_RENAMED.finding(change, "from", SchemaChange.qualified(change.schema(), change.from().name())));
    }

    static List<Finding> modifyTable(ModifyTable change) {
        Table from = change.from();
        Table to = change.to();
        Set<TableChangeKind> kinds = change.kinds();
        List<Finding> findings = new ArrayList<>();
        if (kinds.contains(TableChangeKind.CHARSET) || kinds.contains(TableChangeKind.COLLATION)) {
            findings.add(ObjectRules.DEFAULT_COLLATION_CHANGED.finding(change,
                    "from", ObjectRules.charsetAndCollation(from.options().get("charset"), from.options().get("collation")),
                    "to", ObjectRules.charsetAndCollation(to.options().get("charset"), to.options().get("collation"))));
        }
        if (kinds.contains(TableChangeKind.ENGINE)) {
            findings.add(TABLE_ENGINE_CHANGED.finding(change,
                    "from", String.valueOf(from.options().get("engine")), "to", String.valueOf(to.options().get("engine"))));
        }
        if (kinds.contains(TableChangeKind.OPTIONS)) {
            findings.addAll(options(change));
        }
        if (kinds.contains(TableChangeKind.COMMENT)) {
            findings.add(ObjectRules.COMMENT_CHANGED.finding(change));
        }
        return ObjectRules.orNoDifference(findings, change);
    }

    private static List<Finding> options(ModifyTable change) {
        Map<String, String> from = change.from().options();
        Map<String, String> to = change.to().options();
        Set<String> keys = new HashSet<>(from.keySet());
        keys.addAll(to.keySet());
        keys.removeAll(OWN_KIND_OPTIONS);
        List<String> changed = keys.stream().filter(k -> !Objects.equals(from.get(k), to.get(k))).toList();
        List<Finding> findings = new ArrayList<>();
        if (changed.stream().anyMatch(PARTITION_OPTIONS::contains)) {
            findings.add(TABLE_PARTITIONING_CHANGED.finding(change));
        }
        if (changed.isEmpty() || changed.stream().anyMatch(k -> !PARTITION_OPTIONS.contains(k))) {
            findings.add(TABLE_OPTIONS_CHANGED.finding(change));
        }
        return findings;
    }
}
