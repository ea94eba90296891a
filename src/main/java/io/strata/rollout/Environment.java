package io.strata.rollout;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

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

    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        policy = policy == null ? Policy.DEFAULT : policy;
    }

    /**
     * What a tier allows.
     *
     * @param allowDestructive whether a step that destroys data (drop column, drop table, narrowing) may run at all
     * @param lintSeverities   lint code → severity ({@code error}, {@code warning}, {@code off}) overriding the defaults
     */
    public record Policy(boolean allowDestructive, Map<String, String> lintSeverities) {
        public static final Policy DEFAULT = new Policy(true, Map.of());

        public Policy {
            lintSeverities = lintSeverities == null ? Map.of() : Map.copyOf(lintSeverities);
        }
    }
}
