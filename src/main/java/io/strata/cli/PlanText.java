package io.strata.cli;

import io.strata.app.PlanMigration;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.Reverse;
import io.strata.plan.SqlComments;
import io.strata.plan.Step;

import java.io.PrintWriter;

/**
 * PlanText prints a plan for people (phases, numbered steps with lock impact and reverse, the deploys
 * between phases) or as a SQL script with the phases as comments. Descriptions name the user's objects, so they go
 * through {@link SqlComments}: a name holding a line break cannot end a comment or forge a line.
 */
final class PlanText {

    private final Ansi ansi;

    PlanText(Ansi ansi) {
        this.ansi = ansi;
    }

    void print(PlanMigration.Result result, PrintWriter out) {
        MigrationPlan plan = result.plan();
        out.println(ansi.bold(result.from().label() + " -> " + result.to().label()));
        if (plan.isEmpty()) {
            out.println("  no changes: nothing to do");
            return;
        }
        print(plan, out);
    }

    /** The plan's summary line, then its phases and numbered steps. */
    void print(MigrationPlan plan, PrintWriter out) {
        out.printf("%s %s: %d steps in %d phase(s); %s, %s%n", plan.dialect(), plan.serverVersion(),
                plan.steps().size(), plan.phases().size(),
                plan.reversible() ? ansi.green("reversible") : ansi.yellow("not reversible"),
                plan.transactional() ? "transactional" : "not transactional as a whole");
        int n = 0;
        for (Phase phase : plan.phases()) {
            out.println(ansi.bold(phase.kind().name()) + (phase.transactional() ? " (one transaction)" : ""));
            for (Step step : phase.steps()) {
                n++;
                String lock = step.lock().lock() + (step.lock().rewrite() ? ", rewrites the table" : "")
                        + (step.lock().scan() ? ", scans the table" : "")
                        + (step.transactional() ? "" : ", outside a transaction");
                out.printf("  %d. %s  [%s]%n", n, SqlComments.text(step.description()), lock);
                out.println(indented("     ", step.sql() + ";"));
                if (step.reverse() instanceof Reverse.Sql sql && sql.statements().isEmpty()) {
                    out.println("     reverse: nothing to undo");
                } else if (step.reverse() instanceof Reverse.Sql sql) {
                    out.println(indented("     ", "reverse: " + String.join(";\n", sql.statements()) + ";"));
                } else if (step.reverse() instanceof Reverse.Irreversible irreversible) {
                    out.println("     " + ansi.yellow("irreversible: ") + SqlComments.text(irreversible.reason()));
                }
            }
            if (phase.deployAfter() != null) {
                out.println("  " + ansi.bold("then deploy: ") + SqlComments.text(phase.deployAfter()));
            }
        }
    }

    /** Multi-line SQL (view definitions) keeps the step's indentation on every line. */
    private static String indented(String prefix, String text) {
        return prefix + text.replace("\n", "\n" + prefix);
    }

    /**
     * The statement as a script line. A MySQL statement with semicolons of its own (a procedure's or trigger's body)
     * is fenced with the mysql client's DELIMITER lines, which the mysql client and Strata's own reading of
     * scripts both take as one statement.
     */
    static String terminated(String dialect, String sql) {
        if (!dialect.equals("mysql") || !sql.contains(";")) {
            return sql + ";";
        }
        String fence = "$$";
        while (sql.contains(fence)) {
            fence += "$";
        }
        return "DELIMITER " + fence + "\n" + sql + fence + "\nDELIMITER ;";
    }

    static void printSql(MigrationPlan plan, PrintWriter out) {
        for (Phase phase : plan.phases()) {
            out.println(SqlComments.line("strata:phase " + phase.kind().name()));
            for (Step step : phase.steps()) {
                out.println(SqlComments.line(step.description()));
                out.println(terminated(plan.dialect(), step.sql()));
            }
            if (phase.deployAfter() != null) {
                out.println(SqlComments.line("then deploy: " + phase.deployAfter()));
            }
            out.println();
        }
    }
}
