package io.strata.compat.relational;

import io.strata.compat.Finding;
import io.strata.error.StrataException;
import io.strata.model.ColumnTypes;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCheck;
import io.strata.model.change.SchemaChange.AddCollation;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.AddEnum;
import io.strata.model.change.SchemaChange.AddExtension;
import io.strata.model.change.SchemaChange.AddForeignKey;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.AddPrimaryKey;
import io.strata.model.change.SchemaChange.AddSchema;
import io.strata.model.change.SchemaChange.AddSequence;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.AddView;
import io.strata.model.change.SchemaChange.DropCheck;
import io.strata.model.change.SchemaChange.DropCollation;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.DropEnum;
import io.strata.model.change.SchemaChange.DropExtension;
import io.strata.model.change.SchemaChange.DropForeignKey;
import io.strata.model.change.SchemaChange.DropIndex;
import io.strata.model.change.SchemaChange.DropPrimaryKey;
import io.strata.model.change.SchemaChange.DropSchema;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.DropUnique;
import io.strata.model.change.SchemaChange.DropView;
import io.strata.model.change.SchemaChange.ModifyCheck;
import io.strata.model.change.SchemaChange.ModifyCollation;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.ModifyEnum;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;
import io.strata.model.change.SchemaChange.ModifySchema;
import io.strata.model.change.SchemaChange.ModifySequence;
import io.strata.model.change.SchemaChange.ModifyTable;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.SchemaChange.RenameColumn;
import io.strata.model.change.SchemaChange.RenameTable;
import io.strata.model.change.SchemaChange.RenameView;

import java.util.List;
import java.util.Locale;

/**
 * RelationalRules is the relational compatibility primitive: it classifies each change from one schema
 * version to another by its effect on the four roles. Every change yields at least one finding; compatible
 * changes get findings whose effects are all OK.
 */
public final class RelationalRules {

    private static final List<String> DIALECTS = List.of(ColumnTypes.POSTGRES, ColumnTypes.MYSQL);

    static {
        // Loading the catalog first means a code registered twice fails before anything is classified.
        RuleCatalog.all();
    }

    private RelationalRules() {
    }

    /**
     * Classifies {@code changes}.
     *
     * @param dialect {@code postgres} or {@code mysql}: type rules differ per dialect
     * @return one or more findings per change, in change order
     * @throws StrataException BAD_INPUT for an unknown dialect
     */
    public static List<Finding> classify(String dialect, List<SchemaChange> changes) {
        requireDialect(dialect);
        return changes.stream().flatMap(change -> classify(dialect, change).stream()).toList();
    }

    /**
     * Checks that {@code dialect} is one the rules know.
     *
     * @throws StrataException BAD_INPUT naming the valid dialects otherwise
     */
    public static void requireDialect(String dialect) {
        if (dialect == null || !DIALECTS.contains(dialect.toLowerCase(Locale.ROOT))) {
            throw StrataException.badInput("unknown dialect \"" + dialect + "\"; valid dialects: "
                    + String.join(", ", DIALECTS));
        }
    }

    /**
     * One branch per permitted subtype of the sealed {@link SchemaChange}. Java 17 has no pattern switch, so
     * a test walks {@code SchemaChange.class.getPermittedSubclasses()} to prove the chain exhaustive.
     */
    private static List<Finding> classify(String dialect, SchemaChange change) {
        // schemas, extensions, sequences
        if (change instanceof AddSchema c) {
            return ObjectRules.addSchema(c);
        }
        if (change instanceof DropSchema c) {
            return ObjectRules.dropSchema(c);
        }
        if (change instanceof ModifySchema c) {
            return ObjectRules.modifySchema(c);
        }
        if (change instanceof AddExtension c) {
            return ObjectRules.addExtension(c);
        }
        if (change instanceof DropExtension c) {
            return ObjectRules.dropExtension(c);
        }
        if (change instanceof AddSequence c) {
            return ObjectRules.addSequence(c);
        }
        if (change instanceof DropSequence c) {
            return ObjectRules.dropSequence(c);
        }
        if (change instanceof ModifySequence c) {
            return ObjectRules.modifySequence(c);
        }
        // collations
        if (change instanceof AddCollation c) {
            return ObjectRules.addCollation(c);
        }
        if (change instanceof DropCollation c) {
            return ObjectRules.dropCollation(c);
        }
        if (change instanceof ModifyCollation c) {
            return ObjectRules.modifyCollation(c);
        }
        // tables
        if (change instanceof AddTable c) {
            return TableRules.addTable(c);
        }
        if (change instanceof DropTable c) {
            return TableRules.dropTable(c);
        }
        if (change instanceof RenameTable c) {
            return TableRules.renameTable(c);
        }
        if (change instanceof ModifyTable c) {
            return TableRules.modifyTable(c);
        }
        // columns
        if (change instanceof AddColumn c) {
            return ColumnRules.addColumn(c);
        }
        if (change instanceof DropColumn c) {
            return ColumnRules.dropColumn(c);
        }
        if (change instanceof RenameColumn c) {
            return ColumnRules.renameColumn(c);
        }
        if (change instanceof ModifyColumn c) {
            return ColumnRules.modifyColumn(dialect, c);
        }
        // keys and constraints
        if (change instanceof AddPrimaryKey c) {
            return ConstraintRules.addPrimaryKey(c);
        }
        if (change instanceof DropPrimaryKey c) {
            return ConstraintRules.dropPrimaryKey(c);
        }
        if (change instanceof ModifyPrimaryKey c) {
            return ConstraintRules.modifyPrimaryKey(c);
        }
        if (change instanceof AddUnique c) {
            return ConstraintRules.addUnique(c);
        }
        if (change instanceof DropUnique c) {
            return ConstraintRules.dropUnique(c);
        }
        if (change instanceof AddCheck c) {
            return ConstraintRules.addCheck(c);
        }
        if (change instanceof DropCheck c) {
            return ConstraintRules.dropCheck(c);
        }
        if (change instanceof ModifyCheck c) {
            return ConstraintRules.modifyCheck(c);
        }
        if (change instanceof AddForeignKey c) {
            return ConstraintRules.addForeignKey(c);
        }
        if (change instanceof DropForeignKey c) {
            return ConstraintRules.dropForeignKey(c);
        }
        if (change instanceof ModifyForeignKey c) {
            return ConstraintRules.modifyForeignKey(c);
        }
        // indexes
        if (change instanceof AddIndex c) {
            return IndexRules.addIndex(c);
        }
        if (change instanceof DropIndex c) {
            return IndexRules.dropIndex(c);
        }
        if (change instanceof ModifyIndex c) {
            return IndexRules.modifyIndex(c);
        }
        // views
        if (change instanceof AddView c) {
            return ViewRules.addView(c);
        }
        if (change instanceof DropView c) {
            return ViewRules.dropView(c);
        }
        if (change instanceof RenameView c) {
            return ViewRules.renameView(c);
        }
        if (change instanceof ModifyView c) {
            return ViewRules.modifyView(c);
        }
        // enum types
        if (change instanceof AddEnum c) {
            return EnumRules.addEnum(c);
        }
        if (change instanceof DropEnum c) {
            return EnumRules.dropEnum(c);
        }
        if (change instanceof ModifyEnum c) {
            return EnumRules.modifyEnum(c);
        }
        throw new IllegalStateException("no compatibility rule handles " + change.getClass().getName());
    }
}
