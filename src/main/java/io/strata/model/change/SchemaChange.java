package io.strata.model.change;

import io.strata.model.Check;
import io.strata.model.Collation;
import io.strata.model.Column;
import io.strata.model.EnumType;
import io.strata.model.Extension;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.View;

import java.util.Set;

/**
 * A SchemaChange is one typed difference between two relational schemas, as the differ finds it.
 * Changes are values: they carry the objects before and after, never SQL. The closed set lets the
 * compatibility rules and the planners switch over every case exhaustively.
 */
public sealed interface SchemaChange {

    /** Where the change is: {@code schema}, {@code schema.table} or {@code schema.table.column} (or constraint/index name). */
    String location();

    /** The table the change belongs to, as {@code schema.table}, or null for schema-level objects. */
    default String tableLocation() {
        return null;
    }

    /** A change to a named object of a schema (table, view, enum, sequence): located at {@code schema.object}. */
    sealed interface InSchema extends SchemaChange {
        String schema();

        String objectName();

        default String location() {
            return schema() + "." + objectName();
        }
    }

    /** A change to a whole table: its location is the table's. */
    sealed interface OfTable extends InSchema {
        default String tableLocation() {
            return location();
        }
    }

    /**
     * A change to an element of a table (column, key, constraint, index): located at
     * {@code schema.table.element}, or at the table for its primary key.
     */
    sealed interface InTable extends SchemaChange {
        String schema();

        String table();

        /** The element's name, or null when the table has only one such element (the primary key). */
        String elementName();

        default String location() {
            return elementName() == null ? tableLocation() : tableLocation() + "." + elementName();
        }

        default String tableLocation() {
            return schema() + "." + table();
        }
    }

    // ---- schemas and extensions

    record AddSchema(Schema schema) implements SchemaChange {
        public String location() {
            return schema.name();
        }
    }

    record DropSchema(Schema schema) implements SchemaChange {
        public String location() {
            return schema.name();
        }
    }

    /** Schema-level options (MySQL default charset/collation, comment) changed. */
    record ModifySchema(Schema from, Schema to) implements SchemaChange {
        public String location() {
            return to.name();
        }
    }

    record AddExtension(Extension extension) implements SchemaChange {
        public String location() {
            return extension.name();
        }
    }

    record DropExtension(Extension extension) implements SchemaChange {
        public String location() {
            return extension.name();
        }
    }

    // ---- tables

    record AddTable(String schema, Table table) implements OfTable {
        public String objectName() {
            return table.name();
        }
    }

    record DropTable(String schema, Table table) implements OfTable {
        public String objectName() {
            return table.name();
        }
    }

    /** The input declared {@code to} as {@code from} renamed; changes inside the table are listed separately. */
    record RenameTable(String schema, Table from, Table to) implements OfTable {
        public String objectName() {
            return to.name();
        }
    }

    /** Table options (comment, MySQL engine/charset/collation, PostgreSQL persistence) changed. */
    record ModifyTable(String schema, Table from, Table to, Set<TableChangeKind> kinds) implements OfTable {
        public ModifyTable {
            kinds = Set.copyOf(kinds);
        }

        public String objectName() {
            return to.name();
        }
    }

    // ---- columns

    record AddColumn(String schema, String table, Column column) implements InTable {
        public String elementName() {
            return column.name();
        }
    }

    record DropColumn(String schema, String table, Column column) implements InTable {
        public String elementName() {
            return column.name();
        }
    }

    /** The input declared {@code to} as {@code from} renamed. Other differences of the column come as a ModifyColumn. */
    record RenameColumn(String schema, String table, Column from, Column to) implements InTable {
        public String elementName() {
            return to.name();
        }
    }

    /** A column changed in place; {@code kinds} says which of its properties differ. */
    record ModifyColumn(String schema, String table, Column from, Column to, Set<ColumnChangeKind> kinds)
            implements InTable {
        public ModifyColumn {
            kinds = Set.copyOf(kinds);
        }

        public String elementName() {
            return to.name();
        }
    }

