package io.strata.plan.lint;

import io.strata.plan.Step;

import java.util.Objects;

/**
 * A LintRule is one hazard Strata detects, under a stable code ({@code DS102}) that configuration and
 * {@code strata:nolint} comments name.
 *
 * @param title what the rule detects, in a few words
 */
public record LintRule(String code, Family family, String title) {

    public LintRule {
        Objects.requireNonNull(title, "title");
        if (!code.matches(family.prefix() + "\\d{3}")) {
            throw new IllegalArgumentException("rule code " + code + " does not match family " + family);
        }
    }

    public Severity defaultSeverity() {
        return family.defaultSeverity();
    }

    /** A diagnostic of this rule at its default severity; configuration may change the severity later. */
    public Diagnostic at(String location, String message, Step step) {
        return new Diagnostic(code, defaultSeverity(), message, location, step);
    }
}
