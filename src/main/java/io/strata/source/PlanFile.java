package io.strata.source;

import io.strata.plan.Checksums;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A PlanFile is a plan saved for review and applied later: the schema it starts from, the schema it
 * leads to, and the statements of each phase. Applying it runs exactly those statements: Strata plans
 * again from {@code base} to {@code desired} (so every step has its reverse, lock and backup) and refuses
 * when the result differs from the reviewed text. A target keeps the plan of a phased apply in its
 * history, in this form, so that later phases run the plan the first one started.
 *
 * @param phases the statements of each phase, as reviewed
 */
public record PlanFile(Catalog base, Catalog desired, String dialect, String serverVersion,
                       Map<PhaseKind, List<String>> phases) {

    public static final String FORMAT = "strata-plan/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public PlanFile {
        phases = Map.copyOf(phases);
    }

    public static PlanFile of(Catalog base, Catalog desired, MigrationPlan plan) {
        Map<PhaseKind, List<String>> phases = new LinkedHashMap<>();
        for (Phase p : plan.phases()) {
            phases.put(p.kind(), p.steps().stream().map(Step::sql).toList());
        }
        return new PlanFile(base, desired, plan.dialect(), plan.serverVersion(), phases);
    }

    /** What identifies the plan across runs: a digest of its statements in order. */
    public String id() {
        List<String> all = new ArrayList<>();
        for (PhaseKind kind : PhaseKind.values()) {
            all.addAll(phases.getOrDefault(kind, List.of()));
        }
        return Checksums.ofStatements(all);
    }

    /** The fields of a plan file, for the plan's JSON output: format, base and desired models. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("base", ModelFiles.toTree(base));
        out.put("desired", ModelFiles.toTree(desired));
        return out;
    }

    /** The whole file as the history keeps it: {@link #json()} plus the phases' statements. */
    public String toJson() {
        Map<String, Object> out = json();
        out.put("dialect", dialect);
        out.put("serverVersion", serverVersion);
        List<Map<String, Object>> list = new ArrayList<>();
        for (PhaseKind kind : PhaseKind.values()) {
            if (phases.containsKey(kind)) {
                list.add(Map.of("kind", kind.name(), "steps", phases.get(kind).stream().map(sql -> Map.of("sql", sql)).toList()));
            }
        }
        out.put("phases", list);
        return ModelFiles.toJson(out);
    }

    /** Whether {@code source} names a plan file (a {@code .json} file whose {@code format} is a plan's). */
    public static boolean isPlanFile(String source) {
        Path path = Path.of(source);
        if (source.startsWith("jdbc:") || !Files.isRegularFile(path)
                || !path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        try {
            return FORMAT.equals(JSON.readTree(Files.readString(path)).path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    public static PlanFile read(Path path) {
        try {
            return parse(Files.readString(path), path.toString());
        } catch (IOException e) {
            throw StrataException.badInput("cannot read plan file \"" + path + "\": " + e.getMessage());
        }
    }

    /** Parses a plan file's text; {@code label} names it in errors. */
    public static PlanFile parse(String text, String label) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            throw StrataException.badInput("plan file \"" + label + "\" is not JSON: " + e.getMessage());
        }
        for (String field : List.of("base", "desired", "phases", "dialect")) {
            if (tree.path(field).isMissingNode()) {
                throw StrataException.badInput("plan file \"" + label + "\" has no \"" + field + "\"; make it with "
                        + "strata plan FROM TO --format json");
            }
        }
        Map<PhaseKind, List<String>> phases = new LinkedHashMap<>();
        for (JsonNode phase : tree.path("phases")) {
            PhaseKind kind;
            try {
                kind = PhaseKind.valueOf(phase.path("kind").asText());
            } catch (IllegalArgumentException e) {
                throw StrataException.badInput("plan file \"" + label + "\": unknown phase \"" + phase.path("kind").asText() + "\"");
            }
            List<String> sql = new ArrayList<>();
            phase.path("steps").forEach(step -> sql.add(step.path("sql").asText()));
            phases.put(kind, sql);
        }
        return new PlanFile(ModelFiles.fromTree(tree.path("base")), ModelFiles.fromTree(tree.path("desired")),
                tree.path("dialect").asText(), tree.path("serverVersion").asText(""), phases);
    }

    /**
     * Checks that {@code replanned} runs exactly the reviewed statements; a plan file edited by hand, or
     * made by another Strata version, would otherwise run something nobody reviewed.
     */
    public void requireSameStatements(MigrationPlan replanned, String label) {
        PlanFile again = of(base, desired, replanned);
        if (!again.phases.equals(phases)) {
            throw StrataException.badInput("plan file \"" + label + "\" does not match the plan Strata makes from its base "
                    + "to its desired schema (edited by hand, or made by another Strata version); nothing was run. "
                    + "Make it again with strata plan");
        }
    }
}
