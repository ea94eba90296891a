package io.strata.store;

import io.strata.rollout.CredentialsRef;
import io.strata.rollout.Environment;
import io.strata.rollout.EnvironmentRepository;
import io.strata.rollout.Risk;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EnvironmentTables is the store's table family of environments, in one transaction: the adapter behind {@link EnvironmentRepository}. */
final class EnvironmentTables implements EnvironmentRepository {

    private final StoreTransaction tx;

    EnvironmentTables(StoreTransaction tx) {
        this.tx = tx;
    }

    // ---- environments

    private static final String ENVIRONMENT_COLUMNS = "name, tier, promotion_order, env_group, dialect, url, credentials, "
            + "allow_destructive, lint_severities, created_at, production, approvals_low, approvals_high, second_factor";

    /** Environments in promotion order, then by name. */
    @Override
    public List<Environment> all() {
        return StoreTransaction.sql(() -> {
            List<Environment> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + ENVIRONMENT_COLUMNS
                    + " FROM strata_environments ORDER BY promotion_order, name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(environment(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Environment> named(String name) {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + ENVIRONMENT_COLUMNS
                    + " FROM strata_environments WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(environment(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void insert(Environment e) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_environments (" + ENVIRONMENT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.name());
                ps.setString(2, e.tier());
                ps.setInt(3, e.order());
                ps.setString(4, e.group());
                ps.setString(5, e.dialect());
                ps.setString(6, e.url());
                ps.setString(7, e.credentials().text());
                ps.setBoolean(8, e.policy().allowDestructive());
                StringBuilder severities = new StringBuilder();
                new java.util.TreeMap<>(e.policy().lintSeverities()).forEach((code, severity) ->
                        severities.append(code).append('=').append(severity).append('\n'));
                ps.setString(9, severities.toString());
                ps.setObject(10, StoreTransaction.time(e.createdAt()));
                ps.setBoolean(11, e.policy().production());
                ps.setInt(12, e.policy().approvals(Risk.LOW));
                ps.setInt(13, e.policy().approvals(Risk.HIGH));
                ps.setBoolean(14, e.policy().secondFactor());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean delete(String name) {
        return StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM strata_environments WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static Environment environment(ResultSet rs) throws SQLException {
        java.util.Map<String, String> severities = new java.util.LinkedHashMap<>();
        for (String line : rs.getString(9).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                severities.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Environment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), CredentialsRef.parse(rs.getString(7)), new Environment.Policy(rs.getBoolean(8), severities,
                rs.getBoolean(11), Map.of(Risk.LOW, rs.getInt(12), Risk.HIGH, rs.getInt(13)), rs.getBoolean(14)),
                StoreTransaction.instant(rs, 10));
    }
}
