package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresDefinedObjectReader.Grant;
import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.model.Catalog;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddObject;
import io.strata.model.change.SchemaChange.DropObject;
import io.strata.model.change.SchemaChange.ModifyObject;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.SHARE_ROW_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/**
 * PostgresDefinedObjectSteps writes the steps for functions, procedures, triggers, policies, row-level security and
 * grants. What is added comes in EXPAND, what is dropped in CONTRACT (old clients call the routine, use the
 * privilege, rely on the trigger), and a changed object is replaced in EXPAND: every step is undone by the
 * definition it replaced or by the drop of what it created.
 */
final class PostgresDefinedObjectSteps {

    /** Within a slot: policies exist before row-level security turns them on, and it is turned off before they go. */
    private static final int BEFORE = 0;
    private static final int AFTER = 1;

    private final PostgresPlanContext ctx;
    /** Tables this plan creates and columns it adds: a routine whose body reads one is created after them. */
    private final Set<String> newNames;

    PostgresDefinedObjectSteps(PostgresPlanContext ctx, Set<String> newNames) {
        this.ctx = ctx;
        this.newNames = newNames;
    }

    void add(AddObject c) {
        DefinedObject o = c.object();
        String schema = c.schema();
        switch (o.kind()) {
            case FUNCTION, PROCEDURE -> ctx.order().add(PhaseKind.EXPAND, routineSlot(o), List.of(
                    step("create " + describe(schema, o), o.definition(), undo(dropRoutine(schema, o)),
                            LockImpact.NONE, c)));
            case TRIGGER -> attach(c, BEFORE, step("create " + describe(schema, o), o.definition(),
                    undo(dropTrigger(schema, o)), SHARE_ROW_EXCLUSIVE, c));
            case POLICY -> attach(c, BEFORE, step("create " + describe(schema, o), o.definition(),
                    undo(dropPolicy(schema, o)), ACCESS_EXCLUSIVE, c));
            case ROW_SECURITY -> attach(c, AFTER, step("enable " + describe(schema, o), o.definition(),
                    undo(disableRowSecurity(schema, o)), ACCESS_EXCLUSIVE, c));
            case GRANT -> attach(c, BEFORE, step("grant " + describe(schema, o), o.definition(),
                    undo(Grant.parse(o.definition()).revoke()), LockImpact.NONE, c));
            case EVENT -> throw notPostgres(c);
        }
    }

    void drop(DropObject c) {
        DefinedObject o = c.object();
        String schema = c.schema();
        switch (o.kind()) {
            case FUNCTION, PROCEDURE -> {
                // One that reads a view goes before the views may go, so that its reverse finds them back.
                Slot slot = readsView(ctx.from(), o) ? Slot.ROUTINE_DROP_BEFORE_VIEWS : Slot.ROUTINE_DROP;
                ctx.order().add(PhaseKind.CONTRACT, slot, List.of(step("drop " + describe(schema, o),
                        dropRoutine(schema, o), undo(o.definition()), LockImpact.NONE, c)));
                ctx.order().deployNote("no longer calls " + o.kind().noun() + " " + schema + "." + o.name());
            }
            case TRIGGER -> {
                detach(AFTER, step("drop " + describe(schema, o), dropTrigger(schema, o), undo(o.definition()),
                        ACCESS_EXCLUSIVE, c));
                ctx.order().deployNote("no longer relies on trigger " + o.name() + " on " + schema + "." + o.table());
            }
            case POLICY -> detach(AFTER, step("drop " + describe(schema, o), dropPolicy(schema, o),
                    undo(o.definition()), ACCESS_EXCLUSIVE, c));
            case ROW_SECURITY -> detach(BEFORE, step("disable " + describe(schema, o),
                    disableRowSecurity(schema, o), undo(o.definition()), ACCESS_EXCLUSIVE, c));
            case GRANT -> {
                detach(AFTER, step("revoke " + describe(schema, o), Grant.parse(o.definition()).revoke(),
                        undo(o.definition()), LockImpact.NONE, c));
                ctx.order().deployNote("no longer needs privilege " + describe(schema, o));
            }
            case EVENT -> throw notPostgres(c);
        }
    }

