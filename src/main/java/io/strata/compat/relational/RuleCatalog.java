package io.strata.compat.relational;

import io.strata.error.StrataException;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * RuleCatalog is the registry of every relational rule, in documentation order (family by family). Each
 * code is registered exactly once: a second registration fails the class initialization, so two rules can
 * never share a code.
 */
public final class RuleCatalog {

    private static final Map<String, Rule> BY_CODE = register(Stream.of(
                    ObjectRules.RULES, TableRules.RULES, ViewRules.RULES, ColumnRules.RULES,
                    ColumnTypeRules.RULES, NullabilityRules.RULES, DefaultRules.RULES, GenerationRules.RULES,
                    ConstraintRules.RULES, IndexRules.RULES, EnumRules.RULES, DefinedObjectRules.RULES)
            .flatMap(Collection::stream).toList());

    private RuleCatalog() {
    }

    /** Every rule, in documentation order. */
    public static List<Rule> all() {
        return List.copyOf(BY_CODE.values());
    }

    /**
     * The rule with {@code code}.
     *
     * @throws StrataException BAD_INPUT when no rule has that code
     */
    public static Rule byCode(String code) {
        Rule rule = BY_CODE.get(code);
        if (rule == null) {
            throw StrataException.badInput("no compatibility rule has code \"" + code + "\"");
        }
        return rule;
    }

    /** Indexes {@code rules} by code, refusing a code registered twice. */
    static Map<String, Rule> register(List<Rule> rules) {
        Map<String, Rule> byCode = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byCode.putIfAbsent(rule.code(), rule) != null) {
                throw new IllegalStateException("compatibility rule code \"" + rule.code() + "\" is registered twice");
            }
        }
        return Collections.unmodifiableMap(byCode);
    }
}
