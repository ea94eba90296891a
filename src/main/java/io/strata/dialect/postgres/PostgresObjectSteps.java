package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.model.Collation;
import io.strata.model.Extension;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCollation;
import io.strata.model.change.SchemaChange.AddExtension;
import io.strata.model.change.SchemaChange.AddSequence;
import io.strata.model.change.SchemaChange.DropCollation;
import io.strata.model.change.SchemaChange.DropExtension;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.ModifyCollation;
import io.strata.model.change.SchemaChange.ModifySchema;
import io.strata.model.change.SchemaChange.ModifySequence;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.strata.dialect.postgres.PostgresPlanContext.SHARE_UPDATE_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/** PostgresObjectSteps writes the steps for objects outside tables: schemas, extensions, collations and sequences. */
final class PostgresObjectSteps {

    private final PostgresPlanContext ctx;

    PostgresObjectSteps(PostgresPlanContext ctx) {
        this.ctx = ctx;
    }

    void addSchema(SchemaChange source, Schema s) {
        String name = ctx.ident(s.name());
        ctx.order().add(PhaseKind.EXPAND, Slot.SCHEMA_CREATE, List.of(step("create schema " + name,
                "CREATE SCHEMA " + name, undo("DROP SCHEMA " + name), LockImpact.NONE, source)));
        if (s.comment() != null) {
            commentOnSchema(PhaseKind.EXPAND, source, s.name(), null, s.comment());
        }
    }

    /** Drops the schema itself; its contents are dropped by their own steps first, so nothing is lost here. */
    void dropSchema(SchemaChange source, Schema s) {
        String name = ctx.ident(s.name());
        ctx.order().add(PhaseKind.CONTRACT, Slot.SCHEMA_DROP, List.of(step("drop schema " + name,
                "DROP SCHEMA " + name, undo(schemaRecreate(s)), LockImpact.NONE, source)));
        ctx.order().deployNote("no longer uses schema " + s.name());
    }

    private String[] schemaRecreate(Schema s) {
        String name = ctx.ident(s.name());
        return s.comment() == null ? new String[] {"CREATE SCHEMA " + name}
                : new String[] {"CREATE SCHEMA " + name, ctx.renderer().commentOn("SCHEMA " + name, s.comment())};
    }

    void modifySchema(ModifySchema c) {
        if (!Objects.equals(c.from().comment(), c.to().comment())) {
            commentOnSchema(PhaseKind.EXPAND, c, c.to().name(), c.from().comment(), c.to().comment());
        }
    }

    private void commentOnSchema(PhaseKind phase, SchemaChange source, String schema, String before, String after) {
        String target = "SCHEMA " + ctx.ident(schema);
        ctx.order().add(phase, Slot.COMMENT, List.of(comment(source, target, before, after)));
    }

    /** A COMMENT ON step with its reverse, the previous comment. */
    Step comment(SchemaChange source, String target, String before, String after) {
        return step("comment on " + target, ctx.renderer().commentOn(target, after),
                undo(ctx.renderer().commentOn(target, before)), SHARE_UPDATE_EXCLUSIVE, source);
    }

    void addExtension(AddExtension c) {
        Extension e = c.extension();
        ctx.order().add(PhaseKind.EXPAND, Slot.EXTENSION_CREATE, List.of(step("create extension " + e.name(),
                ctx.renderer().createExtension(e), undo(dropExtension(e)), LockImpact.NONE, c)));
    }

    void dropExtension(DropExtension c) {
        Extension e = c.extension();
        ctx.order().add(PhaseKind.CONTRACT, Slot.EXTENSION_DROP, List.of(step("drop extension " + e.name(),
                dropExtension(e), undo(ctx.renderer().createExtension(e)), LockImpact.NONE, c)));
        ctx.order().deployNote("no longer uses extension " + e.name());
    }

    private String dropExtension(Extension e) {
        return "DROP EXTENSION " + ctx.ident(e.name());
    }

    void addCollation(AddCollation c) {
        ctx.order().add(PhaseKind.EXPAND, Slot.COLLATION_CREATE, createCollation(c, c.schema(), c.collation()));
    }

    private List<Step> createCollation(SchemaChange source, String schema, Collation co) {
        String name = ctx.qualified(schema, co.name());
        List<Step> out = new ArrayList<>();
        out.add(step("create collation " + name, ctx.renderer().createCollation(schema, co),
                undo("DROP COLLATION " + name), LockImpact.NONE, source));
        if (co.comment() != null) {
            out.add(comment(source, "COLLATION " + name, null, co.comment()));
        }
        return out;
    }

    /** A collation holds no data: dropping one is undone by creating it again. */
    void dropCollation(DropCollation c) {
        ctx.order().add(PhaseKind.CONTRACT, Slot.COLLATION_DROP, dropCollation(c, c.schema(), c.collation()));
        ctx.order().deployNote("no longer uses collation " + c.schema() + "." + c.collation().name());
    }

