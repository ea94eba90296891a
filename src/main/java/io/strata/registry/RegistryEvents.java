package io.strata.registry;

import io.strata.compat.CompatibilityResult;
import io.strata.compat.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RegistryEvents builds the data of the events the registry raises, so that their shape is defined in one place. */
public final class RegistryEvents {

    private RegistryEvents() {
    }

    /** {@code schema.registered}: the version just created. */
    public static Map<String, Object> registered(SchemaVersion v) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subject", v.subject());
        data.put("branch", v.branch());
        data.put("version", v.version());
        data.put("id", v.id());
        data.put("semver", v.semver());
        data.put("fingerprint", v.fingerprint());
        return data;
    }

    /** {@code compatibility.failed}: the subject, the level, and each breaking change with its code and location. */
    public static Map<String, Object> incompatible(String subject, String branch, CompatibilityResult result) {
        List<Map<String, Object>> breaking = new ArrayList<>();
        for (Finding f : result.breaking()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("code", f.code());
            change.put("location", f.location());
            change.put("message", f.message());
            breaking.add(change);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subject", subject);
        data.put("branch", branch);
        data.put("level", result.level().name());
        data.put("breaking", breaking);
        return data;
    }
}
