package io.strata.registry;

import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.Finding;
import io.strata.compat.Role;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ImpactOfChange is the use case behind {@code /schemas/{id}/impact} (seed 000: a table change that breaks
 * the CDC stream derived from it, and the pipelines reading that stream). The change is the proposed
 * schema against the subject's latest version. A subject that reads the changed one breaks when a
 * finding breaks readers; one derived from it breaks when such a finding touches a name its own latest
 * schema carries; anything further down breaks when what it depends on breaks.
 */
public final class ImpactOfChange {

    private final RegistryCore core;

    public ImpactOfChange(RegistryCore core) {
        this.core = core;
    }

    /**
     * @param proposed the schema text proposed; or null with {@code version} naming a registered version of
     *                 main, whose change from the version before it is assessed
     */
    public Impact run(String subject, String proposed, String version) {
        record Loaded(Subject subject, SchemaVersion from, SchemaVersion to, CompatibilityLevel level,
                      List<Dependency> dependencies) {
        }
        Loaded loaded = core.store().transaction(tx -> {
            Subject s = RegistryCore.requireSubject(tx, subject);
            List<SchemaVersion> live = tx.versions().of(s.id(), RegistryCore.MAIN, false);
            SchemaVersion to = null;
            SchemaVersion from;
            if (proposed == null) {
                to = VersionLookup.find(tx, s, RegistryCore.MAIN, version == null ? "latest" : version, false);
                int number = to.version();
                from = live.stream().filter(v -> v.version() < number).reduce((a, b) -> b).orElse(null);
            } else {
                from = live.isEmpty() ? null : live.get(live.size() - 1);
            }
            return new Loaded(s, from, to, RegistryCore.levelOf(tx, s), tx.dependencies().all());
        });
        if (loaded.from() == null) {
            throw new RegistryException(RegistryException.Reason.VERSION_NOT_FOUND, "subject \"" + subject
                    + "\" has no earlier version to compare with");
        }
        ParsedSchema before = core.parse(loaded.subject(), loaded.from());
        ParsedSchema after = proposed != null
                ? core.parser().parse(loaded.subject().format(), loaded.subject().dialect(), proposed)
                : core.parse(loaded.subject(), loaded.to());
        List<SchemaChecks.Labelled> pair = List.of(new SchemaChecks.Labelled(RegisterVersion.describe(loaded.from()), before),
                new SchemaChecks.Labelled(proposed != null ? "proposed schema" : RegisterVersion.describe(loaded.to()), after));
        CompatibilityResult atLevel = SchemaChecks.check(loaded.level(), pair);
        List<Finding> readerBreaks = SchemaChecks.check(CompatibilityLevel.NONE, pair).findings().stream()
                .filter(f -> f.breaksAny(Set.of(Role.OLD_READER, Role.NEW_WRITER))).toList();
        List<Impact.Downstream> downstream = walk(subject, readerBreaks, loaded.dependencies());
        return new Impact(subject, RegisterVersion.describe(loaded.from()), atLevel, readerBreaks, downstream);
    }

    private List<Impact.Downstream> walk(String changed, List<Finding> readerBreaks, List<Dependency> dependencies) {
        record Step(String subject, List<String> path, boolean upstreamBreaks, boolean direct) {
        }
        List<Impact.Downstream> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(changed));
        Deque<Step> queue = new ArrayDeque<>(List.of(new Step(changed, List.of(changed), !readerBreaks.isEmpty(), true)));
        while (!queue.isEmpty()) {
            Step at = queue.poll();
            for (Dependency d : dependencies) {
                if (!d.upstream().equals(at.subject()) || !seen.add(d.subject())) {
                    continue;
                }
                List<String> path = new ArrayList<>(at.path());
                path.add(d.subject());
                Impact.Downstream assessed = at.direct()
                        ? direct(d, readerBreaks, path)
                        : new Impact.Downstream(d.subject(), d.kind(), path, at.upstreamBreaks(), at.upstreamBreaks()
                        ? "it depends on " + at.subject() + ", which the change breaks"
                        : "what it depends on (" + at.subject() + ") is not broken");
                out.add(assessed);
                queue.add(new Step(d.subject(), path, assessed.breaks(), false));
            }
        }
        return out;
    }

    private Impact.Downstream direct(Dependency d, List<Finding> readerBreaks, List<String> path) {
        if (readerBreaks.isEmpty()) {
            return new Impact.Downstream(d.subject(), d.kind(), path, false, "the change breaks no reader");
        }
        if ("DERIVES_FROM".equals(d.kind())) {
            String derived = latestCanonical(d.subject());
            List<Finding> touching = derived == null ? readerBreaks : readerBreaks.stream()
                    .filter(f -> mentions(derived, lastName(f.location()))).toList();
            if (touching.isEmpty()) {
                return new Impact.Downstream(d.subject(), d.kind(), path, false, "none of the breaking changes ("
                        + codes(readerBreaks) + ") touches a name its schema carries");
            }
            return new Impact.Downstream(d.subject(), d.kind(), path, true, "derived from a changed element: "
                    + String.join("; ", touching.stream().map(f -> f.code() + " at " + f.location()).toList()));
        }
        return new Impact.Downstream(d.subject(), d.kind(), path, true, "it reads the subject, and the change breaks readers: "
                + codes(readerBreaks));
    }

    private String latestCanonical(String subject) {
        return core.store().transaction(tx -> {
            Subject s = tx.subjects().byName(subject).orElse(null);
            if (s == null) {
                return null;
            }
            List<SchemaVersion> live = tx.versions().of(s.id(), RegistryCore.MAIN, false);
            return live.isEmpty() ? null : live.get(live.size() - 1).canonical().toLowerCase(Locale.ROOT);
        });
    }

    /** The last segment of a location: {@code public.orders.total} names {@code total}, {@code /properties/a} names {@code a}. */
    private static String lastName(String location) {
        if (location == null) {
            return "";
        }
        String[] parts = location.split("[./#\\s]+");
        return parts.length == 0 ? location : parts[parts.length - 1].toLowerCase(Locale.ROOT);
    }

    private static boolean mentions(String canonical, String name) {
        return !name.isEmpty() && (canonical.contains("\"" + name + "\"") || canonical.matches("(?s).*\\b" +
                java.util.regex.Pattern.quote(name) + "\\b.*"));
    }

    private static String codes(List<Finding> findings) {
        return String.join(", ", findings.stream().map(Finding::code).distinct().toList());
    }
}