    private List<Step> dropCollation(SchemaChange source, String schema, Collation co) {
        String name = ctx.qualified(schema, co.name());
        List<String> recreate = new ArrayList<>(List.of(ctx.renderer().createCollation(schema, co)));
        if (co.comment() != null) {
            recreate.add(ctx.renderer().commentOn("COLLATION " + name, co.comment()));
        }
        return List.of(step("drop collation " + name, "DROP COLLATION " + name, new Reverse.Sql(recreate),
                LockImpact.NONE, source));
    }

    /** A collation cannot be altered, only replaced: this works when no column uses it, else the server says so. */
    void modifyCollation(ModifyCollation c) {
        Collation a = c.from();
        Collation b = c.to();
        Collation aNoComment = new Collation(a.name(), a.provider(), a.locale(), a.lcCollate(), a.lcCtype(),
                a.deterministic(), a.rules(), b.comment());
        if (aNoComment.equals(b)) {
            ctx.order().add(PhaseKind.EXPAND, Slot.COMMENT, List.of(comment(c,
                    "COLLATION " + ctx.qualified(c.schema(), b.name()), a.comment(), b.comment())));
            return;
        }
        ctx.order().add(PhaseKind.EXPAND, Slot.INDEX_DROP, dropCollation(c, c.schema(), a));
        ctx.order().add(PhaseKind.EXPAND, Slot.COLLATION_CREATE, createCollation(c, c.schema(), b));
    }

    void addSequence(AddSequence c) {
        Sequence q = c.sequence();
        String name = ctx.qualified(c.schema(), q.name());
        ctx.order().add(PhaseKind.EXPAND, Slot.SEQUENCE_CREATE, List.of(step("create sequence " + name,
                ctx.renderer().createSequence(c.schema(), q), undo("DROP SEQUENCE " + name), LockImpact.NONE, c)));
        if (q.ownedBy() != null) {
            ctx.order().add(PhaseKind.EXPAND, Slot.OWNERSHIP, List.of(ownership(c, c.schema(), q, null)));
        }
    }

    /**
     * Drops a sequence: its current value is state the model does not hold, so the drop cannot be undone
     * exactly. An owned sequence is released first, so that dropping its table does not take it along.
     */
    void dropSequence(DropSequence c) {
        Sequence q = c.sequence();
        String name = ctx.qualified(c.schema(), q.name());
        if (q.ownedBy() != null) {
            Sequence released = new Sequence(q.name(), q.dataType(), q.start(), q.increment(), q.min(), q.max(),
                    q.cache(), q.cycle(), null);
            ctx.order().add(PhaseKind.CONTRACT, Slot.FK_DROP, List.of(ownership(c, c.schema(), released, q.ownedBy())));
        }
        ctx.order().add(PhaseKind.CONTRACT, Slot.SEQUENCE_DROP, List.of(step("drop sequence " + name,
                "DROP SEQUENCE " + name, new Reverse.Irreversible("dropping sequence " + c.schema() + "." + q.name()
                        + " loses its current value"), LockImpact.NONE, c)));
        ctx.order().deployNote("no longer uses sequence " + c.schema() + "." + q.name());
    }

    void modifySequence(ModifySequence c) {
        Sequence a = c.from();
        Sequence b = c.to();
        Sequence aOwned = new Sequence(a.name(), a.dataType(), a.start(), a.increment(), a.min(), a.max(), a.cache(),
                a.cycle(), b.ownedBy());
        if (!aOwned.equals(b)) {
            String name = ctx.qualified(c.schema(), b.name());
            ctx.order().add(PhaseKind.EXPAND, Slot.SEQUENCE_CREATE, List.of(step("alter sequence " + name,
                    alterSequence(c.schema(), b), undo(alterSequence(c.schema(), a)), LockImpact.NONE, c)));
        }
        if (!Objects.equals(a.ownedBy(), b.ownedBy())) {
            ctx.order().add(PhaseKind.EXPAND, Slot.OWNERSHIP, List.of(ownership(c, c.schema(), b, a.ownedBy())));
        }
    }

    /** ALTER SEQUENCE with every setting of {@code q}: CREATE SEQUENCE's options, restated. */
    private String alterSequence(String schema, Sequence q) {
        String create = ctx.renderer().createSequence(schema, q);
        return "ALTER" + create.substring("CREATE".length());
    }

    private Step ownership(SchemaChange source, String schema, Sequence q, String previousOwner) {
        String name = ctx.qualified(schema, q.name());
        return step("set owner of sequence " + name, ownedBy(schema, q.name(), q.ownedBy()),
                undo(ownedBy(schema, q.name(), previousOwner)), LockImpact.NONE, source);
    }

    private String ownedBy(String schema, String sequence, String owner) {
        if (owner == null) {
            return "ALTER SEQUENCE " + ctx.qualified(schema, sequence) + " OWNED BY NONE";
        }
        return ctx.renderer().ownedBy(schema, new Sequence(sequence, null, 0, 0, 0, 0, 0, false, owner));
    }
}
