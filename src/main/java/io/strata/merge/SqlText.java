package io.strata.merge;

import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.EnumType;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.View;

import java.util.stream.Collectors;

/**
 * SqlText writes the short, DDL-like renderings of relational objects that a conflict shows. They are for
 * reading only: the merged DDL comes from the dialect's renderer, which quotes and orders properly.
 */
final class SqlText {

    private SqlText() {
    }

    static String column(Column c) {
        StringBuilder out = new StringBuilder(c.name()).append(' ').append(c.type().sql());
        if (c.collation() != null) {
            out.append(" COLLATE ").append(c.collation());
        }
        if (!c.nullable()) {
            out.append(" NOT NULL");
        }
        if (c.defaultExpr() != null) {
            out.append(" DEFAULT ").append(c.defaultExpr());
        }
        if (c.identity() != null) {
            out.append(" IDENTITY ").append(c.identity().kind());
        }
        if (c.generatedExpr() != null) {
            out.append(" GENERATED AS (").append(c.generatedExpr()).append(')');
        }
        if (c.comment() != null) {
            out.append(" COMMENT '").append(c.comment()).append('\'');
        }
        return out.toString();
    }

    /** A table by its columns: a conflict on a whole table is about which columns it has. */
    static String table(Table t) {
        return "TABLE " + t.name() + " (" + t.columns().stream().map(SqlText::column).collect(Collectors.joining(", ")) + ")";
    }

    static String primaryKey(PrimaryKey pk) {
        return "PRIMARY KEY (" + String.join(", ", pk.columns()) + ")";
    }

    static String unique(UniqueConstraint u) {
        return "CONSTRAINT " + u.name() + " UNIQUE" + (u.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                + " (" + String.join(", ", u.columns()) + ")";
    }

    static String index(Index i) {
        return (i.unique() ? "UNIQUE INDEX " : "INDEX ") + i.name() + (i.method() == null ? "" : " USING " + i.method())
                + " (" + i.parts().stream().map(SqlText::part).collect(Collectors.joining(", ")) + ")"
                + (i.include().isEmpty() ? "" : " INCLUDE (" + String.join(", ", i.include()) + ")")
                + (i.predicate() == null ? "" : " WHERE " + i.predicate());
    }

    private static String part(IndexPart p) {
        String base = p.column() != null ? p.column() : "(" + p.expression() + ")";
        return base + (p.prefixLength() == null ? "" : "(" + p.prefixLength() + ")")
                + (p.opclass() == null ? "" : " " + p.opclass()) + (p.descending() ? " DESC" : "");
    }

    static String foreignKey(ForeignKey f) {
        return "CONSTRAINT " + f.name() + " FOREIGN KEY (" + String.join(", ", f.columns()) + ") REFERENCES "
                + (f.refSchema() == null ? "" : f.refSchema() + ".") + f.refTable()
                + " (" + String.join(", ", f.refColumns()) + ")"
                + (f.onUpdate() == null ? "" : " ON UPDATE " + f.onUpdate())
                + (f.onDelete() == null ? "" : " ON DELETE " + f.onDelete());
    }

    static String check(Check c) {
        return "CONSTRAINT " + c.name() + " CHECK (" + c.expression() + ")";
    }

    static String view(View v) {
        return (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + v.name() + " AS " + v.definition();
    }

    static String enumType(EnumType e) {
        return "TYPE " + e.name() + " AS ENUM (" + e.values().stream().map(s -> "'" + s + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    static String sequence(Sequence s) {
        return "SEQUENCE " + s.name() + " AS " + s.dataType() + " START " + s.start() + " INCREMENT " + s.increment()
                + " MINVALUE " + s.min() + " MAXVALUE " + s.max() + (s.cycle() ? " CYCLE" : "")
                + (s.ownedBy() == null ? "" : " OWNED BY " + s.ownedBy());
    }
}
