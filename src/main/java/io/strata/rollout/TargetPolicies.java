package io.strata.rollout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TargetPolicies is what a rollout's environments ask of it and of whoever acts on it, taken together: only a
 * releaser touches production ones, a rollout needs the most approvals any of them asks for its risk, and
 * approvals count only with a second factor where any of them says so.
 */
final class TargetPolicies {

    private TargetPolicies() {
    }

    /**
     * Refuses {@code operator} when they may not release to production and {@code targets} holds a production
     * environment, naming those environments and their tiers.
     *
     * @param action what they asked, as in "may not ACTION": {@code create a rollout to}, {@code execute rollout 4 on}
     */
    static void refuseUnlessReleaser(List<Environment> targets, Operator operator, String action) {
        List<Environment> production = targets.stream().filter(Environment::production).toList();
        if (!production.isEmpty() && !operator.mayReleaseToProduction()) {
            throw new RolloutException(RolloutException.Reason.RELEASER_REQUIRED, operator.name() + " may not " + action
                    + " production environments: " + describe(production) + "; only a releaser (or an admin) may",
                    Map.of("environments", production.stream().map(Environment::name).toList()));
        }
    }

    /** What a rollout with plan {@code checked} to {@code targets} needs before it starts. */
    static Review review(RolloutPreflight.Checked checked, List<Environment> targets) {
        Risk risk = checked.risk().level();
        return new Review(risk, checked.planChecksum(), requiredApprovals(targets, risk));
    }

    /** The approvals a rollout of {@code risk} to {@code targets} needs: the most any of them asks. */
    static int requiredApprovals(List<Environment> targets, Risk risk) {
        return targets.stream().mapToInt(e -> e.policy().approvals(risk)).max().orElse(0);
    }

    /** The tiers among {@code targets} whose policy counts approvals only from an operator with a second factor. */
    static List<String> secondFactorTiers(List<Environment> targets) {
        return targets.stream().filter(e -> e.policy().secondFactor()).map(Environment::tier).distinct().toList();
    }

    /** The tiers of {@code targets} that ask for {@code count} approvals of {@code risk}, for messages. */
    static List<String> tiersAsking(List<Environment> targets, Risk risk, int count) {
        return targets.stream().filter(e -> e.policy().approvals(risk) == count).map(Environment::tier).distinct().toList();
    }

    /** {@code prod-1, prod-2 (tier prod), live-1 (tier live)}: environments grouped by tier. */
    static String describe(List<Environment> environments) {
        Map<String, StringBuilder> byTier = new LinkedHashMap<>();
        for (Environment e : environments) {
            StringBuilder names = byTier.computeIfAbsent(e.tier(), t -> new StringBuilder());
            names.append(names.length() == 0 ? "" : ", ").append(e.name());
        }
        StringBuilder out = new StringBuilder();
        byTier.forEach((tier, names) -> out.append(out.length() == 0 ? "" : ", ").append(names).append(" (tier ").append(tier).append(')'));
        return out.toString();
    }
}
