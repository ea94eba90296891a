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

    private static String at(String schema, String object) {
        return schema + "." + object;
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

    record AddTable(String schema, Table table) implements SchemaChange {
        public String location() {
            return at(schema, table.name());
        }

        public String tableLocation() {
            return location();
        }
    }

    record DropTable(String schema, Table table) implements SchemaChange {
        public String location() {
            return at(schema, table.name());
        }

        public String tableLocation() {
            return location();
        }
    }

    /** The input declared {@code to} as {@code from} renamed; changes inside the table are listed separately. */
    record RenameTable(String schema, Table from, Table to) implements SchemaChange {
        public String location() {
            return at(schema, to.name());
        }

        public String tableLocation() {
            return location();
        }
    }

    /** Table options (comment, MySQL engine/charset/collation, PostgreSQL persistence) changed. */
    record ModifyTable(String schema, Table from, Table to, Set<TableChangeKind> kinds) implements SchemaChange {
        public ModifyTable {
            kinds = Set.copyOf(kinds);
        }

        public String location() {
            return at(schema, to.name());
        }

        public String tableLocation() {
            return location();
        }
    }

    // ---- columns

    record AddColumn(String schema, String table, Column column) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + column.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record DropColumn(String schema, String table, Column column) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + column.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    /** The input declared {@code to} as {@code from} renamed. Other differences of the column come as a ModifyColumn. */
    record RenameColumn(String schema, String table, Column from, Column to) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + to.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    /** A column changed in place; {@code kinds} says which of its properties differ. */
    record ModifyColumn(String schema, String table, Column from, Column to, Set<ColumnChangeKind> kinds)
            implements SchemaChange {
        public ModifyColumn {
            kinds = Set.copyOf(kinds);
        }

        public String location() {
            return at(schema, table) + "." + to.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    // ---- keys and constraints

    record AddPrimaryKey(String schema, String table, PrimaryKey key) implements SchemaChange {
        public String location() {
            return at(schema, table);
        }

        public String tableLocation() {
            return location();
        }
    }

    record DropPrimaryKey(String schema, String table, PrimaryKey key) implements SchemaChange {
        public String location() {
            return at(schema, table);
        }

        public String tableLocation() {
            return location();
        }
    }

    /** The primary key's columns changed (a renamed key with the same columns is not a change). */
    record ModifyPrimaryKey(String schema, String table, PrimaryKey from, PrimaryKey to) implements SchemaChange {
        public String location() {
            return at(schema, table);
        }

        public String tableLocation() {
            return location();
        }
    }

    record AddUnique(String schema, String table, UniqueConstraint unique) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + unique.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record DropUnique(String schema, String table, UniqueConstraint unique) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + unique.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record AddCheck(String schema, String table, Check check) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + check.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record DropCheck(String schema, String table, Check check) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + check.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record ModifyCheck(String schema, String table, Check from, Check to) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + to.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record AddForeignKey(String schema, String table, ForeignKey foreignKey) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + foreignKey.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record DropForeignKey(String schema, String table, ForeignKey foreignKey) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + foreignKey.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record ModifyForeignKey(String schema, String table, ForeignKey from, ForeignKey to) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + to.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    // ---- indexes

    record AddIndex(String schema, String table, Index index) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + index.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record DropIndex(String schema, String table, Index index) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + index.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    record ModifyIndex(String schema, String table, Index from, Index to) implements SchemaChange {
        public String location() {
            return at(schema, table) + "." + to.name();
        }

        public String tableLocation() {
            return at(schema, table);
        }
    }

    // ---- views, enums, sequences, collations

    record AddView(String schema, View view) implements SchemaChange {
        public String location() {
            return at(schema, view.name());
        }
    }

    record DropView(String schema, View view) implements SchemaChange {
        public String location() {
            return at(schema, view.name());
        }
    }

    record RenameView(String schema, View from, View to) implements SchemaChange {
        public String location() {
            return at(schema, to.name());
        }
    }

    /** The view's definition (and so possibly its columns) changed. */
    record ModifyView(String schema, View from, View to) implements SchemaChange {
        public String location() {
            return at(schema, to.name());
        }
    }

    record AddEnum(String schema, EnumType type) implements SchemaChange {
        public String location() {
            return at(schema, type.name());
        }
    }

    record DropEnum(String schema, EnumType type) implements SchemaChange {
        public String location() {
            return at(schema, type.name());
        }
    }

    /** The labels of a PostgreSQL enum type changed: added, removed or reordered. */
    record ModifyEnum(String schema, EnumType from, EnumType to) implements SchemaChange {
        public String location() {
            return at(schema, to.name());
        }
    }

    record AddSequence(String schema, Sequence sequence) implements SchemaChange {
        public String location() {
            return at(schema, sequence.name());
        }
    }

    record DropSequence(String schema, Sequence sequence) implements SchemaChange {
        public String location() {
            return at(schema, sequence.name());
        }
    }

    record ModifySequence(String schema, Sequence from, Sequence to) implements SchemaChange {
        public String location() {
            return at(schema, to.name());
        }
    }

    record AddCollation(String schema, Collation collation) implements SchemaChange {
        public String location() {
            return at(schema, collation.name());
        }
    }

    record DropCollation(String schema, Collation collation) implements SchemaChange {
        public String location() {
            return at(schema, collation.name());
        }
    }

    /** A PostgreSQL collation's settings (provider, locale, determinism, rules) or comment changed. */
    record ModifyCollation(String schema, Collation from, Collation to) implements SchemaChange {
        public String location() {
            return at(schema, to.name());
        }
    }
}
