package io.strata.compat;

import io.strata.model.change.SchemaChange;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Finding is one classified change: the rule that matched (its stable {@code code}), where, what it
 * does to each role, and why, with the safe recipe that reaches the same result. Compatible changes get
 * findings too, with every effect {@link Effect#OK}.
 *
 * @param code     the matching rule's stable code, e.g. {@code COLUMN_DROPPED}
 * @param change   the relational change classified, or null for a record format's incompatibility
 * @param location {@code schema.table.column} (or the object's qualified name)
 * @param effects  the effect on each of the four roles, in role order
 * @param message  one sentence naming the object and the roles it breaks
 * @param why      the reasoning behind the effects
 * @param recipe   the expand/contract steps that reach the same result safely
 */
public record Finding(String code, SchemaChange change, String location, Map<Role, Effect> effects,
                      String message, String why, String recipe) {

    public Finding {
        Objects.requireNonNull(code, "code");
        effects = Effects.copyOf(effects);
    }

    /** Roles whose effect is BREAKS or DATA_DEPENDENT, in role order. */
    public Set<Role> breaks() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        effects.forEach((role, effect) -> {
            if (effect != Effect.OK) {
                roles.add(role);
            }
        });
        return Collections.unmodifiableSet(roles);
    }

    /** True when some role is DATA_DEPENDENT and none BREAKS: reported, but never failing a check. */
    public boolean dataDependent() {
        return effects.containsValue(Effect.DATA_DEPENDENT) && !effects.containsValue(Effect.BREAKS);
    }

    /** The simple name of the change's type, e.g. {@code DropColumn}; {@code RecordIncompatibility} for a record format. */
    public String type() {
        return change == null ? "RecordIncompatibility" : change.getClass().getSimpleName();
    }

    /** Whether some role in {@code roles} certainly breaks; DATA_DEPENDENT alone does not count. */
    public boolean breaksAny(Set<Role> roles) {
        return roles.stream().anyMatch(role -> effects.get(role) == Effect.BREAKS);
    }
}
