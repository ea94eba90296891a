package io.strata.plan.lint;

import io.strata.model.ValueFit;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.DropSchema;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.ModifyColumn;

import java.util.ArrayList;
import java.util.List;

/** DestructiveAnalyzer finds the changes that lose stored data: what a plain reverse cannot bring back. */
public final class DestructiveAnalyzer implements Analyzer {

    public static final LintRule DROP_TABLE = new LintRule("DS101", Family.DESTRUCTIVE, "drop table");
    public static final LintRule DROP_COLUMN = new LintRule("DS102", Family.DESTRUCTIVE, "drop column");
    public static final LintRule DROP_SCHEMA = new LintRule("DS103", Family.DESTRUCTIVE, "drop schema");
    public static final LintRule LOSSY_TYPE = new LintRule("DS104", Family.DESTRUCTIVE,
            "type change that rounds, cuts or shifts stored values");
    public static final LintRule DROP_SEQUENCE = new LintRule("DS105", Family.DESTRUCTIVE, "drop sequence");

    @Override
    public List<LintRule> rules() {
        return List.of(DROP_TABLE, DROP_COLUMN, DROP_SCHEMA, LOSSY_TYPE, DROP_SEQUENCE);
    }

    @Override
    public List<Diagnostic> analyze(LintPass pass) {
        List<Diagnostic> out = new ArrayList<>();
        for (SchemaChange change : pass.changes()) {
            String where = change.location();
            if (change instanceof DropTable c) {
                out.add(DROP_TABLE.at(where, "drops table " + where + " and every row in it",
                        pass.firstStepOf(change)));
            } else if (change instanceof DropColumn c) {
                out.add(DROP_COLUMN.at(where, "drops column " + where + " and its values", pass.firstStepOf(change)));
            } else if (change instanceof DropSchema c) {
                out.add(DROP_SCHEMA.at(where, "drops schema " + where + " with everything in it",
                        pass.firstStepOf(change)));
            } else if (change instanceof DropSequence c) {
                out.add(DROP_SEQUENCE.at(where, "drops sequence " + where + " and its current value",
                        pass.firstStepOf(change)));
            } else if (change instanceof ModifyColumn c && c.kinds().contains(ColumnChangeKind.TYPE)) {
                ValueFit fit = ValueFit.of(pass.plan().dialect(), c.from().type(), c.to().type());
                if (fit.changesSilently()) {
                    out.add(LOSSY_TYPE.at(where, "changes " + where + " from " + c.from().type().sql() + " to "
                            + c.to().type().sql() + ", which " + (fit.reading() == ValueFit.Reading.REZONED
                            ? "reads the stored values in the session time zone" : "rounds or cuts the stored values"),
                            pass.firstStepOf(change)));
                }
            }
        }
        return out;
    }
}
