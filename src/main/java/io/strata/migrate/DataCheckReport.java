package io.strata.migrate;

import java.util.List;

/**
 * A DataCheckReport is what the pre-flight data checks of a plan found.
 *
 * @param violations the steps that would fail on the target's rows; the apply is refused when there is one
 * @param unchecked  the checks that could not finish (a timeout, a query the server refused), for people: the
 *                   step they were about runs unchecked
 */
public record DataCheckReport(int checked, List<DataViolation> violations, List<String> unchecked) {

    public DataCheckReport {
        violations = List.copyOf(violations);
        unchecked = List.copyOf(unchecked);
    }

    public boolean passed() {
        return violations.isEmpty();
    }
}
