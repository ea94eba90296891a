package io.strata.dialect.postgres;

import io.strata.dialect.DdlRenderer;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Collation;
import io.strata.model.Column;
import io.strata.model.DefinedObject;
import io.strata.model.EnumType;
import io.strata.model.Extension;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.ObjectKind;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.dialect.postgres.PostgresObjectOrder.Qualified;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgresRenderer writes the statements that rebuild a {@link Catalog} on an empty PostgreSQL
 * database: schemas, extensions, collations, enum types, sequences, tables (parents first), indexes,
 * foreign keys, views (readers after what they read) with the indexes of materialized views, functions and
 * procedures (before the tables, or after the views when they read one), policies, row-level security, triggers,
 * grants, comments, and finally sequence ownership.
 * Expressions (defaults, checks, view bodies, partition bounds) are the server's own text, kept as is.
 */
public final class PostgresRenderer implements DdlRenderer {

    private static final String PUBLIC = "public";
    /** Objects created once their tables, views and routines exist; policies before row-level security enforces them. */
    private static final List<ObjectKind> ATTACHED = List.of(ObjectKind.POLICY, ObjectKind.ROW_SECURITY,
            ObjectKind.TRIGGER, ObjectKind.GRANT);
    /** Providers CREATE COLLATION accepts; {@code builtin} needs PostgreSQL 17. */
    private static final Set<String> COLLATION_PROVIDERS = Set.of("libc", "icu", "builtin");

    private final PostgresQuoter quoter;
    private final PostgresTableRenderer tables;
    private final PostgresClauses clauses;

    public PostgresRenderer(PostgresQuoter quoter) {
        this.quoter = Objects.requireNonNull(quoter, "quoter");
        this.tables = new PostgresTableRenderer(quoter);
        this.clauses = new PostgresClauses(quoter);
    }

    public PostgresRenderer() {
        this(new PostgresQuoter());
    }

    @Override
    public List<String> createStatements(Catalog catalog) {
        List<String> out = new ArrayList<>();
        for (Schema s : catalog.schemas()) {
            if (!s.name().equals(PUBLIC)) {
                out.add("CREATE SCHEMA " + quoter.ident(s.name()));
            }
        }
        for (Extension e : catalog.extensions()) {
            out.add(createExtension(e));
        }
        // Collations come before the tables whose columns use them.
        for (Schema s : catalog.schemas()) {
            for (Collation c : s.collations()) {
                out.add(createCollation(s.name(), c));
            }
        }
        for (Schema s : catalog.schemas()) {
            for (EnumType e : s.enums()) {
                out.add(createEnum(s.name(), e));
            }
            for (Sequence q : s.sequences()) {
                out.add(createSequence(s.name(), q));
            }
        }
        Set<String> relations = new HashSet<>();
        catalog.schemas().forEach(s -> {
            s.tables().forEach(t -> relations.add(t.name()));
            s.views().forEach(v -> relations.add(v.name()));
        });
        List<String> routinesAfterViews = new ArrayList<>();
        if (catalog.schemas().stream().anyMatch(s -> s.objects().stream().anyMatch(PostgresRenderer::routine))) {
            // As pg_dump does: a routine's body may call routines created after it.
            out.add("SET check_function_bodies = false");
        }
        for (Schema s : catalog.schemas()) {
            for (DefinedObject o : s.objects()) {
                if (routine(o)) {
                    // Before the tables whose defaults and checks call it, unless it reads (or returns) a table or view.
                    (PostgresObjectOrder.mentionsAny(o.definition(), relations) ? routinesAfterViews : out)
                            .add(o.definition());
                }
            }
        }
        List<Qualified<Table>> ordered = PostgresObjectOrder.tables(catalog, quoter);
        Map<String, Table> byQualifiedName = new HashMap<>();
        ordered.forEach(q -> byQualifiedName.put(quoter.qualified(q.schema(), q.object().name()), q.object()));
        for (Qualified<Table> q : ordered) {
            List<Table> parents = PostgresObjectOrder.parents(q.object()).stream()
                    .map(byQualifiedName::get).filter(Objects::nonNull).toList();
            out.add(tables.createTable(q.schema(), q.object(), parents));
            out.addAll(tables.inheritedColumnChanges(q.schema(), q.object(), parents));
        }
        for (Qualified<Table> q : ordered) {
            for (Index ix : q.object().indexes()) {
                out.add(createIndex(q.schema(), q.object().name(), ix));
            }
        }
        for (Qualified<Table> q : ordered) {
            for (ForeignKey fk : q.object().foreignKeys()) {
                out.add(clauses.addForeignKey(q.schema(), q.object().name(), fk));
            }
        }
        for (Qualified<View> q : PostgresObjectOrder.views(catalog)) {
            View v = q.object();
            out.add(createView(q.schema(), v));
            for (Index ix : v.indexes()) {
                out.add(createIndex(q.schema(), v.name(), ix));
            }
        }
        out.addAll(routinesAfterViews);
        for (ObjectKind kind : ATTACHED) {
            catalog.schemas().forEach(s -> s.objects().stream().filter(o -> o.kind() == kind)
                    .forEach(o -> out.add(o.definition())));
        }
        out.addAll(comments(catalog));
        for (Schema s : catalog.schemas()) {
            for (Sequence q : s.sequences()) {
                if (q.ownedBy() != null) {
                    out.add(ownedBy(s.name(), q));
                }
            }
        }
        return out;
    }

