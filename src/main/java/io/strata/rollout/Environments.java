package io.strata.rollout;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.dialect.JdbcUrls;
import io.strata.error.StrataException;
import io.strata.migrate.HistoryRow;
import io.strata.migrate.TargetSession;
import io.strata.registry.AuditDetails;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Environments is the use case behind adding, listing, removing and looking at environments. An
 * environment is refused before it is stored when its URL is not one Strata can migrate, carries a
 * password or a driver parameter outside its dialect's allow-list, or its credentials reference does not resolve
 * on this server.
 */
public final class Environments {

    private static final Map<String, Integer> TIER_ORDER = Map.of("dev", 10, "staging", 20, "prod", 30);
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)([?&;]password=)|(//[^/@?]+:[^/@?]*@)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** More approvals than this is a typo, not a policy. */
    private static final int MAX_APPROVALS = 10;

    private final RolloutStore store;
    private final TargetConnections connections;

    public Environments(RolloutStore store, TargetConnections connections) {
        this.store = store;
        this.connections = connections;
    }

    public Environment add(EnvironmentRequest request, String actor) {
        Environment environment = validate(request);
        store.transaction(tx -> {
            tx.lockForWrite();
            if (tx.environments().named(environment.name()).isPresent()) {
                throw new RolloutException(RolloutException.Reason.EXISTS, "environment \"" + environment.name()
                        + "\" already exists");
            }
            tx.environments().insert(environment);
            tx.audit().append(actor, "environment.added", "environment/" + environment.name(), null, null,
                    AuditDetails.of("tier", environment.tier(), "order", environment.order(), "production", environment.production(),
                            "approvals", new java.util.TreeMap<>(Map.of("low", environment.policy().approvals(Risk.LOW), "high",
                                    environment.policy().approvals(Risk.HIGH))), "secondFactor", environment.policy().secondFactor()));
            return null;
        });
        return environment;
    }

    public List<Environment> list() {
        return store.transaction(tx -> tx.environments().all());
    }

    public Environment get(String name) {
        return store.transaction(tx -> tx.environments().named(name)).orElseThrow(() -> notFound(name));
    }

    public void remove(String name, String actor) {
        store.transaction(tx -> {
            if (!tx.environments().delete(name)) {
                throw notFound(name);
            }
            tx.audit().append(actor, "environment.removed", "environment/" + name, null, null, null);
            return null;
        });
    }

    /**
     * Connects to the environment (with its password, found through its credentials reference) and to the
     * environments before it in the promotion order, and reports what it finds. An unreachable environment is
     * a report, not an error.
     */
    public EnvironmentHealth health(String name) {
        Environment environment = get(name);
        List<Environment> all = list();
        io.strata.rollout.drift.DriftReport drift = store.transaction(tx -> tx.drift().latest(name)).orElse(null);
        EnvironmentHealth.LastRollout last = lastRollout(name);
        long start = System.nanoTime();
        try (Connection connection = connections.probe(environment)) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            String version = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
            List<EnvironmentHealth.Applied> applied = history(environment, connection);
            Set<String> here = successful(applied);
            Set<String> earlier = new LinkedHashSet<>();
            for (Environment other : all) {
                if (other.order() < environment.order()) {
                    earlier.addAll(successfulIn(other));
                }
            }
            earlier.removeAll(here);
            return new EnvironmentHealth(name, true, latency, version, null, applied, List.copyOf(earlier), versions(applied),
                    drift, last);
        } catch (SQLException | StrataException | CredentialsRef.CredentialsException e) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            return new EnvironmentHealth(name, false, latency, null, JdbcUrls.redact(e.getMessage()), List.of(), List.of(),
                    Map.of(), drift, last);
        }
    }

    /** The newest rollout with a task for {@code name}, and how it went there. */
    private EnvironmentHealth.LastRollout lastRollout(String name) {
        return store.transaction(tx -> tx.rollouts().lastFor(name)).flatMap(r -> r.tasks().stream()
                .filter(t -> t.environment().equals(name)).findFirst()
                .map(t -> new EnvironmentHealth.LastRollout(r.id(), r.subject(), r.version(), r.phase(), r.state().name(),
                        t.state().name()))).orElse(null);
    }

    /** Each subject's newest version applied by a rollout ({@code subject@N}) and not taken back; rows come newest first. */
    private static Map<String, Integer> versions(List<EnvironmentHealth.Applied> applied) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (EnvironmentHealth.Applied a : applied) {
            if (a.success() && !a.rolledBack()) {
                VersionLabel.parse(a.version()).ifPresent(label -> out.putIfAbsent(label.subject(), label.version()));
            }
        }
        return out;
    }

    private Set<String> successfulIn(Environment other) {
        try (Connection connection = connections.probe(other)) {
            return successful(history(other, connection));
        } catch (SQLException | StrataException | CredentialsRef.CredentialsException e) {
            // An unreachable earlier environment says nothing about what this one lacks.
            return Set.of();
        }
    }

    private static Set<String> successful(List<EnvironmentHealth.Applied> applied) {
        Set<String> out = new LinkedHashSet<>();
        applied.stream().filter(EnvironmentHealth.Applied::success).filter(a -> !a.rolledBack()).forEach(a -> out.add(a.version()));
        return out;
    }

    /** The newest 20 rows of the environment's history, newest first (none when Strata never migrated it). */
    private static List<EnvironmentHealth.Applied> history(Environment environment, Connection connection)
            throws SQLException {
        List<HistoryRow> rows = TargetSession.readHistory(Dialects.byName(environment.dialect()), connection, null);
        List<EnvironmentHealth.Applied> out = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0 && out.size() < 20; i--) {
            HistoryRow row = rows.get(i);
            out.add(new EnvironmentHealth.Applied(row.version(), row.description(), row.success(), row.rolledBack(),
                    row.finishedAt() == null ? null : row.finishedAt().toString()));
        }
        return out;
    }

    private Environment validate(EnvironmentRequest r) {
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            throw invalid("environment name \"" + r.name() + "\" must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (r.tier() == null || !NAME.matcher(r.tier()).matches()) {
            throw invalid("tier \"" + r.tier() + "\" must be a name such as dev, staging or prod");
        }
        String tier = r.tier().toLowerCase(Locale.ROOT);
        Integer order = r.order() != null ? r.order() : TIER_ORDER.get(tier);
        if (order == null) {
            throw invalid("tier \"" + tier + "\" has no default place in the promotion order: give \"order\"");
        }
        if (r.url() == null || r.url().isBlank()) {
            throw invalid("field \"url\" (a jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb: URL) is required");
        }
        if (PASSWORD_IN_URL.matcher(r.url()).find()) {
            throw invalid("the URL of environment \"" + r.name() + "\" carries a password: give it through \"credentials\" "
                    + "(env:VARIABLE or file:PATH) instead; the URL is stored and shown");
        }
        Dialect dialect;
        try {
            dialect = Dialects.forUrl(r.url());
        } catch (StrataException e) {
            throw invalid(e.getMessage());
        }
        try {
            TargetConnections.checkUrl(r.name(), r.url(), dialect);
        } catch (StrataException e) {
            throw invalid(e.getMessage());
        }
        CredentialsRef credentials;
        try {
            credentials = CredentialsRef.parse(r.credentials());
        } catch (CredentialsRef.CredentialsException e) {
            throw invalid(e.getMessage());
        }
        try {
            connections.resolve(credentials);
        } catch (CredentialsRef.CredentialsException e) {
            throw new RolloutException(RolloutException.Reason.CREDENTIALS_UNRESOLVED, e.getMessage());
        }
        boolean destructive = r.allowDestructive() != null ? r.allowDestructive() : !tier.equals("prod");
        EnvironmentRequest.ReviewPolicy review = r.policy() == null ? new EnvironmentRequest.ReviewPolicy(null, null, null) : r.policy();
        if (Boolean.FALSE.equals(review.production()) && Environment.productionTier(tier)) {
            throw invalid("tier \"" + tier + "\" is production by its name: leave \"policy.production\" out, or name the tier otherwise");
        }
        boolean production = Environment.productionTier(tier) || Boolean.TRUE.equals(review.production());
        return new Environment(r.name(), tier, order, r.group(), dialect.name(), r.url(), credentials,
                new Environment.Policy(destructive, r.lintSeverities(), Boolean.TRUE.equals(review.production()),
                        approvals(review.approvals(), production), Boolean.TRUE.equals(review.secondFactor())), Instant.now());
    }

    /**
     * The approvals each risk needs: as given, and for a risk not given the default, which is secure where it matters:
     * a production environment needs one approval for a LOW rollout and two for a HIGH one; any other none.
     */
    private static Map<Risk, Integer> approvals(Map<String, Integer> given, boolean production) {
        Map<Risk, Integer> out = new EnumMap<>(Risk.class);
        out.put(Risk.LOW, production ? 1 : 0);
        out.put(Risk.HIGH, production ? 2 : 0);
        if (given != null) {
            given.forEach((name, count) -> {
                Risk risk = Risk.named(name).orElseThrow(() -> invalid("\"policy.approvals\" names risk \"" + name
                        + "\"; the risks are low and high"));
                if (count == null || count < 0 || count > MAX_APPROVALS) {
                    throw invalid("\"policy.approvals." + risk.label() + "\" must be a whole number from 0 to " + MAX_APPROVALS);
                }
                out.put(risk, count);
            });
        }
        return out;
    }

    private static RolloutException invalid(String message) {
        return new RolloutException(RolloutException.Reason.INVALID_REQUEST, message);
    }

    private static RolloutException notFound(String name) {
        return new RolloutException(RolloutException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + name + "\" not found");
    }
}
