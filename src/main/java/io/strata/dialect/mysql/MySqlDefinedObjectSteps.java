package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.error.StrataException;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;
import io.strata.model.change.SchemaChange;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.strata.dialect.mysql.MySqlPlanContext.METADATA;

/**
 * MySqlDefinedObjectSteps writes the steps for functions, procedures, triggers and events: a CREATE with the
 * definition the inspector read, a {@code DROP ... IF EXISTS}, each the other's reverse. A changed one is dropped and
 * created again (MySQL has no CREATE OR REPLACE for them; MariaDB's would not run on MySQL), the two steps one after
 * the other, so the object is missing only between them.
 *
 * <p>Phases follow the clients: a routine is created or changed in EXPAND, before the applications that call it, and
 * dropped in CONTRACT, after the ones that called it are gone; a dropped trigger or event goes in CONTRACT too, since
 * old writers may rely on what it does. A trigger or event is created in the last phase that changes its table or a
 * table its body names, so that it is created on the columns it uses; the server checks a trigger's columns then.
 */
final class MySqlDefinedObjectSteps {

    private final MySqlPlanContext ctx;

    MySqlDefinedObjectSteps(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    /** Plans {@code changes} (object changes only), once every table step is planned. */
    void plan(List<SchemaChange.OfDefinedObject> changes) {
        Map<PhaseKind, Set<String>> touched = ctx.order().tablesByPhase();
        for (SchemaChange.OfDefinedObject change : changes) {
            if (!planned(change.object().kind())) {
                throw notMySql(change.object());
            }
            if (change instanceof SchemaChange.AddObject a) {
                create(a, createPhase(a.object(), touched), a.object());
            } else if (change instanceof SchemaChange.DropObject d) {
                drop(d, PhaseKind.CONTRACT, dropSlot(d.object()), d.object());
            } else if (change instanceof SchemaChange.ModifyObject m) {
                // Dropped right before it is created again, so that it is missing for as short a time as can be.
                PhaseKind phase = createPhase(m.to(), touched);
                drop(m, phase, createSlot(m.to()), m.from());
                create(m, phase, m.to());
            }
        }
    }

    private static boolean planned(ObjectKind kind) {
        return kind != ObjectKind.POLICY && kind != ObjectKind.ROW_SECURITY && kind != ObjectKind.GRANT;
    }

    private PhaseKind createPhase(DefinedObject object, Map<PhaseKind, Set<String>> touched) {
        if (object.kind() != ObjectKind.TRIGGER && object.kind() != ObjectKind.EVENT) {
            return PhaseKind.EXPAND;
        }
        return touched.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(t -> t.equals(object.table()) || names(object.definition(), t)))
                .map(Map.Entry::getKey).max(Comparator.naturalOrder()).orElse(PhaseKind.EXPAND);
    }

    /** Policies are PostgreSQL's; MySQL's grants belong to accounts, which a plan for one database does not change. */
    private static StrataException notMySql(DefinedObject object) {
        String why = object.kind() == ObjectKind.GRANT
                ? "MySQL keeps privileges per account, not in the database: grant them to the accounts with GRANT"
                : "row-level security policies are PostgreSQL objects";
        return StrataException.badInput("cannot plan " + object.kind().noun() + " \"" + object.objectName()
                + "\" for MySQL: " + why);
    }

    private void create(SchemaChange source, PhaseKind phase, DefinedObject object) {
        ctx.order().add(phase, createSlot(object), source, "create " + described(object), object.definition(),
                Reverse.Sql.of(dropStatement(object)), METADATA);
    }

    private void drop(SchemaChange source, PhaseKind phase, Slot slot, DefinedObject object) {
        ctx.order().add(phase, slot, source, "drop " + described(object), dropStatement(object),
                Reverse.Sql.of(object.definition()), METADATA);
    }

    /** {@code DROP FUNCTION|PROCEDURE|TRIGGER|EVENT IF EXISTS `name`}: a run resumed after it landed finds nothing to do. */
    private String dropStatement(DefinedObject object) {
        return "DROP " + object.kind().name() + " IF EXISTS " + ctx.q().ident(object.name());
    }

    private static String described(DefinedObject object) {
        return object.kind().noun() + " " + object.name() + (object.table() == null ? "" : " on " + object.table());
    }

    private static Slot createSlot(DefinedObject object) {
        return switch (object.kind()) {
            case TRIGGER -> Slot.CREATE_TRIGGER;
            case EVENT -> Slot.CREATE_EVENT;
            default -> Slot.CREATE_ROUTINE;
        };
    }

    private static Slot dropSlot(DefinedObject object) {
        return switch (object.kind()) {
            case TRIGGER -> Slot.DROP_TRIGGER;
            case EVENT -> Slot.DROP_EVENT;
            default -> Slot.DROP_ROUTINE;
        };
    }

    /** Whether {@code sql} names {@code table}, quoted or not: a body may write names either way. */
    private static boolean names(String sql, String table) {
        return Pattern.compile("(?<![\\w$])`?" + Pattern.quote(table) + "`?(?![\\w$])", Pattern.CASE_INSENSITIVE)
                .matcher(sql).find();
    }
}
