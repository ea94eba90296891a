package io.strata.compat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Levels is the one place that knows which earlier versions a compatibility level compares a new version
 * with, in which directions, and how the answers for each pair compose into the level's result. A format
 * supplies only its primitive ("the new version against that earlier one, in these directions"), relational
 * or record, so every format and every caller gets the same levels.
 *
 * <p>A history is given oldest first and without the new version, as the registry's lineages and the
 * arguments of {@code strata check} come. A result lists its comparisons newest first: the latest earlier
 * version alone, or, for the {@code *_TRANSITIVE} levels, every earlier version from the latest back to the
 * oldest. The level holds when every comparison does.
 */
public final class Levels {

    /**
     * One comparison a level asks for: the new version against {@code earlier}.
     *
     * @param earlier  the earlier version, as the caller's history holds it
     * @param asked    the directions the primitive is asked in: the required ones, or both for
     *                 {@link CompatibilityLevel#NONE}, which requires nothing but still reports what would break
     *                 (a check at NONE, a drift report and an impact list findings)
     * @param required the directions that must hold; a finding that breaks one of their roles fails the comparison
     */
    public record Comparison<V>(V earlier, Set<Direction> asked, Set<Direction> required) {

        public Comparison {
            asked = Direction.inOrder(asked);
            required = Direction.inOrder(required);
        }

        /** The roles no finding of this comparison may break, in role order. */
        public Set<Role> requiredRoles() {
            return Direction.rolesOf(required);
        }
    }

    /**
     * A format's compatibility primitive: the findings of the new version against {@code earlier}, asked in
     * {@code directions} (which iterate in direction order, BACKWARD first).
     */
    @FunctionalInterface
    public interface PairCheck<V> {
        List<Finding> check(V earlier, Set<Direction> directions);
    }

    private Levels() {
    }

    /**
     * The versions of {@code history} (oldest first) that {@code level} compares with, in history order: the
     * latest alone, or every one for a transitive level; none of an empty history. Callers load only these:
     * reading the rest of a history (files, replayed SQL, stored versions) would be wasted.
     */
    public static <V> List<V> compared(CompatibilityLevel level, List<V> history) {
        if (history.isEmpty() || level.transitive()) {
            return history;
        }
        return history.subList(history.size() - 1, history.size());
    }

    /** The comparisons {@code level} asks for against {@code history} (oldest first), in result order: newest first. */
    public static <V> List<Comparison<V>> comparisons(CompatibilityLevel level, List<V> history) {
        Set<Direction> asked = level.directions().isEmpty() ? EnumSet.allOf(Direction.class) : level.directions();
        List<V> compared = compared(level, history);
        List<Comparison<V>> out = new ArrayList<>();
        for (int i = compared.size() - 1; i >= 0; i--) {
            out.add(new Comparison<>(compared.get(i), asked, level.directions()));
        }
        return out;
    }

    /**
     * Checks the new version, labelled {@code newLabel}, against {@code history} (oldest first) at {@code level}:
     * {@code primitive} is asked only for the comparisons the level makes, and its findings are labelled with
     * the earlier version's {@code label}. DATA_DEPENDENT effects are reported but never fail a comparison;
     * an empty history is compatible, with nothing compared.
     */
    public static <V> CompatibilityResult check(CompatibilityLevel level, List<V> history,
                                                Function<? super V, String> label, String newLabel,
                                                PairCheck<V> primitive) {
        Objects.requireNonNull(newLabel, "newLabel");
        List<VersionComparison> results = new ArrayList<>();
        for (Comparison<V> c : comparisons(level, history)) {
            List<Finding> findings = primitive.check(c.earlier(), c.asked());
            boolean compatible = findings.stream().noneMatch(f -> f.breaksAny(c.requiredRoles()));
            results.add(new VersionComparison(label.apply(c.earlier()), newLabel, findings, compatible));
        }
        return new CompatibilityResult(level, results.stream().allMatch(VersionComparison::compatible), results);
    }

    /**
     * The non-transitive level that asks the same directions: a check against one version the caller chose
     * (Confluent's {@code /compatibility/subjects/{s}/versions/{v}}) is made and reported at it, whatever the
     * subject's transitivity. A non-transitive level is itself.
     */
    public static CompatibilityLevel againstOneVersion(CompatibilityLevel level) {
        for (CompatibilityLevel candidate : CompatibilityLevel.values()) {
            if (!candidate.transitive() && candidate.directions().equals(level.directions())) {
                return candidate;
            }
        }
        throw new IllegalStateException("no non-transitive level asks " + level.directions());
    }
}
