package io.strata.app.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.app.CompatibilityJson;
import io.strata.app.events.EventSink;
import io.strata.app.registry.RegistryException;
import io.strata.compat.CompatibilityChecker;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.Finding;
import io.strata.compat.LabelledChanges;
import io.strata.dialect.Dialects;
import io.strata.dialect.JdbcUrls;
import io.strata.diff.Differ;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.plan.apply.LiveSchema;
import io.strata.rollout.DriftReport;
import io.strata.rollout.Environment;
import io.strata.store.StoreDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DetectDrift is the use case behind {@code POST /api/v1/environments/{id}/sync}: inspect the live schema of
 * an environment, compare it with the version its own {@code strata_history} says a rollout left it at, keep
 * the typed changes as the environment's drift report, and raise {@code drift.detected} when there are any.
 */
public final class DetectDrift {

    private static final Pattern ROLLED_OUT = Pattern.compile("(.+)@(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreDatabase store;
    private final BiFunction<String, Integer, Catalog> versionSchema;
    private final EventSink events;

    /** @param versionSchema the relational model of a subject's version */
    public DetectDrift(StoreDatabase store, BiFunction<String, Integer, Catalog> versionSchema, EventSink events) {
        this.store = store;
        this.versionSchema = versionSchema;
        this.events = events;
    }

    public DriftReport check(String name) {
        Environment environment = store.transaction(tx -> tx.environment(name)).orElseThrow(() -> new RegistryException(
                RegistryException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + name + "\" not found"));
        DriftReport report;
        try (Connection connection = Environments.connect(environment)) {
            Optional<Matcher> applied = lastRolledOut(connection);
            if (applied.isEmpty()) {
                report = new DriftReport(name, null, null, 0, json(Map.of("changes", List.of(),
                        "note", "no version was rolled out here: nothing to compare with")), Instant.now());
            } else {
                String subject = applied.get().group(1);
                int version = Integer.parseInt(applied.get().group(2));
                Catalog live = LiveSchema.withoutHistory(Dialects.byName(environment.dialect()).inspector()
                        .inspect(connection, List.of()));
                Catalog expected = versionSchema.apply(subject, version);
                List<Finding> findings = CompatibilityChecker.check(CompatibilityLevel.NONE, List.of(new LabelledChanges(
                        subject + "@" + version, "live", Differ.diff(expected, live))), environment.dialect()).findings();
                report = new DriftReport(name, subject, version, findings.size(),
                        json(Map.of("changes", CompatibilityJson.findings(findings))), Instant.now());
            }
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.UNREACHABLE, "environment \"" + name + "\" cannot be reached: "
                    + JdbcUrls.redact(String.valueOf(e.getMessage())), e);
        }
        DriftReport saved = report;
        store.transaction(tx -> {
            tx.drift().save(saved);
            return null;
        });
        if (report.drifted()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("environment", name);
            data.put("subject", report.subject());
            data.put("version", report.version());
            data.put("changes", report.changes());
            events.publish("drift.detected", data);
        }
        return report;
    }

    public Optional<DriftReport> latest(String name) {
        return store.transaction(tx -> tx.drift().latest(name));
    }

    /** The newest successful history row written by a rollout ({@code subject@version}). */
    private static Optional<Matcher> lastRolledOut(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT version FROM strata_history WHERE success ORDER BY installed_rank DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Matcher m = ROLLED_OUT.matcher(rs.getString(1));
                if (m.matches()) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        } catch (SQLException noHistory) {
            return Optional.empty();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain data", e);
        }
    }
}
