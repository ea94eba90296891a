package io.strata.cli;

import io.strata.compat.Finding;
import io.strata.compat.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ChangeJson is the JSON shape of one classified change, shared by {@code diff} and {@code check}. */
final class ChangeJson {

    private ChangeJson() {
    }

    static List<Map<String, Object>> of(List<Finding> findings) {
        return findings.stream().map(ChangeJson::of).toList();
    }

    static Map<String, Object> of(Finding f) {
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
}