    void modify(ModifyObject c) {
        DefinedObject a = c.from();
        DefinedObject b = c.to();
        String schema = c.schema();
        switch (b.kind()) {
            case FUNCTION, PROCEDURE -> modifyRoutine(c, schema, a, b);
            case TRIGGER -> attach(c, BEFORE,
                    step("drop " + describe(schema, a), dropTrigger(schema, a), undo(a.definition()), ACCESS_EXCLUSIVE, c),
                    step("create " + describe(schema, b), b.definition(), undo(dropTrigger(schema, b)),
                            SHARE_ROW_EXCLUSIVE, c));
            // ALTER POLICY cannot change a policy's command or whether it is permissive: replace it, in one transaction.
            case POLICY -> attach(c, BEFORE,
                    step("drop " + describe(schema, a), dropPolicy(schema, a), undo(a.definition()), ACCESS_EXCLUSIVE, c),
                    step("create " + describe(schema, b), b.definition(), undo(dropPolicy(schema, b)), ACCESS_EXCLUSIVE, c));
            case ROW_SECURITY -> attach(c, AFTER, step((forced(b) ? "force " : "stop forcing ") + describe(schema, b),
                    forceRowSecurity(schema, b, forced(b)), undo(forceRowSecurity(schema, b, forced(a))), ACCESS_EXCLUSIVE, c));
            case GRANT -> modifyGrant(c, schema, a, b);
            case EVENT -> throw notPostgres(c);
        }
    }

    /**
     * CREATE OR REPLACE keeps a routine's callers, grants and dependent triggers, but cannot change its parameters'
     * names or defaults or its result type: when the lines before the body's attributes differ, the routine is
     * dropped and created again (which the server refuses while a view or trigger uses it, naming them).
     */
    private void modifyRoutine(ModifyObject c, String schema, DefinedObject a, DefinedObject b) {
        Slot slot = routineSlot(b);
        if (header(a.definition()).equals(header(b.definition()))) {
            ctx.order().add(PhaseKind.EXPAND, slot, List.of(step("replace " + describe(schema, b), b.definition(),
                    undo(a.definition()), LockImpact.NONE, c)));
            return;
        }
        // A dropped routine takes its privileges along: they are granted again, and come back with the old one.
        List<String> recreate = new ArrayList<>(List.of(a.definition()));
        recreate.addAll(grantsOn(ctx.from(), schema, a));
        List<Step> steps = new ArrayList<>(List.of(
                step("drop " + describe(schema, a), dropRoutine(schema, a), new Reverse.Sql(recreate), LockImpact.NONE, c),
                step("create " + describe(schema, b), b.definition(), undo(dropRoutine(schema, b)), LockImpact.NONE, c)));
        for (String grant : grantsOn(ctx.to(), schema, b)) {
            steps.add(step("grant again on " + describe(schema, b), grant, undo(), LockImpact.NONE, c));
        }
        ctx.order().add(PhaseKind.EXPAND, slot, steps);
    }

    /** The GRANT statements on {@code routine} in {@code version}. */
    private static List<String> grantsOn(Catalog version, String schema, DefinedObject routine) {
        String on = " on " + routine.name() + " to ";
        return PostgresPlanContext.schema(version, schema).objects().stream()
                .filter(o -> o.kind() == ObjectKind.GRANT && o.table() == null && o.name().contains(on))
                .map(DefinedObject::definition).toList();
    }

    /** Granting the right to grant on widens access (EXPAND); taking it back narrows it (CONTRACT, as a revoke). */
    private void modifyGrant(ModifyObject c, String schema, DefinedObject a, DefinedObject b) {
        Grant before = Grant.parse(a.definition());
        Grant after = Grant.parse(b.definition());
        boolean optionOnly = new Grant(before.privilege(), before.target(), before.grantee(), after.grantable()).equals(after);
        if (!optionOnly) {
            attach(c, BEFORE,
                    step("revoke " + describe(schema, a), before.revoke(), undo(before.grant()), LockImpact.NONE, c),
                    step("grant " + describe(schema, b), after.grant(), undo(after.revoke()), LockImpact.NONE, c));
        } else if (after.grantable()) {
            attach(c, BEFORE, step("grant " + describe(schema, b) + " with grant option", after.grant(),
                    undo(after.revokeGrantOption()), LockImpact.NONE, c));
        } else {
            detach(AFTER, step("revoke the grant option of " + describe(schema, b), after.revokeGrantOption(),
                    undo(before.grant()), LockImpact.NONE, c));
            ctx.order().deployNote("no longer passes on privilege " + describe(schema, b));
        }
    }

