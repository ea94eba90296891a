package io.strata.compat;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Effects builds and describes the per-role effect maps that rules and findings carry. */
public final class Effects {

    private Effects() {
    }

    /** An immutable map, in role order, from the four effects given in {@link Role} order. */
    public static Map<Role, Effect> of(Effect oldReader, Effect oldWriter, Effect newReader, Effect newWriter) {
        EnumMap<Role, Effect> map = new EnumMap<>(Role.class);
        map.put(Role.OLD_READER, oldReader);
        map.put(Role.OLD_WRITER, oldWriter);
        map.put(Role.NEW_READER, newReader);
        map.put(Role.NEW_WRITER, newWriter);
        return Collections.unmodifiableMap(map);
    }

    /** Every role unaffected. */
    public static Map<Role, Effect> allOk() {
        return of(Effect.OK, Effect.OK, Effect.OK, Effect.OK);
    }

    /**
     * An immutable copy in role order; every role must be present, since a finding that forgets a role
     * would silently pass a check.
     */
    public static Map<Role, Effect> copyOf(Map<Role, Effect> effects) {
        EnumMap<Role, Effect> map = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Effect effect = effects.get(role);
            if (effect == null) {
                throw new IllegalArgumentException("no effect given for role " + role);
            }
            map.put(role, effect);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Words for a message: {@code breaks old reader, old writer; data-dependent for new writer}, or
     * {@code compatible for every role}.
     */
    public static String describe(Map<Role, Effect> effects) {
        String breaks = rolesWith(effects, Effect.BREAKS);
        String data = rolesWith(effects, Effect.DATA_DEPENDENT);
        if (breaks.isEmpty() && data.isEmpty()) {
            return "compatible for every role";
        }
        if (data.isEmpty()) {
            return "breaks " + breaks;
        }
        if (breaks.isEmpty()) {
            return "data-dependent for " + data;
        }
        return "breaks " + breaks + "; data-dependent for " + data;
    }

    /** The compact form of the rule table: {@code OR ok, OW breaks, NR data, NW ok}. */
    public static String abbreviate(Map<Role, Effect> effects) {
        return effects.entrySet().stream()
                .map(e -> e.getKey().abbreviation() + " " + e.getValue().label())
                .collect(Collectors.joining(", "));
    }

    private static String rolesWith(Map<Role, Effect> effects, Effect wanted) {
        return effects.entrySet().stream()
                .filter(e -> e.getValue() == wanted)
                .map(e -> e.getKey().label())
                .collect(Collectors.joining(", "));
    }
}