    String createEnum(String schema, EnumType e) {
        return "CREATE TYPE " + quoter.qualified(schema, e.name()) + " AS ENUM (" + literals(e.values()) + ")";
    }

    String literals(List<String> values) {
        return values.stream().map(quoter::literal).collect(Collectors.joining(", "));
    }

    String createView(String schema, View v) {
        return "CREATE " + viewKind(v) + quoter.qualified(schema, v.name()) + " AS\n" + v.definition();
    }

    /** {@code VIEW } or {@code MATERIALIZED VIEW }, the keyword DDL names a view with. */
    static String viewKind(View v) {
        return v.materialized() ? "MATERIALIZED VIEW " : "VIEW ";
    }

    String createExtension(Extension e) {
        StringBuilder sql = new StringBuilder("CREATE EXTENSION IF NOT EXISTS ").append(quoter.ident(e.name()));
        if (e.schema() != null) {
            sql.append(" SCHEMA ").append(quoter.ident(e.schema()));
        }
        if (e.version() != null && !e.version().isEmpty()) {
            sql.append(" VERSION ").append(quoter.literal(e.version()));
        }
        return sql.toString();
    }

    String createCollation(String schema, Collation c) {
        String provider = PostgresClauses.checkedSetting(c.provider(), COLLATION_PROVIDERS, "collation \"" + c.name() + "\"");
        List<String> settings = new ArrayList<>();
        settings.add("provider = " + provider);
        if (c.locale() != null) {
            settings.add("locale = " + quoter.literal(c.locale()));
        }
        if (c.lcCollate() != null) {
            settings.add("lc_collate = " + quoter.literal(c.lcCollate()));
        }
        if (c.lcCtype() != null) {
            settings.add("lc_ctype = " + quoter.literal(c.lcCtype()));
        }
        if (c.rules() != null) {
            settings.add("rules = " + quoter.literal(c.rules()));
        }
        if (!c.deterministic()) {
            settings.add("deterministic = false");
        }
        return "CREATE COLLATION " + quoter.qualified(schema, c.name()) + " (" + String.join(", ", settings) + ")";
    }

