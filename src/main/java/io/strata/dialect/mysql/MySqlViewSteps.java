package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.model.View;
import io.strata.model.change.SchemaChange;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.strata.dialect.mysql.MySqlPlanContext.METADATA;

/**
 * MySqlViewSteps writes the view steps around the table steps. MySQL stores a view with its column
 * list resolved, so a view reading a changed table is dropped at the start of each phase that
 * changes the table and recreated at its end: with its old definition while a later phase still
 * has to change the table, with its new one in the last.
 */
final class MySqlViewSteps {

    private final MySqlPlanContext ctx;

    MySqlViewSteps(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    /** A view drop, held back until every drop is known: they are added in reverse. */
    private record Drop(SchemaChange source, PhaseKind phase, View view) {
    }

    /** Plans the view steps for {@code changes} (view changes only), around the table steps already planned. */
    void plan(List<SchemaChange> changes) {
        Map<PhaseKind, Set<String>> touched = ctx.order().tablesByPhase();
        Map<String, View> previous = new HashMap<>();
        Map<String, SchemaChange> changeOf = new HashMap<>();
        List<Drop> drops = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.RenameView r) {
                previous.put(r.to().name(), r.from());
                changeOf.put(r.to().name(), r);
            } else if (change instanceof SchemaChange.ModifyView m) {
                previous.putIfAbsent(m.to().name(), m.from());
                changeOf.putIfAbsent(m.to().name(), m);
            } else if (change instanceof SchemaChange.AddView a) {
                changeOf.put(a.view().name(), a);
            } else if (change instanceof SchemaChange.DropView d) {
                drops.add(new Drop(d, PhaseKind.CONTRACT, d.view()));
            }
        }
        for (View target : MySqlObjectOrder.views(ctx.to().views())) {
            View before = previous.containsKey(target.name()) ? previous.get(target.name())
                    : changeOf.get(target.name()) instanceof SchemaChange.AddView ? null : ctx.from().view(target.name()).orElse(null);
            SchemaChange source = changeOf.get(target.name());
            TreeSet<PhaseKind> phases = new TreeSet<>();
            for (Map.Entry<PhaseKind, Set<String>> e : touched.entrySet()) {
                if (e.getValue().stream().anyMatch(t -> MySqlObjectOrder.mentions(target.definition(), t)
                        || before != null && MySqlObjectOrder.mentions(before.definition(), t))) {
                    phases.add(e.getKey());
                }
            }
            if (before == null) {
                PhaseKind phase = phases.isEmpty() ? PhaseKind.EXPAND : phases.last();
                create(source, phase, target);
                continue;
            }
            if (source instanceof SchemaChange.RenameView) {
                // A renamed view breaks its old readers, like a renamed table.
                phases.add(PhaseKind.CONTRACT);
            } else if (source != null && phases.isEmpty()) {
                phases.add(PhaseKind.EXPAND);
            }
            View current = before;
            for (PhaseKind phase : phases) {
                View next = phase == phases.last() ? target : before;
                // A view rebuilt only because its tables change is a supporting step, without a change of its own.
                SchemaChange why = source;
                drops.add(new Drop(why, phase, current));
                create(why, phase, next);
                current = next;
            }
        }
        // Dependents go first, so that the reverses, run backwards, recreate a view before the views reading it.
        java.util.Collections.reverse(drops);
        drops.forEach(d -> drop(d.source(), d.phase(), d.view()));
    }

    private void drop(SchemaChange source, PhaseKind phase, View view) {
        ctx.order().add(phase, Slot.DROP_VIEW, source, "drop view " + view.name(),
                ctx.clauses().dropView(view.name()), Reverse.Sql.of(ctx.clauses().createView(view)), METADATA);
    }

    private void create(SchemaChange source, PhaseKind phase, View view) {
        ctx.order().add(phase, Slot.CREATE_VIEW, source, "create view " + view.name(),
                ctx.clauses().createView(view), Reverse.Sql.of(ctx.clauses().dropView(view.name())), METADATA);
    }
}
