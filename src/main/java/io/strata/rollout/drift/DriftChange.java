package io.strata.rollout.drift;

import io.strata.compat.Finding;
import io.strata.compat.Role;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DriftChange is one difference a drift check found, classified like any change: its code, the kind of change,
 * where, which roles it breaks (each role's effect) and the safe recipe. It keeps what a finding says, not the
 * change's model objects, so a stored report reads back whole.
 */
public record DriftChange(String code, String type, String location, List<String> breaks, boolean dataDependent,
                          Map<String, String> effects, String message, String why, String recipe) {

    public DriftChange {
        breaks = List.copyOf(breaks);
        effects = Collections.unmodifiableMap(new LinkedHashMap<>(effects));
    }

    static DriftChange of(Finding f) {
        Map<String, String> effects = new LinkedHashMap<>();
        f.effects().forEach((role, effect) -> effects.put(role.name(), effect.name()));
        return new DriftChange(f.code(), f.type(), f.location(), f.breaks().stream().map(Role::name).toList(),
                f.dataDependent(), effects, f.message(), f.why(), f.recipe());
    }
}
