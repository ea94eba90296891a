package io.strata.compat.record;

import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.Direction;
import io.strata.compat.Effect;
import io.strata.compat.Finding;
import io.strata.compat.Levels;
import io.strata.compat.Role;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RecordCompatibility is the record formats' primitive handed to {@link Levels}, with the meaning the
 * Confluent and Apicurio registries give the levels: BACKWARD asks whether the new schema reads data written
 * with an earlier one (the new schema is the reader), FORWARD the other way round ({@link Direction} swaps
 * the arguments); which earlier versions are asked, and how the answers compose, is Levels' to say.
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
        return Levels.check(level, versions.subList(0, versions.size() - 1), Version::label, newest.label(),
                (old, directions) -> compare(old, newest, support, directions));
    }

    /**
     * The findings in the directions asked, BACKWARD first; one finding per code and location, breaking
     * every writer whose data cannot be read. Asking only what the level needs keeps a BACKWARD check one
     * call to the format's checker, as in the registries.
     */
    static <S> List<Finding> compare(Version<S> old, Version<S> newest, RecordFormatSupport<S> support,
                                     Set<Direction> directions) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Direction direction : directions) {
            add(out, support.incompatibilities(direction.reader(old.schema(), newest.schema()),
                    direction.writer(old.schema(), newest.schema())), direction.writerRole());
            if (direction == Direction.BACKWARD) {
                // Only the history shows a removal, and the data it strands was written with the earlier version.
                add(out, support.removals(old.schema(), newest.schema()), Role.OLD_WRITER);
            }
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
