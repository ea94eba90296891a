package io.strata.rollout;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An Environment is one target database that versions are rolled out to: its place in the promotion order,
 * its tier and policy, the group (shard fleet) it belongs to, and how to reach it. The URL never carries a
 * password; {@link CredentialsRef} says where the server finds it.
 *
 * @param order  its place in the promotion order: a version reaches it only after every environment of a
 *               lower order succeeded
 * @param group  the fleet it belongs to ({@code prod-shards}), or null
 * @param policy what its tier allows
 */
public record Environment(String name, String tier, int order, String group, String dialect, String url,
                          CredentialsRef credentials, Policy policy, Instant createdAt) {

    /** The tier names that are production whatever the policy says. */
    public static final Set<String> PRODUCTION_TIERS = Set.of("prod", "production");

    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        policy = policy == null ? Policy.DEFAULT : policy;
    }

    /**
     * Whether it is production: its tier is named {@code prod} or {@code production} (in any case), or its policy
     * says so. Only an operator who may release to production rolls out there.
     */
    public boolean production() {
        return policy.production() || productionTier(tier);
    }

    /** Whether a tier of this name is production whatever its policy says. */
    public static boolean productionTier(String tier) {
        return PRODUCTION_TIERS.contains(tier.toLowerCase(Locale.ROOT));
    }

    /**
     * What a tier allows.
     *
     * @param allowDestructive whether a step that destroys data (drop column, drop table, narrowing) may run at all
     * @param lintSeverities   lint code → severity ({@code error}, {@code warning}, {@code off}) overriding the defaults
     * @param production       production although its tier's name does not say so (see {@link Environment#production()})
     * @param approvals        risk → approvals a rollout of that risk needs here (a risk not listed needs none)
     * @param secondFactor     whether approvals here count only from an operator who proved a second factor
     */
    public record Policy(boolean allowDestructive, Map<String, String> lintSeverities, boolean production,
                         Map<Risk, Integer> approvals, boolean secondFactor) {

        public static final Policy DEFAULT = new Policy(true, Map.of(), false, Map.of(), false);

        public Policy {
            lintSeverities = lintSeverities == null ? Map.of() : Map.copyOf(lintSeverities);
            approvals = approvals == null || approvals.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(approvals));
        }

        /** How many approvals a rollout of {@code risk} needs here. */
        public int approvals(Risk risk) {
            return approvals.getOrDefault(risk, 0);
        }
    }
}
