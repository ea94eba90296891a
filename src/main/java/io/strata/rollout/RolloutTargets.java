package io.strata.rollout;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * RolloutTargets chooses a rollout's environments (named, a group, or every one of the subject's dialect),
 * enforces the promotion order over them and splits each step of the order into waves.
 */
final class RolloutTargets {

    private RolloutTargets() {
    }

    static List<Environment> choose(List<Environment> all, RolloutRequest request, String dialect) {
        List<Environment> targets;
        if (request.environments() != null && !request.environments().isEmpty()) {
            targets = new ArrayList<>();
            for (String name : request.environments()) {
                targets.add(all.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new RolloutException(
                        RolloutException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + name + "\" not found")));
            }
        } else if (request.group() != null) {
            targets = all.stream().filter(e -> request.group().equals(e.group())).toList();
            if (targets.isEmpty()) {
                throw invalid("no environment belongs to group \"" + request.group() + "\"");
            }
        } else {
            targets = all.stream().filter(e -> e.dialect().equals(dialect)).toList();
        }
        for (Environment e : targets) {
            if (!e.dialect().equals(dialect)) {
                throw invalid("environment \"" + e.name() + "\" is " + e.dialect() + "; the subject's schemas are " + dialect);
            }
        }
        if (targets.isEmpty()) {
            throw invalid("no environment to roll out to: add environments first");
        }
        return targets.stream().distinct().sorted(Comparator.comparingInt(Environment::order).thenComparing(Environment::name)).toList();
    }

    /**
     * A step of the promotion order is reached only after {@code what} succeeded on every environment of the
     * step before it: those are either part of this rollout (earlier waves) or already done.
     */
    static void checkPromotion(List<Environment> all, List<Environment> targets, Set<String> succeeded, String what) {
        Set<String> inRollout = new HashSet<>(targets.stream().map(Environment::name).toList());
        for (int order : targets.stream().map(Environment::order).distinct().toList()) {
            int previous = all.stream().mapToInt(Environment::order).filter(o -> o < order).max().orElse(Integer.MIN_VALUE);
            List<String> missing = all.stream().filter(e -> e.order() == previous)
                    .filter(e -> !inRollout.contains(e.name()) && !succeeded.contains(e.name())).map(Environment::name).toList();
            if (!missing.isEmpty()) {
                throw invalid(what + " has not succeeded on " + String.join(", ", missing) + " (order " + previous
                        + "), which comes before order " + order + ": roll it out there first, or include them");
            }
        }
    }

    /** One task per environment: each step of the promotion order split into waves by {@code spec}, numbered across steps. */
    static List<Rollout.Task> waves(List<Environment> targets, List<String> spec) {
        Map<Integer, List<Environment>> byOrder = new TreeMap<>();
        targets.forEach(e -> byOrder.computeIfAbsent(e.order(), o -> new ArrayList<>()).add(e));
        List<Rollout.Task> tasks = new ArrayList<>();
        int wave = 0;
        for (List<Environment> step : byOrder.values()) {
            List<List<Environment>> waves;
            try {
                waves = Waves.split(step, spec);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
            for (List<Environment> w : waves) {
                wave++;
                for (Environment e : w) {
                    tasks.add(Rollout.Task.pending(e.name(), wave));
                }
            }
        }
        return tasks;
    }

    static RolloutException invalid(String message) {
        return new RolloutException(RolloutException.Reason.INVALID_REQUEST, message);
    }
}
