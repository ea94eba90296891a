package io.strata.compat.relational;

import io.strata.compat.Effect;
import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.model.change.SchemaChange;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Rule is one documented relational compatibility rule: a stable code, what it detects, its fixed effect
 * on each role, a message template, the reasoning and the safe recipe. Rules are registered once in the
 * {@link RuleCatalog}, and {@code docs/compatibility.md} lists them.
 *
 * @param code        stable UPPER_SNAKE code, e.g. {@code COLUMN_DROPPED}
 * @param title       a few words: {@code Column dropped}
 * @param description what the rule detects, one sentence
 * @param recipe      the expand/contract steps that reach the same result safely
 * @param why         the reasoning behind each role's effect
 * @param message     template of the finding's message; {@code {location}} is the change's location, other
 *                    {@code {name}} placeholders are filled from the values given to {@link #finding}
 * @param effects     the effect on each role, in role order
 */
public record Rule(String code, String title, String description, String recipe, String why, String message,
                   Map<Role, Effect> effects) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    public Rule {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("rule code \"" + code + "\" is not UPPER_SNAKE");
        }
        Objects.requireNonNull(title, "title of rule " + code);
        Objects.requireNonNull(description, "description of rule " + code);
        Objects.requireNonNull(recipe, "recipe of rule " + code);
        Objects.requireNonNull(why, "why of rule " + code);
        Objects.requireNonNull(message, "message of rule " + code);
        effects = Effects.copyOf(effects);
    }

    /**
     * The finding this rule makes about {@code change}.
     *
     * @param namesAndValues placeholder names and their values, alternating: {@code "from", "int", "to", "bigint"}
     */
    public Finding finding(SchemaChange change, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("placeholder names and values must alternate");
        }
        Map<String, String> values = new HashMap<>();
        values.put("location", change.location());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        Matcher m = PLACEHOLDER.matcher(message);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("rule " + code + " has no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        m.appendTail(text);
        String sentence = text + " (" + Effects.describe(effects) + ")";
        return new Finding(code, change, change.location(), effects, sentence, why, recipe);
    }
}
