package io.strata.dialect.mysql;

import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;
import io.strata.model.ForeignKey;
import io.strata.model.Identity;
import io.strata.model.Index;
import io.strata.model.IndexPart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * MySqlDefinitions reads what a CREATE TABLE lists and an ALTER TABLE ... ADD adds (a column, an index or
 * key, a primary key, a foreign key, a check) into the model's records, in the form the inspector gives them,
 * so that a definition compares with what information_schema shows. It reads what the planner writes and the
 * plain spellings people use; any other attribute makes the whole definition unknown (null), never ignored,
 * since an attribute left out of a comparison could make a statement that did not run look as if it had.
 */
final class MySqlDefinitions {

    /** A definition of one part of a table. */
    sealed interface Definition permits ColumnDef, IndexDef, PrimaryKeyDef, ForeignKeyDef, CheckDef {
    }

    /**
     * A column with what {@link Column} has no field for.
     *
     * @param onUpdate   its ON UPDATE expression, or null
     * @param primaryKey whether it says PRIMARY KEY itself
     * @param first      whether it goes first ({@code FIRST})
     * @param after      the column it goes after ({@code AFTER x}), or null
     */
    record ColumnDef(Column column, String onUpdate, boolean primaryKey, boolean first, String after) implements Definition {
    }

    /** An index; a null method is the engine's default one. */
    record IndexDef(Index index) implements Definition {
    }

    record PrimaryKeyDef(List<String> columns) implements Definition {
    }

    record ForeignKeyDef(ForeignKey key) implements Definition {
    }

    record CheckDef(String name, String expression) implements Definition {
    }

    private static final String FULLTEXT = "FULLTEXT";
    private static final String SPATIAL = "SPATIAL";

    private MySqlDefinitions() {
    }

    /** A column or key definition that takes the rest of {@code c}; null when not understood. */
    static Definition definition(MySqlDdlCursor c) {
        String symbol = null;
        if (c.accept("CONSTRAINT") && !c.peek("PRIMARY") && !c.peek("UNIQUE") && !c.peek("FOREIGN") && !c.peek("CHECK")) {
            symbol = c.name();
        }
        Definition definition;
        if (c.accept("PRIMARY", "KEY")) {
            List<String> columns = names(c.group());
            definition = columns == null ? null : new PrimaryKeyDef(columns);
        } else if (c.accept("UNIQUE")) {
            definition = index(c, symbol, true, null);
        } else if (c.accept(FULLTEXT)) {
            definition = symbol == null ? index(c, null, false, FULLTEXT) : null;
        } else if (c.accept(SPATIAL)) {
            definition = symbol == null ? index(c, null, false, SPATIAL) : null;
        } else if (c.accept("FOREIGN", "KEY")) {
            definition = foreignKey(c, symbol);
        } else if (c.accept("CHECK")) {
            definition = check(c, symbol);
        } else if (symbol != null) {
            definition = null;
        } else if (c.accept("INDEX") || c.accept("KEY")) {
            definition = indexAfterKind(c, null, false, null);
        } else {
            definition = column(c);
        }
        return definition != null && c.atEnd() ? definition : null;
    }

    /** A column attribute with a value: the words that introduce it and how its value reads. */
    private record Valued(String key, List<String> words, Function<MySqlDdlCursor, String> read) {
    }

    private static final List<Valued> VALUED = List.of(
            new Valued("DEFAULT", List.of("DEFAULT"), MySqlDdlCursor::value),
            new Valued("ON UPDATE", List.of("ON", "UPDATE"), MySqlDdlCursor::value),
            new Valued("COMMENT", List.of("COMMENT"), MySqlDdlCursor::literal),
            new Valued("CHARSET", List.of("CHARACTER", "SET"), MySqlDdlCursor::name),
            new Valued("CHARSET", List.of("CHARSET"), MySqlDdlCursor::name),
            new Valued("COLLATE", List.of("COLLATE"), MySqlDdlCursor::name),
            new Valued("AFTER", List.of("AFTER"), MySqlDdlCursor::name));

