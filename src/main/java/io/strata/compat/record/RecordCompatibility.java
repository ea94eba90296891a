package io.strata.compat.record;

import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.Effect;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.compat.VersionComparison;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RecordCompatibility composes the levels from a format's one primitive, with the meaning the Confluent
 * and Apicurio registries give them: BACKWARD asks whether the new schema reads data written with an
 * earlier one (the new schema is the reader), FORWARD the other way round, FULL both, and the transitive
 * levels ask it of every earlier version, newest first.
 *
 * <p>In Strata's four roles, data that a reader cannot read breaks the role that wrote it: BACKWARD's
 * failures break the {@code OLD_WRITER} (producers still on the earlier schema), FORWARD's the
 * {@code NEW_WRITER}, which is how {@link CompatibilityLevel#requiredRoles()} already reads them.
 */
public final class RecordCompatibility {

    /** One version of a subject: its label (file name) and parsed schema. */
    public record Version<S>(String label, S schema) {
    }

    private RecordCompatibility() {
    }

    /** Checks {@code versions} (oldest first, the newest last) at {@code level}. */
    public static <S> CompatibilityResult check(CompatibilityLevel level, List<Version<S>> versions,
                                                RecordFormatSupport<S> support) {
        if (versions.size() < 2) {
            throw new IllegalArgumentException("a check needs at least two versions, got " + versions.size());
        }
        Version<S> newest = versions.get(versions.size() - 1);
        List<Version<S>> earlier = new ArrayList<>(versions.subList(0, versions.size() - 1));
        Collections.reverse(earlier);
        if (!level.transitive()) {
            earlier = earlier.subList(0, 1);
        }
        List<VersionComparison> comparisons = new ArrayList<>();
        for (Version<S> old : earlier) {
            List<Finding> findings = compare(old, newest, support, level);
            boolean compatible = findings.stream().noneMatch(f -> f.breaksAny(level.requiredRoles()));
            comparisons.add(new VersionComparison(old.label(), newest.label(), findings, compatible));
        }
        return new CompatibilityResult(level, comparisons.stream().allMatch(VersionComparison::compatible), comparisons);
    }

    /**
     * The directions the level asks about (NONE asks both, to list what would break); one finding per code
     * and location, breaking every writer whose data cannot be read. Asking only what the level needs
     * keeps a BACKWARD check one call to the format's checker, as in the registries.
     */
    static <S> List<Finding> compare(Version<S> old, Version<S> newest, RecordFormatSupport<S> support,
                                     CompatibilityLevel level) {
        Map<String, Finding> out = new LinkedHashMap<>();
        boolean all = level == CompatibilityLevel.NONE;
        if (all || level.requiredRoles().contains(Role.OLD_WRITER)) {
            add(out, support.incompatibilities(newest.schema(), old.schema()), Role.OLD_WRITER);
            add(out, support.removals(old.schema(), newest.schema()), Role.OLD_WRITER);
        }
        if (all || level.requiredRoles().contains(Role.NEW_WRITER)) {
            add(out, support.incompatibilities(old.schema(), newest.schema()), Role.NEW_WRITER);
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, Finding> out, List<RecordIncompatibility> found, Role broken) {
        for (RecordIncompatibility i : found) {
            String key = i.code() + "\u0000" + i.location();
            Finding earlier = out.get(key);
            Map<Role, Effect> effects = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                effects.put(role, Effect.OK);
            }
            if (earlier != null) {
                effects.putAll(earlier.effects());
            }
            effects.put(broken, Effect.BREAKS);
            String message = earlier != null ? earlier.message() : i.message();
            out.put(key, new Finding(i.code(), null, i.location(), effects, message, i.why(), i.recipe()));
        }
    }
}
