package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.DefinedObject;
import io.strata.model.change.SchemaChange.AddObject;
import io.strata.model.change.SchemaChange.DropObject;
import io.strata.model.change.SchemaChange.ModifyObject;
import io.strata.model.change.SchemaChange.OfDefinedObject;

import java.util.List;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * DefinedObjectRules classify functions, procedures, triggers, policies, grants and events. Clients call routines
 * by name and signature and need their privileges, so those follow the principle of tables: what exists only in the
 * new version is used by new clients, what exists only in the old one by old clients. Triggers, policies and events
 * are not named by clients; they change what a client's statement does to the rows, which depends on the data.
 */
final class DefinedObjectRules {

    static final Rule ROUTINE_ADDED = new Rule("ROUTINE_ADDED", "Function or procedure added",
            "a function or procedure (this name and argument types) exists only in the new version",
            "Expand first: create the routine before deploying the applications that call it.",
            "New clients call the routine, which the old schema lacks: the call fails there. Old clients do not "
                    + "know it.",
            "{kind} \"{location}\" was added",
            Effects.of(OK, OK, BREAKS, BREAKS));

    static final Rule ROUTINE_DROPPED = new Rule("ROUTINE_DROPPED", "Function or procedure dropped",
            "a function or procedure of the old version (this name and argument types) is absent from the new one; "
                    + "changing the argument types drops the old signature",
            "Contract last: deploy applications that no longer call the routine, wait until no old client runs, "
                    + "then drop it. To change arguments, create the new signature next to the old one first.",
            "Old clients call the routine by name and argument types; the call fails once it is gone.",
            "{kind} \"{location}\" was dropped",
            Effects.of(BREAKS, BREAKS, OK, OK));

    static final Rule ROUTINE_BODY_CHANGED = new Rule("ROUTINE_BODY_CHANGED", "Function or procedure changed",
            "a function or procedure keeps its signature but its body, result or attributes changed",
            "Review the new body; if old callers depend on the old result, publish it under a new name and move "
                    + "callers over before replacing the old one.",
            "Every caller, old or new, runs whichever body the database holds: the results each one gets depend "
                    + "on what the body does with the data.",
            "{kind} \"{location}\" has a new definition",
            Effects.of(DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT));

    static final Rule TRIGGER_CHANGED = new Rule("TRIGGER_CHANGED", "Trigger added, dropped or changed",
            "a trigger exists only in one version, or its timing, events or function changed",
            "Deploy writers that do not rely on the trigger's effect (or refusal) before the change; test the "
                    + "writes of old clients against the new trigger.",
            "Triggers run inside the writers' statements: an added one may change or refuse old writers' rows, a "
                    + "dropped one no longer does what old writers relied on (an audit row, a derived column). "
                    + "Readers are not affected directly.",
            "trigger \"{location}\" was {what}",
            Effects.of(OK, DATA_DEPENDENT, OK, DATA_DEPENDENT));

    static final Rule POLICY_CHANGED = new Rule("POLICY_CHANGED", "Row-level security changed",
            "a row-level security policy was added, dropped or changed, or row-level security was turned on or "
                    + "off for a table",
            "Check which roles the applications connect as and what each policy lets them see and write; roll "
                    + "out policies that narrow access only after every client can work within them.",
            "Policies decide which rows a role sees and may write: after the change a client's query may return "
                    + "fewer (or more) rows and its writes may be refused, depending on the rows and the role.",
            "{kind} \"{location}\" was {what}",
            Effects.of(DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT));

    static final Rule GRANT_ADDED = new Rule("GRANT_ADDED", "Privilege granted",
            "a privilege exists only in the new version",
            "Expand first: grant the privilege before deploying the applications that need it.",
            "New clients connecting as the grantee need the privilege; against the old schema they are refused.",
            "privilege \"{location}\" was {what}",
            Effects.of(OK, OK, BREAKS, BREAKS));

    static final Rule GRANT_REVOKED = new Rule("GRANT_REVOKED", "Privilege revoked or narrowed",
            "a privilege of the old version is absent from the new one, or its grant option changed",
            "Contract last: revoke only after no client connecting as the grantee uses the privilege.",
            "Old clients connecting as the grantee use the privilege; their statements are refused once it is revoked.",
            "privilege \"{location}\" was {what}",
            Effects.of(BREAKS, BREAKS, OK, OK));

    static final Rule EVENT_CHANGED = new Rule("EVENT_CHANGED", "Scheduled event added, dropped or changed",
            "a MySQL event (a statement the server runs on a schedule) exists only in one version, or changed",
            "Apply directly; check that the event's statements run on both versions of the tables they touch.",
            "Clients do not call events; the server runs them on its own schedule.",
            "event \"{location}\" was {what}",
            Effects.allOk());

    static final List<Rule> RULES = List.of(ROUTINE_ADDED, ROUTINE_DROPPED, ROUTINE_BODY_CHANGED, TRIGGER_CHANGED,
            POLICY_CHANGED, GRANT_ADDED, GRANT_REVOKED, EVENT_CHANGED);

    /** How a grant's messages say "added" and "dropped". */
    private static final java.util.Map<String, String> GRANT_VERBS = java.util.Map.of("added", "granted", "dropped", "revoked");

    private DefinedObjectRules() {
    }

    static List<Finding> addObject(AddObject change) {
        return List.of(finding(change, "added", ROUTINE_ADDED, GRANT_ADDED));
    }

    static List<Finding> dropObject(DropObject change) {
        return List.of(finding(change, "dropped", ROUTINE_DROPPED, GRANT_REVOKED));
    }

    static List<Finding> modifyObject(ModifyObject change) {
        if (change.from().definition().equals(change.to().definition())) {
            return List.of(ObjectRules.NO_DIFFERENCE.finding(change));
        }
        return List.of(finding(change, "changed", ROUTINE_BODY_CHANGED, GRANT_REVOKED));
    }

    /** The finding for the object's kind; {@code routineRule} and {@code grantRule} say which way routines and grants went. */
    private static Finding finding(OfDefinedObject change, String what, Rule routineRule, Rule grantRule) {
        DefinedObject object = change.object();
        String kind = object.kind().noun();
        return switch (object.kind()) {
            case FUNCTION, PROCEDURE -> routineRule.finding(change, "kind", kind);
            case TRIGGER -> TRIGGER_CHANGED.finding(change, "what", what);
            case POLICY, ROW_SECURITY -> POLICY_CHANGED.finding(change, "kind", kind, "what", what);
            case GRANT -> grantRule.finding(change, "what", GRANT_VERBS.getOrDefault(what, what));
            case EVENT -> EVENT_CHANGED.finding(change, "what", what);
        };
    }
}