    /** A column definition: name, type, attributes, position; null when not understood. */
    static ColumnDef column(MySqlDdlCursor c) {
        String name = c.name();
        ColumnType type = name == null ? null : type(c);
        if (type == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        Boolean nullable = null;
        boolean autoIncrement = false;
        String generated = null;
        boolean stored = false;
        boolean primaryKey = false;
        boolean first = false;
        while (!c.atEnd()) {
            Valued valued = valued(c);
            if (valued != null) {
                String value = valued.read().apply(c);
                if (value == null) {
                    return null;
                }
                values.put(valued.key(), value);
            } else if (c.accept("NOT", "NULL")) {
                nullable = false;
            } else if (c.accept("NULL")) {
                nullable = true;
            } else if (c.accept("AUTO_INCREMENT")) {
                autoIncrement = true;
            } else if (c.accept("GENERATED", "ALWAYS", "AS") || c.accept("AS")) {
                generated = c.group();
                if (generated == null) {
                    return null;
                }
                stored = c.accept("STORED") || c.accept("PERSISTENT");
                c.accept("VIRTUAL");
            } else if (c.accept("PRIMARY", "KEY") || c.accept("KEY")) {
                primaryKey = true;
            } else if (c.accept("FIRST")) {
                first = true;
            } else {
                return null;
            }
        }
        // A key column is NOT NULL unless it says otherwise (which the server then refuses).
        boolean isNullable = nullable != null ? nullable : !primaryKey;
        // The inspector reads no default for generated and auto-increment columns.
        String defaultExpr = autoIncrement || generated != null ? null : defaultExpr(values.get("DEFAULT"));
        String comment = values.get("COMMENT");
        String onUpdate = values.get("ON UPDATE");
        Column column = new Column(name, type, isNullable, defaultExpr, autoIncrement ? Identity.autoIncrement() : null,
                generated == null ? null : generated.strip(), generated != null && stored, values.get("COLLATE"),
                values.get("CHARSET"), comment == null || comment.isEmpty() ? null : comment, null);
        return new ColumnDef(column, onUpdate == null ? null : MySqlDefaults.expression(onUpdate), primaryKey, first,
                values.get("AFTER"));
    }

    private static Valued valued(MySqlDdlCursor c) {
        for (Valued valued : VALUED) {
            if (c.accept(valued.words().toArray(String[]::new))) {
                return valued;
            }
        }
        return null;
    }

    /** A default as the inspector reads it, from a DEFAULT clause's value; null for none or NULL. */
    static String defaultExpr(String raw) {
        String expr = raw == null ? null : MySqlDefaults.expression(raw);
        return expr == null || expr.equalsIgnoreCase("NULL") ? null : expr;
    }

    /**
     * The rest of an index definition after its name: {@code [USING m] (parts) [USING m] [COMMENT '...']}.
     * Stops at anything else (ALGORITHM and LOCK of CREATE INDEX) for the caller to read.
     */
    static IndexDef indexBody(MySqlDdlCursor c, String name, boolean unique, String kind, String usingBefore) {
        String using = c.accept("USING") ? MySqlDdlCursor.upper(c.name()) : usingBefore;
        boolean fullText = FULLTEXT.equals(kind) || SPATIAL.equals(kind);
        List<IndexPart> parts = parts(c.group(), fullText);
        if (parts == null) {
            return null;
        }
        String comment = null;
        while (!c.atEnd()) {
            if (c.accept("USING")) {
                using = MySqlDdlCursor.upper(c.name());
            } else if (c.accept("COMMENT")) {
                comment = c.literal();
                if (comment == null) {
                    return null;
                }
            } else {
                break;
            }
        }
        if (kind != null && using != null) {
            return null;
        }
        return new IndexDef(new Index(name, parts, unique, kind != null ? kind : using, null, List.of(),
                comment == null || comment.isEmpty() ? null : comment));
    }

    /** After UNIQUE, FULLTEXT or SPATIAL: {@code [INDEX|KEY]}, then the rest. */
    private static IndexDef index(MySqlDdlCursor c, String symbol, boolean unique, String kind) {
        if (!c.accept("INDEX")) {
            c.accept("KEY");
        }
        return indexAfterKind(c, symbol, unique, kind);
    }

    private static IndexDef indexAfterKind(MySqlDdlCursor c, String symbol, boolean unique, String kind) {
        c.accept("IF", "NOT", "EXISTS");
        String name = c.peekSymbol('(') || c.peek("USING") ? null : c.name();
        // An index without a name is named by the server after its first column: too clever to guess.
        String named = name != null ? name : symbol;
        return named == null ? null : indexBody(c, named, unique, kind, null);
    }

    private static ForeignKeyDef foreignKey(MySqlDdlCursor c, String symbol) {
        c.accept("IF", "NOT", "EXISTS");
        String indexName = c.peekSymbol('(') ? null : c.name();
        String name = symbol != null ? symbol : indexName;
        List<String> columns = names(c.group());
        if (name == null || columns == null || !c.accept("REFERENCES")) {
            return null;
        }
        MySqlDdlCursor.Name parent = c.qualifiedName();
        List<String> parentColumns = names(c.group());
        if (parent == null || parentColumns == null) {
            return null;
        }
        String onDelete = null;
        String onUpdate = null;
        while (!c.atEnd()) {
            if (c.accept("ON", "DELETE")) {
                onDelete = rule(c);
                if (onDelete == null) {
                    return null;
                }
            } else if (c.accept("ON", "UPDATE")) {
                onUpdate = rule(c);
                if (onUpdate == null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return new ForeignKeyDef(new ForeignKey(name, columns, parent.schema(), parent.name(), parentColumns,
                onUpdate, onDelete, null));
    }

    private static String rule(MySqlDdlCursor c) {
        for (String[] rule : new String[][]{{"RESTRICT"}, {"CASCADE"}, {"SET", "NULL"}, {"NO", "ACTION"}, {"SET", "DEFAULT"}}) {
            if (c.accept(rule)) {
                return String.join(" ", rule);
            }
        }
        return null;
    }

    /** A named check; one without a name, or with [NOT] ENFORCED, is not understood. */
    private static CheckDef check(MySqlDdlCursor c, String symbol) {
        String expression = c.group();
        if (symbol == null || expression == null || !c.atEnd()) {
            return null;
        }
        return new CheckDef(symbol, expression.strip());
    }

    private static ColumnType type(MySqlDdlCursor c) {
        String word = c.name();
        if (word == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(word);
        if (c.accept("PRECISION")) {
            text.append(" precision");
        } else if (c.accept("VARYING")) {
            text.append(" varying");
        }
        String arguments = c.group();
        if (arguments != null) {
            text.append('(').append(arguments).append(')');
        }
        if (c.accept("UNSIGNED")) {
            text.append(" unsigned");
        } else {
            c.accept("SIGNED");
        }
        // ZEROFILL is not in the model's types: a change of it alone would go unseen.
        return c.peek("ZEROFILL") ? null : ColumnTypes.parse(ColumnTypes.MYSQL, text.toString());
    }

    /** The names of a parenthesised list of plain columns; null when an entry is anything else. */
    static List<String> names(String group) {
        if (group == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String item : MySqlDdlCursor.splitTopLevel(group)) {
            MySqlDdlCursor c = new MySqlDdlCursor(item);
            String name = c.name();
            if (name == null || !c.atEnd()) {
                return null;
            }
            out.add(name);
        }
        return out;
    }

    /** Key parts: columns with an optional prefix length and order; an expression part is not understood. */
    private static List<IndexPart> parts(String group, boolean fullText) {
        if (group == null) {
            return null;
        }
        List<IndexPart> out = new ArrayList<>();
        for (String item : MySqlDdlCursor.splitTopLevel(group)) {
            MySqlDdlCursor c = new MySqlDdlCursor(item);
            String name = c.peekSymbol('(') ? null : c.name();
            if (name == null) {
                return null;
            }
            String prefix = c.group();
            boolean descending = c.accept("DESC");
            if (!descending) {
                c.accept("ASC");
            }
            if (!c.atEnd()) {
                return null;
            }
            Integer length;
            try {
                // The inspector reads no prefix for full-text and spatial keys, whose SUB_PART is not one.
                length = prefix == null || fullText ? null : Integer.valueOf(prefix.strip());
            } catch (NumberFormatException e) {
                return null;
            }
            out.add(new IndexPart(name, null, descending, null, length));
        }
        return out;
    }
}
