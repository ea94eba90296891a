package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresObjectOrder.Qualified;
import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.model.Catalog;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;
import io.strata.model.Index;
import io.strata.model.Schema;
import io.strata.model.View;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddView;
import io.strata.model.change.SchemaChange.DropView;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.SchemaChange.RenameView;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/**
 * PostgresViewSteps drops and recreates views around the changes of the tables they read. PostgreSQL
 * refuses to drop or retype a column a view reads, so a view whose definition mentions a changed table
 * (or a view that is itself dropped and recreated) is dropped at the start of each phase that changes
 * what it reads and created again at its end: with its old definition while later phases still depend
 * on the old shape, with its new one in the last phase that touches it.
 */
final class PostgresViewSteps {

    /** One view across the plan: as it was ({@code before}) and as it ends up ({@code after}); either may be null. */
    private static final class Tracked {
        String schema;
        View before;
        View after;
        final Set<PhaseKind> phases = EnumSet.noneOf(PhaseKind.class);
        SchemaChange source;
    }

    private final PostgresPlanContext ctx;
    private final PostgresObjectSteps objects;

    PostgresViewSteps(PostgresPlanContext ctx, PostgresObjectSteps objects) {
        this.ctx = ctx;
        this.objects = objects;
    }

    /**
     * Plans every view change of {@code changes} and the drops and recreations that {@code tableTouches}
     * (table name to the phases that change its columns) make necessary.
     */
    void plan(List<SchemaChange> changes, Map<String, Set<PhaseKind>> tableTouches) {
        Map<String, Tracked> views = track(changes);
        for (Tracked v : views.values()) {
            for (Map.Entry<String, Set<PhaseKind>> e : tableTouches.entrySet()) {
                // A view that takes the name of a table dropped or renamed away waits for that table to go.
                if (mentions(v, e.getKey()) || e.getKey().equals(name(v.after)) || e.getKey().equals(name(v.before))) {
                    v.phases.addAll(e.getValue());
                }
            }
        }
        // A view that reads a view being dropped must go too, in the same phases: repeat until nothing grows.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Tracked v : views.values()) {
                for (Tracked other : views.values()) {
                    if (other != v && !other.phases.isEmpty() && (mentions(v, name(other.before)) || mentions(v, name(other.after)))
                            && v.phases.addAll(other.phases)) {
                        grew = true;
                    }
                }
            }
        }
        Map<String, Integer> dropRank = new LinkedHashMap<>();
        List<Qualified<View>> fromOrder = PostgresObjectOrder.views(ctx.from());
        for (int i = 0; i < fromOrder.size(); i++) {
            dropRank.put(fromOrder.get(i).schema() + "\u0000" + fromOrder.get(i).object().name(), -i);
        }
        Map<PhaseKind, List<Qualified<View>>> creations = new EnumMap<>(PhaseKind.class);
        Map<PhaseKind, Map<String, Tracked>> creators = new EnumMap<>(PhaseKind.class);
        for (Tracked v : views.values()) {
            if (v.phases.isEmpty()) {
                continue;
            }
            PhaseKind last = v.phases.stream().max(Enum::compareTo).orElseThrow();
            for (PhaseKind p : v.phases) {
                if (v.before != null) {
                    ctx.order().add(p, Slot.VIEW_DROP, dropRank.getOrDefault(v.schema + "\u0000" + v.before.name(), 0),
                            List.of(drop(p, v.source, v.schema, v.before)));
                }
                View created = p == last ? v.after : v.before;
                if (created != null) {
                    creations.computeIfAbsent(p, k -> new ArrayList<>()).add(new Qualified<>(v.schema, created));
                    creators.computeIfAbsent(p, k -> new LinkedHashMap<>()).put(v.schema + "\u0000" + created.name(), v);
                }
            }
        }
        creations.forEach((phase, list) -> {
            List<Qualified<View>> ordered = PostgresObjectOrder.views(catalogOf(list));
            for (int i = 0; i < ordered.size(); i++) {
                Qualified<View> q = ordered.get(i);
                Tracked v = creators.get(phase).get(q.schema() + "\u0000" + q.object().name());
                ctx.order().add(phase, Slot.VIEW_CREATE, i, create(phase, v.source, q.schema(), q.object()));
            }
        });
    }

    private Map<String, Tracked> track(List<SchemaChange> changes) {
        Map<String, Tracked> views = new LinkedHashMap<>();
        Map<String, String> renamedTo = new LinkedHashMap<>();
        for (SchemaChange c : changes) {
            if (c instanceof RenameView r) {
                renamedTo.put(r.schema() + "\u0000" + r.from().name(), r.to().name());
            }
        }
        for (Schema s : ctx.from().schemas()) {
            for (View v : s.views()) {
                String key = s.name() + "\u0000" + renamedTo.getOrDefault(s.name() + "\u0000" + v.name(), v.name());
                tracked(views, key, s.name()).before = v;
            }
        }
        for (Schema s : ctx.to().schemas()) {
            for (View v : s.views()) {
                tracked(views, s.name() + "\u0000" + v.name(), s.name()).after = v;
            }
        }
        for (SchemaChange c : changes) {
            if (c instanceof AddView a) {
                own(views, a.schema(), a.view().name(), PhaseKind.EXPAND, c);
            } else if (c instanceof DropView d) {
                own(views, d.schema(), d.view().name(), PhaseKind.CONTRACT, c);
                ctx.order().deployNote("no longer reads view " + d.location());
            } else if (c instanceof RenameView r) {
                own(views, r.schema(), r.to().name(), PhaseKind.CONTRACT, c);
                ctx.order().deployNote("reads view " + r.location() + " instead of " + r.from().name());
            } else if (c instanceof ModifyView m) {
                modify(views, m);
            }
        }
        return views;
    }

    private static Tracked tracked(Map<String, Tracked> views, String key, String schema) {
        Tracked t = views.computeIfAbsent(key, k -> new Tracked());
        t.schema = schema;
        return t;
    }

    private void own(Map<String, Tracked> views, String schema, String name, PhaseKind phase, SchemaChange c) {
        Tracked t = views.get(schema + "\u0000" + name);
        if (t != null) {
            t.phases.add(phase);
            t.source = c;
        }
    }

    /** A changed comment alone is a COMMENT step; any other change recreates the view. */
    private void modify(Map<String, Tracked> views, ModifyView m) {
        View a = m.from();
        View b = m.to();
        if (Objects.equals(a.definition(), b.definition()) && a.materialized() == b.materialized()
                && a.columns().equals(b.columns()) && a.indexes().equals(b.indexes())) {
            ctx.order().add(PhaseKind.EXPAND, Slot.COMMENT, List.of(objects.comment(m,
                    PostgresRenderer.viewKind(b) + ctx.qualified(m.schema(), b.name()), a.comment(), b.comment())));
            return;
        }
        own(views, m.schema(), b.name(), PhaseKind.EXPAND, m);
    }

    private static String name(View v) {
        return v == null ? null : v.name();
    }

    private static boolean mentions(Tracked v, String name) {
        return name != null && ((v.before != null && PostgresObjectOrder.mentions(v.before.definition(), name))
                || (v.after != null && PostgresObjectOrder.mentions(v.after.definition(), name)));
    }

    private static Catalog catalogOf(List<Qualified<View>> views) {
        Map<String, List<View>> bySchema = new LinkedHashMap<>();
        views.forEach(q -> bySchema.computeIfAbsent(q.schema(), k -> new ArrayList<>()).add(q.object()));
        List<Schema> schemas = new ArrayList<>();
        bySchema.forEach((name, list) -> schemas.add(new Schema(name, List.of(), list, List.of(), List.of(), null, null,
                null, List.of())));
        return new Catalog(PostgresDialect.NAME, "", schemas, List.of());
    }

    /** The statements that create a view with its indexes, comments, triggers and grants. */
    private List<String> createStatements(PhaseKind phase, String schema, View v) {
        List<String> out = new ArrayList<>();
        out.add(ctx.renderer().createView(schema, v));
        for (Index ix : v.indexes()) {
            out.add(ctx.renderer().createIndex(schema, v.name(), ix));
        }
        if (v.comment() != null) {
            out.add(ctx.renderer().commentOn(PostgresRenderer.viewKind(v) + ctx.qualified(schema, v.name()), v.comment()));
        }
        for (Index ix : v.indexes()) {
            if (ix.comment() != null) {
                out.add(ctx.renderer().commentOn("INDEX " + ctx.qualified(schema, ix.name()), ix.comment()));
            }
        }
        out.addAll(attachedTo(phase, schema, v));
        return out;
    }

    /**
     * The triggers and grants a view dropped and created again in {@code phase} must get back, as they stand at that
     * point of the plan: in EXPAND those of the old version (added and changed ones get their own steps after the
     * views, in the same phase); in CONTRACT those of the new version (dropped ones were dropped before the views);
     * in between, the new version's and the ones still waiting to be dropped.
     */
    private List<String> attachedTo(PhaseKind phase, String schema, View v) {
        List<DefinedObject> before = attachedTo(ctx.from(), schema, v);
        if (phase == PhaseKind.EXPAND) {
            return before.stream().map(DefinedObject::definition).toList();
        }
        List<DefinedObject> after = attachedTo(ctx.to(), schema, v);
        List<String> out = new ArrayList<>(after.stream().map(DefinedObject::definition).toList());
        if (phase != PhaseKind.CONTRACT) {
            Set<String> kept = new java.util.HashSet<>(after.stream().map(DefinedObject::identity).toList());
            before.stream().filter(o -> !kept.contains(o.identity())).forEach(o -> out.add(o.definition()));
        }
        return out;
    }

    private static List<DefinedObject> attachedTo(Catalog version, String schema, View v) {
        return PostgresPlanContext.schema(version, schema).objects().stream()
                .filter(o -> (o.kind() == ObjectKind.TRIGGER || o.kind() == ObjectKind.GRANT) && v.name().equals(o.table()))
                .toList();
    }

    /** Statements that drop ({@code drop}) or create the views of {@code catalog} that read any of {@code tables}, directly or through other views. */
    List<String> around(Catalog catalog, Set<String> tables, boolean drop) {
        List<Qualified<View>> ordered = PostgresObjectOrder.views(catalog);
        Set<String> names = new java.util.HashSet<>(tables);
        List<Qualified<View>> readers = new ArrayList<>();
        for (Qualified<View> q : ordered) {
            if (names.stream().anyMatch(n -> PostgresObjectOrder.mentions(q.object().definition(), n))) {
                readers.add(q);
                names.add(q.object().name());
            }
        }
        List<String> out = new ArrayList<>();
        if (drop) {
            for (int i = readers.size() - 1; i >= 0; i--) {
                out.add(dropSql(readers.get(i).schema(), readers.get(i).object()));
            }
        } else {
            readers.forEach(q -> out.addAll(createStatements(PhaseKind.EXPAND, q.schema(), q.object())));
        }
        return out;
    }

    private String dropSql(String schema, View v) {
        return "DROP " + PostgresRenderer.viewKind(v) + ctx.qualified(schema, v.name());
    }

    /** A view holds no data of its own (a materialized view's rows are recomputed), so its drop is undone by creating it. */
    private Step drop(PhaseKind phase, SchemaChange source, String schema, View v) {
        return step("drop " + PostgresRenderer.viewKind(v).toLowerCase(java.util.Locale.ROOT) + ctx.qualified(schema, v.name()),
                dropSql(schema, v), new Reverse.Sql(createStatements(phase, schema, v)), ACCESS_EXCLUSIVE, source);
    }

    private List<Step> create(PhaseKind phase, SchemaChange source, String schema, View v) {
        List<String> statements = createStatements(phase, schema, v);
        List<Step> out = new ArrayList<>();
        LockImpact lock = v.materialized() ? new LockImpact("ACCESS EXCLUSIVE", false, true) : LockImpact.NONE;
        out.add(step("create " + PostgresRenderer.viewKind(v).toLowerCase(java.util.Locale.ROOT) + ctx.qualified(schema, v.name()),
                statements.get(0), undo(dropSql(schema, v)), lock, source));
        for (String sql : statements.subList(1, statements.size())) {
            String what = sql.startsWith("COMMENT") ? "comment on " : sql.startsWith("GRANT") ? "grant on "
                    : sql.startsWith("CREATE TRIGGER") ? "trigger on " : "index ";
            out.add(step(what + v.name(), sql,
                    undo(), LockImpact.NONE, source));
        }
        return out;
    }
}
