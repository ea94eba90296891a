package io.strata.plan.lint;

import io.strata.model.Table;
import io.strata.model.ValueFit;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCheck;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.AddForeignKey;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.AddPrimaryKey;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.ModifyCheck;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;
import io.strata.model.IndexPart;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DataDependentAnalyzer finds the steps that succeed on an empty table but may fail on the rows a
 * table already holds: a new constraint is validated against them, a narrower type must fit them.
 */
public final class DataDependentAnalyzer implements Analyzer {

    public static final LintRule UNIQUE_ON_EXISTING = new LintRule("DD101", Family.DATA_DEPENDENT,
            "unique key on existing columns");
    public static final LintRule NOT_NULL_ON_EXISTING = new LintRule("DD102", Family.DATA_DEPENDENT,
            "NOT NULL on an existing nullable column");
    public static final LintRule CHECK_ON_EXISTING = new LintRule("DD103", Family.DATA_DEPENDENT,
            "check constraint on an existing table");
    public static final LintRule FOREIGN_KEY_ON_EXISTING = new LintRule("DD104", Family.DATA_DEPENDENT,
            "foreign key on an existing table");
    public static final LintRule NARROWING_TYPE = new LintRule("DD105", Family.DATA_DEPENDENT,
            "type change that fails on values that do not fit");
    public static final LintRule REQUIRED_COLUMN = new LintRule("DD106", Family.DATA_DEPENDENT,
            "NOT NULL column without default added to an existing table");

    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\bNOT\\s+VALID\\b");

    @Override
    public List<LintRule> rules() {
        return List.of(UNIQUE_ON_EXISTING, NOT_NULL_ON_EXISTING, CHECK_ON_EXISTING, FOREIGN_KEY_ON_EXISTING,
                NARROWING_TYPE, REQUIRED_COLUMN);
    }

    @Override
    public List<Diagnostic> analyze(LintPass pass) {
        List<Diagnostic> out = new ArrayList<>();
        for (SchemaChange change : pass.changes()) {
            Optional<Table> before = pass.tableBefore(change);
            if (before.isPresent()) {
                diagnose(change, before.get(), pass).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Diagnostic> diagnose(SchemaChange change, Table before, LintPass pass) {
        String where = change.location();
        List<String> uniqueColumns = uniqueColumns(change);
        if (uniqueColumns != null && uniqueColumns.stream().anyMatch(c -> before.column(c).isPresent())) {
            return Optional.of(UNIQUE_ON_EXISTING.at(where, "adds a unique key on " + uniqueColumns + " of "
                    + change.tableLocation() + ": it fails if existing rows hold duplicates", pass.firstStepOf(change)));
        }
        if (addedWithoutValidation(change, pass)) {
            return Optional.empty();
        }
        if (change instanceof AddCheck || change instanceof ModifyCheck) {
            return Optional.of(CHECK_ON_EXISTING.at(where, "adds check " + where
                    + ": it fails if an existing row violates it", pass.firstStepOf(change)));
        }
        if (change instanceof AddForeignKey || change instanceof ModifyForeignKey) {
            return Optional.of(FOREIGN_KEY_ON_EXISTING.at(where, "adds foreign key " + where
                    + ": it fails if an existing row references a missing key", pass.firstStepOf(change)));
        }
        // MySQL fills the existing rows with the type's implicit default (0, '', a zero date) instead of failing;
        // the old writers that now fail are BC103's.
        if (change instanceof AddColumn c && !c.column().canBeOmittedOnInsert() && !pass.mysql()) {
            return Optional.of(REQUIRED_COLUMN.at(where, "adds NOT NULL column " + where
                    + " without a default: it fails if the table has rows", pass.firstStepOf(change)));
        }
        if (change instanceof ModifyColumn c) {
            return modifyColumn(c, pass);
        }
        return Optional.empty();
    }

    private static Optional<Diagnostic> modifyColumn(ModifyColumn c, LintPass pass) {
        String where = c.location();
        if (c.kinds().contains(ColumnChangeKind.NULLABILITY) && c.from().nullable() && !c.to().nullable()) {
            return Optional.of(NOT_NULL_ON_EXISTING.at(where, "sets " + where
                    + " NOT NULL: it fails if an existing row holds NULL", pass.firstStepOf(c)));
        }
        if (c.kinds().contains(ColumnChangeKind.TYPE)
                && ValueFit.of(pass.plan().dialect(), c.from().type(), c.to().type()).refuses()) {
            return Optional.of(NARROWING_TYPE.at(where, "changes " + where + " from " + c.from().type().sql()
                    + " to " + c.to().type().sql() + ": it fails on values that do not fit", pass.firstStepOf(c)));
        }
        return Optional.empty();
    }

    /**
     * Whether a new check or foreign key is added {@code NOT VALID} and nothing in the migration validates it: the
     * rows already there are then not checked (the later {@code VALIDATE CONSTRAINT} is where it can fail). A planned
     * migration always validates what it adds NOT VALID; a hand-written file may leave that to a later one.
     */
    private static boolean addedWithoutValidation(SchemaChange change, LintPass pass) {
        if (!(change instanceof AddCheck || change instanceof AddForeignKey) || pass.mysql()) {
            return false;
        }
        Step added = pass.firstStepOf(change);
        if (added == null || !NOT_VALID.matcher(added.sql()).find()) {
            return false;
        }
        String name = ((SchemaChange.InTable) change).elementName();
        Pattern validates = Pattern.compile("(?i)\\bVALIDATE\\s+CONSTRAINT\\s+\"?" + Pattern.quote(name) + "\"?(?![\\w$])");
        return pass.plan().steps().stream().noneMatch(s -> validates.matcher(s.sql()).find());
    }

    /** The columns of a new unique key or primary key, or null when the change adds none. */
    private static List<String> uniqueColumns(SchemaChange change) {
        if (change instanceof AddUnique c) {
            return c.unique().columns();
        }
        if (change instanceof AddPrimaryKey c) {
            return c.key().columns();
        }
        if (change instanceof ModifyPrimaryKey c) {
            return c.to().columns();
        }
        if (change instanceof AddIndex c && c.index().unique()) {
            return indexColumns(c.index().parts());
        }
        if (change instanceof ModifyIndex c && c.to().unique() && !c.from().unique()) {
            return indexColumns(c.to().parts());
        }
        return null;
    }

    private static List<String> indexColumns(List<IndexPart> parts) {
        return parts.stream().map(IndexPart::column).filter(Objects::nonNull).toList();
    }
}