    String createSequence(String schema, Sequence q) {
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(quoter.qualified(schema, q.name()));
        if (q.dataType() != null) {
            sql.append(" AS ").append(q.dataType());
        }
        return sql.append(" INCREMENT BY ").append(q.increment())
                .append(" MINVALUE ").append(q.min())
                .append(" MAXVALUE ").append(q.max())
                .append(" START WITH ").append(q.start())
                .append(" CACHE ").append(q.cache())
                .append(q.cycle() ? " CYCLE" : " NO CYCLE")
                .toString();
    }

    String ownedBy(String schema, Sequence q) {
        int dot = q.ownedBy().lastIndexOf('.');
        if (dot < 0) {
            throw StrataException.badInput("sequence \"" + q.name() + "\" has ownedBy \"" + q.ownedBy()
                    + "\", expected table.column");
        }
        return "ALTER SEQUENCE " + quoter.qualified(schema, q.name()) + " OWNED BY "
                + quoter.qualified(schema, q.ownedBy().substring(0, dot)) + "." + quoter.ident(q.ownedBy().substring(dot + 1));
    }

    /** CREATE INDEX on {@code relation}, a table or a materialized view. */
    String createIndex(String schema, String relation, Index ix) {
        return createIndex(schema, relation, ix, false);
    }

    /** CREATE INDEX, {@code CONCURRENTLY} when asked so that writers of a live table are not blocked. */
    String createIndex(String schema, String relation, Index ix, boolean concurrently) {
        StringBuilder sql = new StringBuilder("CREATE ").append(ix.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(concurrently ? "CONCURRENTLY " : "")
                .append(quoter.ident(ix.name())).append(" ON ").append(quoter.qualified(schema, relation));
        if (ix.method() != null) {
            sql.append(" USING ").append(quoter.ident(ix.method()));
        }
        List<String> parts = new ArrayList<>();
        for (IndexPart p : ix.parts()) {
            String part = p.column() != null ? quoter.ident(p.column()) : "(" + p.expression() + ")";
            if (p.opclass() != null) {
                part += " " + quoter.ident(p.opclass());
            }
            parts.add(p.descending() ? part + " DESC" : part);
        }
        sql.append(" (").append(String.join(", ", parts)).append(')');
        if (!ix.include().isEmpty()) {
            sql.append(" INCLUDE (").append(clauses.identList(ix.include())).append(')');
        }
        if (ix.predicate() != null) {
            sql.append(" WHERE ").append(ix.predicate());
        }
        return sql.toString();
    }

    private List<String> comments(Catalog catalog) {
        List<String> out = new ArrayList<>();
        for (Schema s : catalog.schemas()) {
            comment(out, "SCHEMA " + quoter.ident(s.name()), s.comment());
            for (Table t : s.tables()) {
                String table = quoter.qualified(s.name(), t.name());
                comment(out, "TABLE " + table, t.comment());
                for (Column c : t.columns()) {
                    comment(out, "COLUMN " + table + "." + quoter.ident(c.name()), c.comment());
                }
                for (Index ix : t.indexes()) {
                    comment(out, "INDEX " + quoter.qualified(s.name(), ix.name()), ix.comment());
                }
            }
            for (View v : s.views()) {
                comment(out, viewKind(v) + quoter.qualified(s.name(), v.name()), v.comment());
                for (Index ix : v.indexes()) {
                    comment(out, "INDEX " + quoter.qualified(s.name(), ix.name()), ix.comment());
                }
            }
            for (Collation c : s.collations()) {
                comment(out, "COLLATION " + quoter.qualified(s.name(), c.name()), c.comment());
            }
        }
        return out;
    }

    private static boolean routine(DefinedObject o) {
        return o.kind() == ObjectKind.FUNCTION || o.kind() == ObjectKind.PROCEDURE;
    }

    private void comment(List<String> out, String target, String comment) {
        if (comment != null) {
            out.add(commentOn(target, comment));
        }
    }

    /** COMMENT ON {@code target}; a null comment removes it. */
    String commentOn(String target, String comment) {
        return "COMMENT ON " + target + " IS " + (comment == null ? "NULL" : quoter.literal(comment));
    }

}
