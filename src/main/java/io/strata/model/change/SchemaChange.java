package io.strata.model.change;

import io.strata.model.Check;
import io.strata.model.Collation;
import io.strata.model.DefinedObject;
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
 * compatibility rules, the planners and lint handle every case exhaustively through {@link Visitor}.
 */
public sealed interface SchemaChange {

    /**
     * Where the change is: {@code schema}, {@code schema.table} or {@code schema.table.column} (or constraint/index
     * name); without the schema when it has no name (MySQL files compared with each other name no database).
     */
    String location();

    /** The table the change belongs to, as {@code schema.table}, or null for schema-level objects. */
    default String tableLocation() {
        return null;
    }

    /** {@code schema.name}, or {@code name} alone when the schema has no name. */
    static String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? name : schema + "." + name;
    }

    /** Hands this change to the method of {@code visitor} for its kind and returns what that yields. */
    <R> R accept(Visitor<R> visitor);

    /**
     * A Visitor is an operation over every kind of change, one method per record. Java 17 has no pattern
     * switch, so consumers that must handle every kind implement this interface: a new record adds a method
     * here, and each of them stops compiling until it decides what the new kind means.
     *
     * @param <R> what the operation yields per change
     */
    interface Visitor<R> {
        R visitAddSchema(AddSchema change);

        R visitDropSchema(DropSchema change);

        R visitModifySchema(ModifySchema change);

        R visitAddExtension(AddExtension change);

        R visitDropExtension(DropExtension change);

        R visitAddTable(AddTable change);

        R visitDropTable(DropTable change);

        R visitRenameTable(RenameTable change);

        R visitModifyTable(ModifyTable change);

        R visitAddColumn(AddColumn change);

        R visitDropColumn(DropColumn change);

        R visitRenameColumn(RenameColumn change);

        R visitModifyColumn(ModifyColumn change);

        R visitAddPrimaryKey(AddPrimaryKey change);

        R visitDropPrimaryKey(DropPrimaryKey change);

        R visitModifyPrimaryKey(ModifyPrimaryKey change);

        R visitAddUnique(AddUnique change);

        R visitDropUnique(DropUnique change);

        R visitAddCheck(AddCheck change);

        R visitDropCheck(DropCheck change);

        R visitModifyCheck(ModifyCheck change);

        R visitAddForeignKey(AddForeignKey change);

        R visitDropForeignKey(DropForeignKey change);

        R visitModifyForeignKey(ModifyForeignKey change);

        R visitAddIndex(AddIndex change);

        R visitDropIndex(DropIndex change);

        R visitModifyIndex(ModifyIndex change);

        R visitAddView(AddView change);

        R visitDropView(DropView change);

        R visitRenameView(RenameView change);

        R visitModifyView(ModifyView change);

        R visitAddEnum(AddEnum change);

        R visitDropEnum(DropEnum change);

        R visitModifyEnum(ModifyEnum change);

        R visitAddSequence(AddSequence change);

        R visitDropSequence(DropSequence change);

        R visitModifySequence(ModifySequence change);

        R visitAddCollation(AddCollation change);

        R visitDropCollation(DropCollation change);

        R visitModifyCollation(ModifyCollation change);

        R visitAddObject(AddObject change);

        R visitDropObject(DropObject change);

        R visitModifyObject(ModifyObject change);
    }

    /** A change to a named object of a schema (table, view, enum, sequence): located at {@code schema.object}. */
    sealed interface InSchema extends SchemaChange {
        String schema();

        String objectName();

        default String location() {
            return qualified(schema(), objectName());
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
            return qualified(schema(), table());
        }
    }

    // ---- schemas and extensions

    record AddSchema(Schema schema) implements SchemaChange {
        public String location() {
            return schema.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddSchema(this);
        }
    }

    record DropSchema(Schema schema) implements SchemaChange {
        public String location() {
            return schema.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropSchema(this);
        }
    }

    /** Schema-level options (MySQL default charset/collation, comment) changed. */
    record ModifySchema(Schema from, Schema to) implements SchemaChange {
        public String location() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifySchema(this);
        }
    }

    record AddExtension(Extension extension) implements SchemaChange {
        public String location() {
            return extension.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddExtension(this);
        }
    }

    record DropExtension(Extension extension) implements SchemaChange {
        public String location() {
            return extension.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropExtension(this);
        }
    }

    // ---- tables

    record AddTable(String schema, Table table) implements OfTable {
        public String objectName() {
            return table.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddTable(this);
        }
    }

    record DropTable(String schema, Table table) implements OfTable {
        public String objectName() {
            return table.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropTable(this);
        }
    }

    /** The input declared {@code to} as {@code from} renamed; changes inside the table are listed separately. */
    record RenameTable(String schema, Table from, Table to) implements OfTable {
        public String objectName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRenameTable(this);
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

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyTable(this);
        }
    }

    // ---- columns

    record AddColumn(String schema, String table, Column column) implements InTable {
        public String elementName() {
            return column.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddColumn(this);
        }
    }

    record DropColumn(String schema, String table, Column column) implements InTable {
        public String elementName() {
            return column.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropColumn(this);
        }
    }

    /** The input declared {@code to} as {@code from} renamed. Other differences of the column come as a ModifyColumn. */
    record RenameColumn(String schema, String table, Column from, Column to) implements InTable {
        public String elementName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRenameColumn(this);
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

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyColumn(this);
        }
    }

    // ---- keys and constraints

    record AddPrimaryKey(String schema, String table, PrimaryKey key) implements InTable {
        public String elementName() {
            return null;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddPrimaryKey(this);
        }
    }

    record DropPrimaryKey(String schema, String table, PrimaryKey key) implements InTable {
        public String elementName() {
            return null;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropPrimaryKey(this);
        }
    }

    /** The primary key's columns changed (a renamed key with the same columns is not a change). */
    record ModifyPrimaryKey(String schema, String table, PrimaryKey from, PrimaryKey to) implements InTable {
        public String elementName() {
            return null;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyPrimaryKey(this);
        }
    }

    record AddUnique(String schema, String table, UniqueConstraint unique) implements InTable {
        public String elementName() {
            return unique.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddUnique(this);
        }
    }

    record DropUnique(String schema, String table, UniqueConstraint unique) implements InTable {
        public String elementName() {
            return unique.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropUnique(this);
        }
    }

    record AddCheck(String schema, String table, Check check) implements InTable {
        public String elementName() {
            return check.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddCheck(this);
        }
    }

    record DropCheck(String schema, String table, Check check) implements InTable {
        public String elementName() {
            return check.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropCheck(this);
        }
    }

    record ModifyCheck(String schema, String table, Check from, Check to) implements InTable {
        public String elementName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyCheck(this);
        }
    }

    record AddForeignKey(String schema, String table, ForeignKey foreignKey) implements InTable {
        public String elementName() {
            return foreignKey.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddForeignKey(this);
        }
    }

    record DropForeignKey(String schema, String table, ForeignKey foreignKey) implements InTable {
        public String elementName() {
            return foreignKey.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropForeignKey(this);
        }
    }

    record ModifyForeignKey(String schema, String table, ForeignKey from, ForeignKey to) implements InTable {
        public String elementName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyForeignKey(this);
        }
    }

    // ---- indexes

    record AddIndex(String schema, String table, Index index) implements InTable {
        public String elementName() {
            return index.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddIndex(this);
        }
    }

    record DropIndex(String schema, String table, Index index) implements InTable {
        public String elementName() {
            return index.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropIndex(this);
        }
    }

    record ModifyIndex(String schema, String table, Index from, Index to) implements InTable {
        public String elementName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyIndex(this);
        }
    }

    // ---- views, enums, sequences, collations

    record AddView(String schema, View view) implements InSchema {
        public String objectName() {
            return view.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddView(this);
        }
    }

    record DropView(String schema, View view) implements InSchema {
        public String objectName() {
            return view.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropView(this);
        }
    }

    record RenameView(String schema, View from, View to) implements InSchema {
        public String objectName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitRenameView(this);
        }
    }

    /** The view's definition (and so possibly its columns) changed. */
    record ModifyView(String schema, View from, View to) implements InSchema {
        public String objectName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyView(this);
        }
    }

    record AddEnum(String schema, EnumType type) implements InSchema {
        public String objectName() {
            return type.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddEnum(this);
        }
    }

    record DropEnum(String schema, EnumType type) implements InSchema {
        public String objectName() {
            return type.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropEnum(this);
        }
    }

    /** The labels of a PostgreSQL enum type changed: added, removed or reordered. */
    record ModifyEnum(String schema, EnumType from, EnumType to) implements InSchema {
        public String objectName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyEnum(this);
        }
    }

    record AddSequence(String schema, Sequence sequence) implements InSchema {
        public String objectName() {
            return sequence.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddSequence(this);
        }
    }

    record DropSequence(String schema, Sequence sequence) implements InSchema {
        public String objectName() {
            return sequence.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropSequence(this);
        }
    }

    record ModifySequence(String schema, Sequence from, Sequence to) implements InSchema {
        public String objectName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifySequence(this);
        }
    }

    record AddCollation(String schema, Collation collation) implements InSchema {
        public String objectName() {
            return collation.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddCollation(this);
        }
    }

    record DropCollation(String schema, Collation collation) implements InSchema {
        public String objectName() {
            return collation.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropCollation(this);
        }
    }

    /** A PostgreSQL collation's settings (provider, locale, determinism, rules) or comment changed. */
    record ModifyCollation(String schema, Collation from, Collation to) implements InSchema {
        public String objectName() {
            return to.name();
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyCollation(this);
        }
    }

    // ---- functions, procedures, triggers, policies, grants, events

    /**
     * A change to a {@link DefinedObject}: located at {@code schema.table.name} for an object of a table (a trigger,
     * a policy, a grant on a table), else at {@code schema.name}.
     */
    sealed interface OfDefinedObject extends InSchema {
        DefinedObject object();

        default String objectName() {
            return object().objectName();
        }

        default String tableLocation() {
            return object().table() == null ? null : qualified(schema(), object().table());
        }
    }

    record AddObject(String schema, DefinedObject object) implements OfDefinedObject {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAddObject(this);
        }
    }

    record DropObject(String schema, DefinedObject object) implements OfDefinedObject {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDropObject(this);
        }
    }

    /** The server prints a different definition for the same object (same kind, table and name). */
    record ModifyObject(String schema, DefinedObject from, DefinedObject to) implements OfDefinedObject {
        public DefinedObject object() {
            return to;
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModifyObject(this);
        }
    }
}
