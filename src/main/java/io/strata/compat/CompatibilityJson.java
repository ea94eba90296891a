package io.strata.compat;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CompatibilityJson is the one JSON shape of a check's result and of a classified change, shared by the
 * CLI's {@code --format json} and the REST API so that a CI job reads both the same way.
 */
public final class CompatibilityJson {

    private CompatibilityJson() {
    }

    public static Map<String, Object> of(CompatibilityResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", result.level().name());
        json.put("compatible", result.compatible());
        json.put("comparisons", result.comparisons().stream().map(c -> Map.of(
                "from", c.from(), "to", c.to(), "compatible", c.compatible())).toList());
        json.put("changes", result.comparisons().stream()
                .flatMap(c -> findings(c.findings()).stream().map(item -> withVersions(item, c))).toList());
        return json;
    }

    public static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(CompatibilityJson::finding).toList();
    }

    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", f.code());
        item.put("type", f.type());
        item.put("location", f.location());
        item.put("breaks", f.breaks().stream().map(Role::name).toList());
        item.put("dataDependent", f.dataDependent());
        Map<String, String> effects = new LinkedHashMap<>();
        f.effects().forEach((role, effect) -> effects.put(role.name(), effect.name()));
        item.put("effects", effects);
        item.put("message", f.message());
        item.put("why", f.why());
        item.put("recipe", f.recipe());
        return item;
    }

    private static Map<String, Object> withVersions(Map<String, Object> item, VersionComparison c) {
        Map<String, Object> copy = new LinkedHashMap<>(item);
        copy.put("from", c.from());
        copy.put("to", c.to());
        return copy;
    }
}
