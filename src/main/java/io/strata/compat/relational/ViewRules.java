package io.strata.compat.relational;

import io.strata.model.change.SchemaChange;
import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.View;
import io.strata.model.change.SchemaChange.AddView;
import io.strata.model.change.SchemaChange.DropView;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.SchemaChange.RenameView;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * ViewRules classify views. Views are read-side objects: writers are assumed not to write through them, so
 * only the reader roles are affected.
 */
final class ViewRules {

    static final Rule VIEW_ADDED = new Rule("VIEW_ADDED", "View added",
            "a view exists only in the new version",
            "Expand first: create the view before deploying the applications that query it.",
            "New readers query the view, which the old schema lacks. Writers do not use views, and old "
                    + "clients do not know it.",
            "view \"{location}\" was added",
            Effects.of(OK, OK, BREAKS, OK));

    static final Rule VIEW_DROPPED = new Rule("VIEW_DROPPED", "View dropped",
            "a view of the old version is absent from the new one",
            "Contract last: deploy applications that no longer query the view, wait until no old reader "
                    + "runs, then drop it.",
            "Old readers query the view, which no longer exists. No rows are lost: a view stores none "
                    + "(a materialized view's contents can be rebuilt).",
            "view \"{location}\" was dropped",
            Effects.of(BREAKS, OK, OK, OK));

    static final Rule VIEW_RENAMED = new Rule("VIEW_RENAMED", "View renamed",
            "a view was renamed (as the input declared)",
            "Expand/contract: create the view under its new name next to the old one, deploy readers of the "
                    + "new name, wait until no old reader runs, then drop the old name.",
            "Readers name the view: old readers use the old name, which is gone; new readers use the new "
                    + "name, which the old schema lacks.",
            "view \"{from}\" was renamed to \"{location}\"",
            Effects.of(BREAKS, OK, BREAKS, OK));

    static final Rule VIEW_COLUMN_REMOVED = new Rule("VIEW_COLUMN_REMOVED", "View column removed",
            "a view's new definition no longer outputs some of its old columns",
            "Keep outputting the column (as NULL or a computed value) until no old reader runs, then remove "
                    + "it in a later version.",
            "Old readers select the column from the view, which no longer has it. New readers do not use it.",
            "view \"{location}\" no longer has column(s) {columns}",
            Effects.of(BREAKS, OK, OK, OK));

    static final Rule VIEW_COLUMN_ADDED = new Rule("VIEW_COLUMN_ADDED", "View column added",
            "a view's new definition outputs columns its old one did not",
            "Expand first: add the column to the view before deploying readers that select it.",
            "New readers select the new column, which the old view lacks. Old readers ignore it (unless they "
                    + "read positionally with SELECT *, which Strata does not assume).",
            "view \"{location}\" has new column(s) {columns}",
            Effects.of(OK, OK, BREAKS, OK));

    static final Rule VIEW_DEFINITION_CHANGED = new Rule("VIEW_DEFINITION_CHANGED", "View definition changed",
            "a view's query (or materialization) changed while its columns stayed the same",
            "Review the new query; if readers depend on the old rows, publish it as a new view next to the "
                    + "old one and move readers over.",
            "The columns readers name are the same, but the rows and values the view returns may differ, "
                    + "depending on the data: readers on either side see the other version's results.",
            "definition of view \"{location}\" changed",
            Effects.of(DATA_DEPENDENT, OK, DATA_DEPENDENT, OK));

    static final List<Rule> RULES = List.of(VIEW_ADDED, VIEW_DROPPED, VIEW_RENAMED, VIEW_COLUMN_REMOVED,
            VIEW_COLUMN_ADDED, VIEW_DEFINITION_CHANGED);

    private ViewRules() {
    }

    static List<Finding> addView(AddView change) {
        return List.of(VIEW_ADDED.finding(change));
    }

    static List<Finding> dropView(DropView change) {
        return List.of(VIEW_DROPPED.finding(change));
    }

    static List<Finding> renameView(RenameView change) {
        return List.of(VIEW_RENAMED.finding(change, "from", SchemaChange.qualified(change.schema(), change.from().name())));
    }

    static List<Finding> modifyView(ModifyView change) {
        View from = change.from();
        View to = change.to();
        List<String> removed = from.columns().stream().filter(c -> !to.columns().contains(c)).toList();
        List<String> added = to.columns().stream().filter(c -> !from.columns().contains(c)).toList();
        List<Finding> findings = new ArrayList<>();
        if (!removed.isEmpty()) {
            findings.add(VIEW_COLUMN_REMOVED.finding(change, "columns", quoted(removed)));
        }
        if (!added.isEmpty()) {
            findings.add(VIEW_COLUMN_ADDED.finding(change, "columns", quoted(added)));
        }
        boolean definitionChanged = !Objects.equals(from.definition(), to.definition())
                || from.materialized() != to.materialized();
        if (findings.isEmpty() && definitionChanged) {
            findings.add(VIEW_DEFINITION_CHANGED.finding(change));
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            findings.add(ObjectRules.COMMENT_CHANGED.finding(change));
        }
        return ObjectRules.orNoDifference(findings, change);
    }

    static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