    // ---- keys and constraints

    record AddPrimaryKey(String schema, String table, PrimaryKey key) implements InTable {
        public String elementName() {
            return null;
        }
    }

    record DropPrimaryKey(String schema, String table, PrimaryKey key) implements InTable {
        public String elementName() {
            return null;
        }
    }

    /** The primary key's columns changed (a renamed key with the same columns is not a change). */
    record ModifyPrimaryKey(String schema, String table, PrimaryKey from, PrimaryKey to) implements InTable {
        public String elementName() {
            return null;
        }
    }

    record AddUnique(String schema, String table, UniqueConstraint unique) implements InTable {
        public String elementName() {
            return unique.name();
        }
    }

    record DropUnique(String schema, String table, UniqueConstraint unique) implements InTable {
        public String elementName() {
            return unique.name();
        }
    }

    record AddCheck(String schema, String table, Check check) implements InTable {
        public String elementName() {
            return check.name();
        }
    }

    record DropCheck(String schema, String table, Check check) implements InTable {
        public String elementName() {
            return check.name();
        }
    }

    record ModifyCheck(String schema, String table, Check from, Check to) implements InTable {
        public String elementName() {
            return to.name();
        }
    }

    record AddForeignKey(String schema, String table, ForeignKey foreignKey) implements InTable {
        public String elementName() {
            return foreignKey.name();
        }
    }

    record DropForeignKey(String schema, String table, ForeignKey foreignKey) implements InTable {
        public String elementName() {
            return foreignKey.name();
        }
    }

    record ModifyForeignKey(String schema, String table, ForeignKey from, ForeignKey to) implements InTable {
        public String elementName() {
            return to.name();
        }
    }

    // ---- indexes

    record AddIndex(String schema, String table, Index index) implements InTable {
        public String elementName() {
            return index.name();
        }
    }

    record DropIndex(String schema, String table, Index index) implements InTable {
        public String elementName() {
            return index.name();
        }
    }

    record ModifyIndex(String schema, String table, Index from, Index to) implements InTable {
        public String elementName() {
            return to.name();
        }
    }

    // ---- views, enums, sequences, collations

    record AddView(String schema, View view) implements InSchema {
        public String objectName() {
            return view.name();
        }
    }

    record DropView(String schema, View view) implements InSchema {
        public String objectName() {
            return view.name();
        }
    }

    record RenameView(String schema, View from, View to) implements InSchema {
        public String objectName() {
            return to.name();
        }
    }

    /** The view's definition (and so possibly its columns) changed. */
    record ModifyView(String schema, View from, View to) implements InSchema {
        public String objectName() {
            return to.name();
        }
    }

    record AddEnum(String schema, EnumType type) implements InSchema {
        public String objectName() {
            return type.name();
        }
    }

    record DropEnum(String schema, EnumType type) implements InSchema {
        public String objectName() {
            return type.name();
        }
    }

    /** The labels of a PostgreSQL enum type changed: added, removed or reordered. */
    record ModifyEnum(String schema, EnumType from, EnumType to) implements InSchema {
        public String objectName() {
            return to.name();
        }
    }

    record AddSequence(String schema, Sequence sequence) implements InSchema {
        public String objectName() {
            return sequence.name();
        }
    }

    record DropSequence(String schema, Sequence sequence) implements InSchema {
        public String objectName() {
            return sequence.name();
        }
    }

    record ModifySequence(String schema, Sequence from, Sequence to) implements InSchema {
        public String objectName() {
            return to.name();
        }
    }

    record AddCollation(String schema, Collation collation) implements InSchema {
        public String objectName() {
            return collation.name();
        }
    }

    record DropCollation(String schema, Collation collation) implements InSchema {
        public String objectName() {
            return collation.name();
        }
    }

    /** A PostgreSQL collation's settings (provider, locale, determinism, rules) or comment changed. */
    record ModifyCollation(String schema, Collation from, Collation to) implements InSchema {
        public String objectName() {
            return to.name();
        }
    }
}
