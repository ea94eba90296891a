package io.strata.migrate;

import io.strata.plan.PhaseKind;

import java.util.List;

/**
 * An ApplyResult is how one migration run against a target ended, as data the CLI prints.
 *
 * @param version           the version applied, resumed or refused, or null when nothing was to do
 * @param statementsApplied statements of that version that have run, this run and earlier ones
 * @param message           for people: what happened, naming the version and statement on failure
 * @param drift             on {@link Outcome#DRIFT}, each difference between the expected and the live schema
 * @param nextPhase         after one phase of a plan succeeded, the phase to apply next (after the deploy the
 *                          message names), or null; the caller says how to apply it
 */
public record ApplyResult(Outcome outcome, String version, int statementsApplied, int statementsTotal,
                          String message, List<String> drift, PhaseKind nextPhase) {

    /** How a run ended. */
    public enum Outcome {
        /** Every statement ran and is recorded. */
        APPLIED,
        /** The target was already there; nothing ran. */
        UP_TO_DATE,
        /** The live schema is not the one expected; nothing ran. */
        DRIFT,
        /** Another migrator kept the lock; nothing ran. */
        LOCKED,
        /**
         * Refused before its first statement, nothing ran and nothing was recorded: the pre-flight data checks found
         * rows a step would fail on, a rollback found a statement it cannot take back, or the person at the prompt
         * said no.
         */
        REFUSED,
        /** A statement failed; the message and the history say what was reverted and what stands. */
        FAILED,
        /**
         * The plan ran and was undone, or ran on a scratch copy, or was only listed ({@code migrate --dry-run}); the
         * target is as it was.
         */
        DRY_RUN
    }

    public ApplyResult {
        drift = drift == null ? List.of() : List.copyOf(drift);
    }

    public ApplyResult(Outcome outcome, String version, int statementsApplied, int statementsTotal, String message,
                       List<String> drift) {
        this(outcome, version, statementsApplied, statementsTotal, message, drift, null);
    }

    public boolean ok() {
        return outcome == Outcome.APPLIED || outcome == Outcome.UP_TO_DATE || outcome == Outcome.DRY_RUN;
    }

    /** This result with the pre-flight estimates (see {@link PreFlightSizing}) before its message. */
    public ApplyResult withPreflight(List<String> lines) {
        if (lines.isEmpty()) {
            return this;
        }
        return new ApplyResult(outcome, version, statementsApplied, statementsTotal,
                "pre-flight:\n  " + String.join("\n  ", lines) + "\n" + message, drift, nextPhase);
    }

    /**
     * A dry run's result with what the pre-flight data checks found on the target itself ({@code report} null: they
     * were skipped): a step that would fail on the target's rows fails the dry run as it would refuse the apply.
     */
    public ApplyResult withTargetChecks(DataCheckReport report) {
        StringBuilder text = new StringBuilder(message);
        if (report == null) {
            text.append("\n  data checks on the target: skipped (--skip-data-checks)");
        } else if (report.checked() == 0) {
            text.append("\n  data checks on the target: none needed, no step depends on its rows");
        } else if (report.passed()) {
            text.append("\n  data checks on the target: passed (").append(report.checked()).append(report.checked() == 1
                    ? " check" : " checks").append(" on its rows)");
        } else {
            text.append("\n  data checks on the target: ").append(report.violations().size())
                    .append(" step(s) would fail on its rows; applying would be refused:");
            report.violations().forEach(v -> text.append("\n  ").append(v.message()));
        }
        report = report == null ? new DataCheckReport(0, List.of(), List.of()) : report;
        report.unchecked().forEach(line -> text.append("\n  ").append(line));
        Outcome refused = report.passed() || !ok() ? outcome : Outcome.REFUSED;
        return new ApplyResult(refused, version, statementsApplied, statementsTotal, text.toString(), drift, nextPhase);
    }

    /** Version {@code version} refused before its first statement: each step that would fail, on a line of its own. */
    public static ApplyResult refused(String version, int statementsTotal, DataCheckReport report) {
        StringBuilder message = new StringBuilder("version " + version + " refused: " + report.violations().size()
                + " step(s) would fail on the rows of the target; nothing was run");
        for (DataViolation v : report.violations()) {
            message.append("\n  ").append(v.message());
        }
        for (String line : report.unchecked()) {
            message.append("\n  ").append(line);
        }
        message.append("\n  fix those rows (or the desired schema) and apply again; --skip-data-checks runs the plan unchecked");
        return new ApplyResult(Outcome.REFUSED, version, 0, statementsTotal, message.toString(), List.of());
    }

    /** Version {@code version} not run: the person at the prompt answered no. Nothing ran and nothing was recorded. */
    public static ApplyResult declined(String version, int statementsTotal) {
        return new ApplyResult(Outcome.REFUSED, version, 0, statementsTotal, (version == null ? "the rollback"
                : "version " + version) + " was refused at the prompt; nothing was run", List.of());
    }

    public static ApplyResult upToDate(String message) {
        return new ApplyResult(Outcome.UP_TO_DATE, null, 0, 0, message, List.of());
    }

    public static ApplyResult locked(String message) {
        return new ApplyResult(Outcome.LOCKED, null, 0, 0, message, List.of());
    }
}
