package io.strata.plan.lint;

import io.strata.plan.Step;

import java.util.Objects;

/**
 * A Diagnostic is one hazard found in a plan: which rule, how severe, where, and the step that carries it.
 *
 * @param location {@code schema.table.column}, the object's qualified name, or the phase
 * @param step     the step at fault, or null when the hazard is in the change rather than one statement
 */
public record Diagnostic(String code, Severity severity, String message, String location, Step step) {

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    public Diagnostic withSeverity(Severity value) {
        return new Diagnostic(code, value, message, location, step);
    }
}
