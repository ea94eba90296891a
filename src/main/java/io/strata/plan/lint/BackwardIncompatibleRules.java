package io.strata.plan.lint;

import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;

import java.util.List;

/**
 * BackwardIncompatibleRules are the codes of the changes that break the application versions still
 * running against the new schema (old readers, old writers). They are raised by the application layer
 * from the compatibility findings, since the plan layer does not know the compatibility rules.
 */
public final class BackwardIncompatibleRules {

    public static final LintRule DROPPED = new LintRule("BC101", Family.BACKWARD_INCOMPATIBLE,
            "object dropped while old clients use it");
    public static final LintRule RENAMED = new LintRule("BC102", Family.BACKWARD_INCOMPATIBLE,
            "object renamed in one step");
    public static final LintRule REQUIRED_FOR_OLD_WRITERS = new LintRule("BC103", Family.BACKWARD_INCOMPATIBLE,
            "value old writers do not supply is now required");
    public static final LintRule TYPE_CHANGED = new LintRule("BC104", Family.BACKWARD_INCOMPATIBLE,
            "column type old clients cannot use");
    public static final LintRule OTHER = new LintRule("BC105", Family.BACKWARD_INCOMPATIBLE,
            "other change that breaks old clients");

    private static final SchemaChange.Visitor<LintRule> BY_KIND = new ByKind();

    private BackwardIncompatibleRules() {
    }

    public static List<LintRule> rules() {
        return List.of(DROPPED, RENAMED, REQUIRED_FOR_OLD_WRITERS, TYPE_CHANGED, OTHER);
    }

    /** The code of a change that breaks old clients, chosen by the kind of change. */
    public static LintRule of(SchemaChange change) {
        return change.accept(BY_KIND);
    }

    /**
     * Chooses the code per kind of change. It implements the whole {@link SchemaChange.Visitor}, so a new
     * kind of change does not compile until it is given a code.
     */
    private static final class ByKind implements SchemaChange.Visitor<LintRule> {

        @Override
        public LintRule visitAddSchema(SchemaChange.AddSchema c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropSchema(SchemaChange.DropSchema c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifySchema(SchemaChange.ModifySchema c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddExtension(SchemaChange.AddExtension c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropExtension(SchemaChange.DropExtension c) {
            return DROPPED;
        }

        @Override
        public LintRule visitAddTable(SchemaChange.AddTable c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropTable(SchemaChange.DropTable c) {
            return DROPPED;
        }

        @Override
        public LintRule visitRenameTable(SchemaChange.RenameTable c) {
            return RENAMED;
        }

        @Override
        public LintRule visitModifyTable(SchemaChange.ModifyTable c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddColumn(SchemaChange.AddColumn c) {
            return REQUIRED_FOR_OLD_WRITERS;
        }

        @Override
        public LintRule visitDropColumn(SchemaChange.DropColumn c) {
            return DROPPED;
        }

        @Override
        public LintRule visitRenameColumn(SchemaChange.RenameColumn c) {
            return RENAMED;
        }

        @Override
        public LintRule visitModifyColumn(SchemaChange.ModifyColumn c) {
            if (c.kinds().contains(ColumnChangeKind.TYPE)) {
                return TYPE_CHANGED;
            }
            return c.kinds().contains(ColumnChangeKind.NULLABILITY) || c.kinds().contains(ColumnChangeKind.DEFAULT)
                    ? REQUIRED_FOR_OLD_WRITERS : OTHER;
        }

        @Override
        public LintRule visitAddPrimaryKey(SchemaChange.AddPrimaryKey c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropPrimaryKey(SchemaChange.DropPrimaryKey c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifyPrimaryKey(SchemaChange.ModifyPrimaryKey c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddUnique(SchemaChange.AddUnique c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropUnique(SchemaChange.DropUnique c) {
            return DROPPED;
        }

        @Override
        public LintRule visitAddCheck(SchemaChange.AddCheck c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropCheck(SchemaChange.DropCheck c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifyCheck(SchemaChange.ModifyCheck c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddForeignKey(SchemaChange.AddForeignKey c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropForeignKey(SchemaChange.DropForeignKey c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifyForeignKey(SchemaChange.ModifyForeignKey c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddIndex(SchemaChange.AddIndex c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropIndex(SchemaChange.DropIndex c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifyIndex(SchemaChange.ModifyIndex c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddView(SchemaChange.AddView c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropView(SchemaChange.DropView c) {
            return DROPPED;
        }

        @Override
        public LintRule visitRenameView(SchemaChange.RenameView c) {
            return RENAMED;
        }

        @Override
        public LintRule visitModifyView(SchemaChange.ModifyView c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddEnum(SchemaChange.AddEnum c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropEnum(SchemaChange.DropEnum c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifyEnum(SchemaChange.ModifyEnum c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddSequence(SchemaChange.AddSequence c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropSequence(SchemaChange.DropSequence c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifySequence(SchemaChange.ModifySequence c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddCollation(SchemaChange.AddCollation c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropCollation(SchemaChange.DropCollation c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifyCollation(SchemaChange.ModifyCollation c) {
            return OTHER;
        }

        @Override
        public LintRule visitAddObject(SchemaChange.AddObject c) {
            return OTHER;
        }

        @Override
        public LintRule visitDropObject(SchemaChange.DropObject c) {
            return DROPPED;
        }

        @Override
        public LintRule visitModifyObject(SchemaChange.ModifyObject c) {
            return OTHER;
        }
    }
}
