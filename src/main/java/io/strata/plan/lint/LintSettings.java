package io.strata.plan.lint;

import io.strata.error.StrataException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LintSettings are the user's choices for one run: severities that replace the rules' defaults
 * (from {@code strata.yaml}) and the suppressions of the desired schema's SQL.
 */
public record LintSettings(Map<String, Severity> severities, Suppressions suppressions) {

    public static final LintSettings DEFAULTS = new LintSettings(Map.of(), Suppressions.NONE);

    public LintSettings {
        severities = Map.copyOf(severities);
    }

    /**
     * Settings from the parsed {@code strata.yaml} ({@code null} when there is none): only the {@code lint}
     * section is read, and in it only {@code severity}; anything else is BAD_INPUT naming the key.
     */
    public static LintSettings fromConfig(Map<?, ?> config, LintRules rules) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        Object lint = config == null ? null : config.get("lint");
        if (lint == null) {
            return DEFAULTS;
        }
        Map<?, ?> section = requireMap("lint", lint);
        for (Map.Entry<?, ?> entry : section.entrySet()) {
            if (!"severity".equals(entry.getKey())) {
                throw StrataException.badInput("\"lint." + entry.getKey() + "\": unknown key, expected \"severity\"");
            }
            for (Map.Entry<?, ?> rule : requireMap("lint.severity", entry.getValue()).entrySet()) {
                String key = "lint.severity." + rule.getKey();
                String code = rules.require(key, String.valueOf(rule.getKey())).code();
                severities.put(code, severity(key, rule.getValue()));
            }
        }
        return new LintSettings(severities, Suppressions.NONE);
    }

    public LintSettings withSuppressions(Suppressions value) {
        return new LintSettings(severities, value);
    }

    /** The severity {@code d} ends with: the configured one, else its own. */
    Severity severityOf(Diagnostic d) {
        return severities.getOrDefault(d.code(), d.severity());
    }

    /** YAML 1.1 reads an unquoted {@code off} as the boolean false; it still means {@link Severity#OFF}. */
    private static Severity severity(String key, Object value) {
        if (Boolean.FALSE.equals(value)) {
            return Severity.OFF;
        }
        return Severity.parse(key, value == null ? null : value.toString());
    }

    private static Map<?, ?> requireMap(String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw StrataException.badInput("\"" + key + "\": expected a mapping, got " + value);
    }
}
