package io.strata.plan.lint;

import io.strata.error.StrataException;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LintRules is the registry of lint rules by code. A code is registered once: two rules under one code
 * would make configuration and {@code strata:nolint} comments ambiguous.
 */
public final class LintRules {

    private final Map<String, LintRule> byCode = new LinkedHashMap<>();

    /** Every rule Strata knows: the analyzers' and the backward-incompatible codes. */
    public static LintRules standard() {
        LintRules rules = new LintRules();
        Linter.ANALYZERS.forEach(a -> a.rules().forEach(rules::register));
        BackwardIncompatibleRules.rules().forEach(rules::register);
        return rules;
    }

    /** Adds {@code rule}; a code already registered is a programming error. */
    public LintRules register(LintRule rule) {
        LintRule previous = byCode.putIfAbsent(rule.code(), rule);
        if (previous != null) {
            throw new IllegalStateException("lint code " + rule.code() + " registered twice: \""
                    + previous.title() + "\" and \"" + rule.title() + "\"");
        }
        return this;
    }

    /** The rule of {@code code}, or BAD_INPUT naming {@code key}, where the code was written. */
    public LintRule require(String key, String code) {
        LintRule rule = byCode.get(code);
        if (rule == null) {
            throw StrataException.badInput("\"" + key + "\": unknown lint code \"" + code + "\"");
        }
        return rule;
    }

    /** The rules in registration order (family by family, by code). */
    public Collection<LintRule> all() {
        return Collections.unmodifiableCollection(byCode.values());
    }
}
