package io.strata.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.dialect.Dialects;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.change.SchemaChange;
import io.strata.plan.Checksums;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Step;
import io.strata.migrate.Planner;
import io.strata.plan.lint.Diagnostic;
import io.strata.plan.lint.Family;
import io.strata.plan.lint.LintPass;
import io.strata.plan.lint.LintSettings;
import io.strata.plan.lint.Linter;
import io.strata.plan.lint.Severity;
import io.strata.plan.lint.Suppressions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RolloutPreflight is what a rollout checks before it is created: the plan from the version before to the
 * one rolled out (as registered; each environment plans again from its own live schema when it runs), the
 * phase asked for, and the plan's lint under each target tier's policy. A tier that does not allow
 * destructive steps refuses any; a tier that allows them takes them as warnings; any other diagnostic the
 * tier's severities make an error refuses the rollout there. Compatibility with running clients is not
 * linted here: the registry checked it at registration, and live clients are checked per environment. It also
 * says how much review the part rolled out needs ({@link RolloutRisk}) and gives that part a checksum, which the
 * rollout's approvals approve.
 */
public final class RolloutPreflight {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What was checked.
     *
     * @param phases       the kinds of the whole plan's phases, in order
     * @param json         the plan, the diagnostics per tier and the risk, kept with the rollout
     * @param risk         the risk of the part rolled out
     * @param planChecksum the checksum of the part rolled out: its statements, in order
     */
    record Checked(List<PhaseKind> phases, String json, RolloutRisk risk, String planChecksum) {

        /** The phase that comes before {@code phase} in this plan, or null. */
        PhaseKind before(PhaseKind phase) {
            int i = phases.indexOf(phase);
            return i > 0 ? phases.get(i - 1) : null;
        }

        PhaseKind last() {
            return phases.isEmpty() ? null : phases.get(phases.size() - 1);
        }
    }

    private RolloutPreflight() {
    }

    /**
     * @param before the previous version's schema, or null for a subject's first version
     * @param phase  the phase rolled out, or null for the whole plan
     */
    static Checked check(String label, Catalog before, Catalog after, PhaseKind phase, List<Environment> targets) {
        Catalog from = before != null ? before : emptyLike(after);
        List<SchemaChange> changes = Differ.diff(from, after);
        MigrationPlan whole = plan(from, after, changes);
        List<PhaseKind> kinds = whole.phases().stream().map(Phase::kind).toList();
        if (phase != null && !kinds.contains(phase)) {
            throw invalid(label + "'s plan has no " + phase + " phase; its phases: " + kinds
                    + (kinds.size() < 2 ? " (roll out the whole plan: leave phase out)" : ""));
        }
        MigrationPlan part = phase == null ? whole : whole.only(phase);
        LintPass pass = new LintPass(part, from, after, changes);
        Map<String, List<Diagnostic>> byTier = new TreeMap<>();
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, List<Environment>> tier : tiers(targets).entrySet()) {
            Environment.Policy policy = tier.getValue().get(0).policy();
            List<Diagnostic> diagnostics = Linter.lint(pass, settings(policy), List.of()).diagnostics().stream()
                    .map(d -> destructive(d) && policy.allowDestructive() && !policy.lintSeverities().containsKey(d.code())
                            ? d.withSeverity(Severity.WARNING) : d).toList();
            byTier.put(tier.getKey(), diagnostics);
            for (Diagnostic d : diagnostics) {
                if (destructive(d) && !policy.allowDestructive()) {
                    refusals.add("tier " + tier.getKey() + " does not allow destructive steps: " + d.code() + " at "
                            + d.location() + " (" + d.message() + ")");
                } else if (d.severity() == Severity.ERROR) {
                    refusals.add("tier " + tier.getKey() + " makes " + d.code() + " an error: " + d.location() + " ("
                            + d.message() + ")");
                }
            }
        }
        if (!refusals.isEmpty()) {
            throw new RolloutException(RolloutException.Reason.POLICY_REFUSED, label + " fails lint in "
                    + String.join(", ", byTier.keySet().stream().filter(t -> refusals.stream().anyMatch(r -> r.startsWith("tier " + t + " ")))
                    .toList()) + "; nothing ran: " + String.join("; ", refusals), Map.of("refusals", refusals));
        }
        RolloutRisk risk = RolloutRisk.of(part, phase, pass, changes);
        String checksum = Checksums.ofStatements(part.steps().stream().map(Step::sql).toList());
        return new Checked(kinds, json(whole, phase, byTier, risk, checksum), risk, checksum);
    }

    /** The kinds of the phases of the plan from {@code before} (null: nothing) to {@code after}, in order. */
    static List<PhaseKind> phases(Catalog before, Catalog after) {
        Catalog from = before != null ? before : emptyLike(after);
        return plan(from, after, Differ.diff(from, after)).phases().stream().map(Phase::kind).toList();
    }

    private static MigrationPlan plan(Catalog from, Catalog to, List<SchemaChange> changes) {
        return Planner.plan(from, to, changes, Dialects.byName(to.dialect()), "");
    }

    /** The tier's own severities; a tier that allows destructive steps takes them as warnings unless it names them. */
    private static LintSettings settings(Environment.Policy policy) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        policy.lintSeverities().forEach((code, severity) -> severities.put(code, Severity.parse("lint." + code, severity)));
        return new LintSettings(severities, Suppressions.NONE);
    }

    private static boolean destructive(Diagnostic d) {
        return d.code().startsWith(Family.DESTRUCTIVE.prefix());
    }

    private static Map<String, List<Environment>> tiers(List<Environment> targets) {
        Map<String, List<Environment>> out = new LinkedHashMap<>();
        targets.forEach(e -> out.computeIfAbsent(e.tier(), t -> new ArrayList<>()).add(e));
        return out;
    }

    /** The schemas of {@code catalog} without anything in them: what a first version is planned from. */
    private static Catalog emptyLike(Catalog catalog) {
        return new Catalog(catalog.dialect(), catalog.serverVersion(),
                catalog.schemas().stream().map(s -> Schema.of(s.name(), List.of())).toList(), List.of());
    }

    private static String json(MigrationPlan whole, PhaseKind phase, Map<String, List<Diagnostic>> byTier, RolloutRisk risk,
                               String checksum) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rolledOut", phase == null ? "ALL" : phase.name());
        out.put("phases", phasesJson(whole));
        Map<String, Object> lint = new LinkedHashMap<>();
        byTier.forEach((tier, diagnostics) -> lint.put(tier, diagnostics.stream().map(d -> Map.of("code", d.code(),
                "severity", d.severity().label(), "location", d.location(), "message", d.message())).toList()));
        out.put("lint", lint);
        Map<String, Object> riskJson = new LinkedHashMap<>();
        riskJson.put("level", risk.level().name());
        riskJson.put("reasons", risk.reasons());
        out.put("risk", riskJson);
        out.put("planChecksum", checksum);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a preflight is plain data", e);
        }
    }

    /** A plan's phases as the API shows them: each phase's kind, statements and the deploy it waits for. */
    public static List<Map<String, Object>> phasesJson(MigrationPlan plan) {
        return plan.phases().stream().map(p -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", p.kind().name());
            json.put("statements", p.steps().stream().map(s -> s.sql()).toList());
            json.put("deployAfter", p.deployAfter());
            return json;
        }).toList();
    }

    private static RolloutException invalid(String message) {
        return new RolloutException(RolloutException.Reason.INVALID_REQUEST, message);
    }
}
