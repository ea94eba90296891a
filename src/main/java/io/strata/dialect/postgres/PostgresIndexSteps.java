package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.model.Index;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.DropIndex;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.plan.LockImpact;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.SHARE_UPDATE_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.VALIDATE;
import static io.strata.dialect.postgres.PostgresPlanContext.outsideTransaction;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/**
 * PostgresIndexSteps writes the steps for indexes of existing tables: built and dropped {@code CONCURRENTLY},
 * outside a transaction, so writers are never blocked for the length of the build. Partitioned tables
 * have no concurrent build, so theirs take the plain statements.
 */
final class PostgresIndexSteps {

    private static final LockImpact SHARE_SCAN = new LockImpact("SHARE", false, true);

    private final PostgresPlanContext ctx;
    private final PostgresObjectSteps objects;

    PostgresIndexSteps(PostgresPlanContext ctx, PostgresObjectSteps objects) {
        this.ctx = ctx;
        this.objects = objects;
    }

    void addIndex(AddIndex c) {
        ctx.order().add(ctx.expand(c), Slot.INDEX_ADD, create(c, c.schema(), c.table(), c.index()));
        if (c.index().comment() != null) {
            ctx.order().add(ctx.expand(c), Slot.COMMENT, List.of(comment(c, c.schema(), null, c.index())));
        }
    }

    /** An index holds no data of its own: dropping one is undone by building it again. */
    void dropIndex(DropIndex c) {
        ctx.order().add(ctx.expand(c), Slot.INDEX_DROP, List.of(drop(c, c.schema(), c.table(), c.index())));
    }

    void modifyIndex(ModifyIndex c) {
        Index a = c.from();
        Index b = c.to();
        Index withNewComment = new Index(a.name(), a.parts(), a.unique(), a.method(), a.predicate(), a.include(), b.comment());
        if (!withNewComment.equals(b)) {
            ctx.order().add(ctx.expand(c), Slot.INDEX_DROP, List.of(drop(c, c.schema(), c.table(), a)));
            ctx.order().add(ctx.expand(c), Slot.INDEX_ADD, create(c, c.schema(), c.table(), b));
            if (b.comment() != null) {
                ctx.order().add(ctx.expand(c), Slot.COMMENT, List.of(comment(c, c.schema(), null, b)));
            }
        } else {
            ctx.order().add(ctx.expand(c), Slot.COMMENT, List.of(comment(c, c.schema(), a.comment(), b)));
        }
    }

    private Step comment(SchemaChange c, String schema, String before, Index ix) {
        return objects.comment(c, "INDEX " + ctx.qualified(schema, ix.name()), before, ix.comment());
    }

    private boolean concurrent(String schema, String table) {
        return !ctx.isNew(schema, table) && !ctx.partitioned(schema, table);
    }

    private List<Step> create(SchemaChange c, String schema, String table, Index ix) {
        boolean concurrently = concurrent(schema, table);
        String sql = ctx.renderer().createIndex(schema, table, ix, concurrently);
        String what = "create index " + ctx.ident(ix.name()) + " on " + ctx.qualified(schema, table);
        List<Step> out = new ArrayList<>();
        if (concurrently) {
            // A failed concurrent build leaves an INVALID index behind; the reverse removes it either way.
            out.add(outsideTransaction(what + " concurrently", sql,
                    undo(dropSql(schema, ix, true)), VALIDATE, c));
        } else {
            out.add(step(what, sql, undo(dropSql(schema, ix, false)), SHARE_SCAN, c));
        }
        return out;
    }

    private Step drop(SchemaChange c, String schema, String table, Index ix) {
        boolean concurrently = concurrent(schema, table);
        String create = ctx.renderer().createIndex(schema, table, ix, concurrently);
        List<String> reverse = new ArrayList<>(List.of(create));
        if (ix.comment() != null) {
            reverse.add(ctx.renderer().commentOn("INDEX " + ctx.qualified(schema, ix.name()), ix.comment()));
        }
        String what = "drop index " + ctx.qualified(schema, ix.name());
        return concurrently
                ? outsideTransaction(what + " concurrently", dropSql(schema, ix, true), new io.strata.plan.Reverse.Sql(reverse),
                        SHARE_UPDATE_EXCLUSIVE, c)
                : step(what, dropSql(schema, ix, false), new io.strata.plan.Reverse.Sql(reverse), ACCESS_EXCLUSIVE, c);
    }

    private String dropSql(String schema, Index ix, boolean concurrently) {
        return "DROP INDEX " + (concurrently ? "CONCURRENTLY IF EXISTS " : "") + ctx.qualified(schema, Objects.requireNonNull(ix.name()));
    }
}