    /**
     * Steps that attach an object to its table (or view, routine, schema), once those exist: in EXPAND, or in CONTRACT
     * when the table waits there for its rename.
     */
    private void attach(SchemaChange.OfDefinedObject c, int rank, Step... steps) {
        String table = c.tableLocation();
        PhaseKind phase = table != null && ctx.renamed().contains(table) ? PhaseKind.CONTRACT : PhaseKind.EXPAND;
        ctx.order().add(phase, Slot.ATTACH, rank, List.of(steps));
    }

    /** Steps that detach an object in CONTRACT, before its table, columns or routines may go. */
    private void detach(int rank, Step step) {
        ctx.order().add(PhaseKind.CONTRACT, Slot.ATTACHED_DROP, rank, List.of(step));
    }

    /**
     * Early, for the defaults and checks that call it; but the server checks a SQL routine's body against the tables
     * and views it reads, so one that reads a new table or column comes after them, one that reads a view after the
     * views (which a plan may drop and recreate).
     */
    private Slot routineSlot(DefinedObject routine) {
        if (readsView(ctx.to(), routine)) {
            return Slot.ROUTINE_AFTER_VIEWS;
        }
        return PostgresObjectOrder.mentionsAny(routine.definition(), newNames) ? Slot.ROUTINE_CREATE_LATE
                : Slot.ROUTINE_CREATE;
    }

    private static boolean readsView(Catalog version, DefinedObject routine) {
        return version.schemas().stream().anyMatch(s -> s.views().stream()
                .anyMatch(v -> PostgresObjectOrder.mentions(routine.definition(), v.name())));
    }

    /** The lines of {@code pg_get_functiondef} before the attributes: signature with defaults, and result. */
    private static String header(String definition) {
        int attributes = definition.indexOf("\n LANGUAGE ");
        return attributes < 0 ? definition : definition.substring(0, attributes);
    }

    /** {@code DROP FUNCTION "s"."f"(integer, text)}: a routine's name is its name and argument types. */
    private String dropRoutine(String schema, DefinedObject routine) {
        String signature = routine.name();
        int open = signature.indexOf('(');
        return "DROP " + routine.kind().name() + " " + ctx.qualified(schema, signature.substring(0, open))
                + signature.substring(open);
    }

    private String dropTrigger(String schema, DefinedObject trigger) {
        return "DROP TRIGGER " + ctx.ident(trigger.name()) + " ON " + ctx.qualified(schema, trigger.table());
    }

    private String dropPolicy(String schema, DefinedObject policy) {
        return "DROP POLICY " + ctx.ident(policy.name()) + " ON " + ctx.qualified(schema, policy.table());
    }

    private String disableRowSecurity(String schema, DefinedObject o) {
        return ctx.clauses().alterTable(schema, o.table(), PostgresDefinedObjectReader.rowSecurity(false, false));
    }

    private String forceRowSecurity(String schema, DefinedObject o, boolean forced) {
        return ctx.clauses().alterTable(schema, o.table(), (forced ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY");
    }

    private static boolean forced(DefinedObject rowSecurity) {
        return PostgresDefinedObjectReader.forced(rowSecurity.definition());
    }

    /** How a step's description names the object: {@code function public.total(integer)}, {@code trigger audit on public.orders}. */
    private static String describe(String schema, DefinedObject o) {
        String noun = o.kind().noun();
        return switch (o.kind()) {
            case TRIGGER, POLICY -> noun + " " + o.name() + " on " + schema + "." + o.table();
            case ROW_SECURITY -> noun + " on " + schema + "." + o.table();
            case GRANT -> o.table() != null ? o.name() + " on " + schema + "." + o.table()
                    : o.name().contains(" on ") ? o.name() + " in schema " + schema : o.name() + " on schema " + schema;
            default -> noun + " " + schema + "." + o.name();
        };
    }

    private static RuntimeException notPostgres(SchemaChange.OfDefinedObject c) {
        return io.strata.error.StrataException.badInput("event \"" + c.location()
                + "\": PostgreSQL has no scheduled events; it is a MySQL object");
    }
}
