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
        Classifier classifier = new Classifier(dialect);
        return changes.stream().flatMap(change -> change.accept(classifier).stream()).toList();
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
     * Hands each change to the rules of its kind. Implementing the whole {@link SchemaChange.Visitor} means
     * a new kind of change does not compile until it has a rule.
     */
    private static final class Classifier implements SchemaChange.Visitor<List<Finding>> {

        private final String dialect;

        Classifier(String dialect) {
            this.dialect = dialect;
        }

        // schemas, extensions, sequences
        @Override
        public List<Finding> visitAddSchema(AddSchema c) {
            return ObjectRules.addSchema(c);
        }

        @Override
        public List<Finding> visitDropSchema(DropSchema c) {
            return ObjectRules.dropSchema(c);
        }

        @Override
        public List<Finding> visitModifySchema(ModifySchema c) {
            return ObjectRules.modifySchema(c);
        }

        @Override
        public List<Finding> visitAddExtension(AddExtension c) {
            return ObjectRules.addExtension(c);
        }

        @Override
        public List<Finding> visitDropExtension(DropExtension c) {
            return ObjectRules.dropExtension(c);
        }

        @Override
        public List<Finding> visitAddSequence(AddSequence c) {
            return ObjectRules.addSequence(c);
        }

        @Override
        public List<Finding> visitDropSequence(DropSequence c) {
            return ObjectRules.dropSequence(c);
        }

        @Override
        public List<Finding> visitModifySequence(ModifySequence c) {
            return ObjectRules.modifySequence(c);
        }

        // collations
        @Override
        public List<Finding> visitAddCollation(AddCollation c) {
            return ObjectRules.addCollation(c);
        }

        @Override
        public List<Finding> visitDropCollation(DropCollation c) {
            return ObjectRules.dropCollation(c);
        }

        @Override
        public List<Finding> visitModifyCollation(ModifyCollation c) {
            return ObjectRules.modifyCollation(c);
        }

        // functions, procedures, triggers, policies, grants, events
        @Override
        public List<Finding> visitAddObject(SchemaChange.AddObject c) {
            return DefinedObjectRules.addObject(c);
        }

        @Override
        public List<Finding> visitDropObject(SchemaChange.DropObject c) {
            return DefinedObjectRules.dropObject(c);
        }

        @Override
        public List<Finding> visitModifyObject(SchemaChange.ModifyObject c) {
            return DefinedObjectRules.modifyObject(c);
        }

        // tables
        @Override
        public List<Finding> visitAddTable(AddTable c) {
            return TableRules.addTable(c);
        }

        @Override
        public List<Finding> visitDropTable(DropTable c) {
            return TableRules.dropTable(c);
        }

        @Override
        public List<Finding> visitRenameTable(RenameTable c) {
            return TableRules.renameTable(c);
        }

        @Override
        public List<Finding> visitModifyTable(ModifyTable c) {
            return TableRules.modifyTable(c);
        }

        // columns
        @Override
        public List<Finding> visitAddColumn(AddColumn c) {
            return ColumnRules.addColumn(c);
        }

        @Override
        public List<Finding> visitDropColumn(DropColumn c) {
            return ColumnRules.dropColumn(c);
        }

        @Override
        public List<Finding> visitRenameColumn(RenameColumn c) {
            return ColumnRules.renameColumn(c);
        }

        @Override
        public List<Finding> visitModifyColumn(ModifyColumn c) {
            return ColumnRules.modifyColumn(dialect, c);
        }

        // keys and constraints
        @Override
        public List<Finding> visitAddPrimaryKey(AddPrimaryKey c) {
            return ConstraintRules.addPrimaryKey(c);
        }

        @Override
        public List<Finding> visitDropPrimaryKey(DropPrimaryKey c) {
            return ConstraintRules.dropPrimaryKey(c);
        }

        @Override
        public List<Finding> visitModifyPrimaryKey(ModifyPrimaryKey c) {
            return ConstraintRules.modifyPrimaryKey(c);
        }

        @Override
        public List<Finding> visitAddUnique(AddUnique c) {
            return ConstraintRules.addUnique(c);
        }

        @Override
        public List<Finding> visitDropUnique(DropUnique c) {
            return ConstraintRules.dropUnique(c);
        }

        @Override
        public List<Finding> visitAddCheck(AddCheck c) {
            return ConstraintRules.addCheck(c);
        }

        @Override
        public List<Finding> visitDropCheck(DropCheck c) {
            return ConstraintRules.dropCheck(c);
        }

        @Override
        public List<Finding> visitModifyCheck(ModifyCheck c) {
            return ConstraintRules.modifyCheck(c);
        }

        @Override
        public List<Finding> visitAddForeignKey(AddForeignKey c) {
            return ConstraintRules.addForeignKey(c);
        }

        @Override
        public List<Finding> visitDropForeignKey(DropForeignKey c) {
            return ConstraintRules.dropForeignKey(c);
        }

        @Override
        public List<Finding> visitModifyForeignKey(ModifyForeignKey c) {
            return ConstraintRules.modifyForeignKey(c);
        }

        // indexes
        @Override
        public List<Finding> visitAddIndex(AddIndex c) {
            return IndexRules.addIndex(c);
        }

        @Override
        public List<Finding> visitDropIndex(DropIndex c) {
            return IndexRules.dropIndex(c);
        }

        @Override
        public List<Finding> visitModifyIndex(ModifyIndex c) {
            return IndexRules.modifyIndex(c);
        }

        // views
        @Override
        public List<Finding> visitAddView(AddView c) {
            return ViewRules.addView(c);
        }

        @Override
        public List<Finding> visitDropView(DropView c) {
            return ViewRules.dropView(c);
        }

        @Override
        public List<Finding> visitRenameView(RenameView c) {
            return ViewRules.renameView(c);
        }

        @Override
        public List<Finding> visitModifyView(ModifyView c) {
            return ViewRules.modifyView(c);
        }

        // enum types
        @Override
        public List<Finding> visitAddEnum(AddEnum c) {
            return EnumRules.addEnum(c);
        }

        @Override
        public List<Finding> visitDropEnum(DropEnum c) {
            return EnumRules.dropEnum(c);
        }

        @Override
        public List<Finding> visitModifyEnum(ModifyEnum c) {
            return EnumRules.modifyEnum(c);
        }
    }
}
