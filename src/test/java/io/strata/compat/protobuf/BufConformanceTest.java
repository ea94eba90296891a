package io.strata.compat.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.testing.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs Buf's breaking-change test cases (bufbuild/buf {@code private/bufpkg/bufcheck/testdata/breaking},
 * expectations derived from {@code breaking_test.go}; Apache-2.0, Copyright Buf Technologies, Inc.)
 * through {@link ProtobufSupport#evolution}.
 *
 * <p>{@code buf breaking} checks the current input against a previous one, so each case is checked with
 * {@code previous} as the earlier schema and {@code current} as the later one (the primitive then runs
 * with {@code current} as the reader: BACKWARD). The strictness is the loosest Buf category containing
 * the rules the case selects. A case agrees when every expected annotation is matched by a Strata issue
 * with a mapped code at the same element of the current file (same line, or the element enclosing it),
 * and a case expecting no break gets no issue at all.
 */
class BufConformanceTest {

    /** Inside ../shared; see {@link SharedCorpora}. */
    private static final Path CORPUS = Path.of("conformance", "record", "buf");
    private static final Pattern UNSTABLE = Pattern.compile("(^|\\.)v\\d+(alpha|beta|test)\\w*$|(^|\\.)v\\d+test$");

    /** Cases known not to agree, with why. Any other case that does not agree fails the build. */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

    private final ProtobufSupport support = new ProtobufSupport();

    /** The corpus folder inside ../shared, set once the test has found it. */
    private Path root;

    sealed interface Outcome permits Agreed, Differed {
    }

    record Agreed() implements Outcome {
    }

    record Differed(String reason) implements Outcome {
    }

    @Test
    void agreesWithBufOnBreakingChanges() throws IOException {
        Path expectations = SharedCorpora.require(CORPUS.resolve("buf-breaking-expectations.json"));
        root = expectations.getParent();
        JsonNode cases = new ObjectMapper().readTree(expectations.toFile()).get("cases");
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (JsonNode c : cases) {
            outcomes.put(c.get("dir").asText(), run(c));
        }
        long agreed = outcomes.values().stream().filter(Agreed.class::isInstance).count();
        long differed = outcomes.values().stream().filter(Differed.class::isInstance).count();
        // nothing is skipped: edition 2023 files are read too; the count stays for the same line as the others
        System.out.println("protobuf conformance: " + agreed + " agreed, " + differed + " differed, 0 skipped");
        outcomes.forEach((dir, o) -> {
            if (o instanceof Differed d) {
                System.out.println("  differed " + dir + ": " + d.reason()
                        + (KNOWN_DIFFERENCES.containsKey(dir) ? " [known: " + KNOWN_DIFFERENCES.get(dir) + "]" : ""));
            }
        });
        List<String> unexpected = outcomes.entrySet().stream()
                .filter(e -> e.getValue() instanceof Differed && !KNOWN_DIFFERENCES.containsKey(e.getKey()))
                .map(e -> e.getKey() + ": " + ((Differed) e.getValue()).reason()).toList();
        if (!unexpected.isEmpty()) {
            fail("cases that stopped agreeing with Buf:\n" + String.join("\n", unexpected));
        }
        List<String> stale = KNOWN_DIFFERENCES.keySet().stream()
                .filter(dir -> !(outcomes.get(dir) instanceof Differed)).sorted().toList();
        assertThat(stale).as("allow-listed cases that now agree (remove them from KNOWN_DIFFERENCES)").isEmpty();
        assertThat(cases.size()).isEqualTo(54);
    }

    private Outcome run(JsonNode c) throws IOException {
        String dir = c.get("dir").asText();
        Map<String, Object> config = yaml(root.resolve("testdata/breaking/current").resolve(dir).resolve("buf.yaml"));
        // each side has its own buf.yaml, and with it possibly its own root
        Map<String, String> previousFiles = protoFiles(root.resolve("testdata/breaking/previous").resolve(dir));
        Map<String, String> currentFiles = protoFiles(root.resolve("testdata/breaking/current").resolve(dir));
        List<JsonNode> expected = new ArrayList<>();
        c.get("expected_annotations").forEach(expected::add);

        ProtoSchema previous;
        ProtoSchema current;
        try {
            previous = support.parseModule("previous/" + dir, previousFiles);
            current = support.parseModule("current/" + dir, currentFiles);
        } catch (RuntimeException e) {
            return new Differed("could not parse: " + e.getMessage());
        }
        Map<String, Object> breaking = map(config.get("breaking"));
        Strictness strictness = strictness(breaking, expected);
        List<ProtoIssue> issues = filter(support.evolution(previous, current, strictness), breaking, previous, current);

        if (expected.isEmpty()) {
            return issues.isEmpty() ? new Agreed()
                    : new Differed("expected no break at " + strictness + ", got " + issues.stream()
                    .map(i -> i.rule() + " " + i.path()).toList());
        }
        Map<String, NavigableSet<Integer>> starts = elementStarts(current);
        List<String> missing = new ArrayList<>();
        for (JsonNode a : expected) {
            String rule = a.get("rule").asText();
            BufRules.Mapping mapping = BufRules.RULES.get(rule);
            if (mapping == null) {
                missing.add(rule + " (no Strata rule)");
            } else if (issues.stream().noneMatch(i -> mapping.codes().contains(i.rule()) && at(i, a, starts))) {
                missing.add(rule + " at " + (a.has("path") ? a.get("path").asText() : "(no file)")
                        + (a.has("start_line") ? ":" + a.get("start_line").asInt() : ""));
            }
        }
        if (!missing.isEmpty()) {
            return new Differed(missing.size() + " of " + expected.size() + " expected annotations not reported at "
                    + strictness + ": " + missing);
        }
        return new Agreed();
    }

    /** The loosest category that holds every rule the case selects or expects; Buf's default is FILE. */
    private static Strictness strictness(Map<String, Object> breaking, List<JsonNode> expected) {
        List<String> ids = new ArrayList<>();
        Object use = breaking.get("use");
        if (use instanceof List<?> list) {
            list.forEach(x -> ids.add(String.valueOf(x)));
        }
        expected.forEach(a -> ids.add(a.get("rule").asText()));
        if (!(use instanceof List<?>)) {
            return Strictness.FILE;
        }
        Strictness out = Strictness.WIRE;
        for (String id : ids) {
            Strictness s = BufRules.CATEGORIES.containsKey(id) ? BufRules.CATEGORIES.get(id)
                    : BufRules.RULES.containsKey(id) ? BufRules.RULES.get(id).strictness() : Strictness.FILE;
            out = s.atLeast(out) ? s : out;
        }
        return out;
    }

    /** Buf's own configuration: ignored paths and, optionally, unstable packages (v1alpha1, v1beta1, v1test). */
    private static List<ProtoIssue> filter(List<ProtoIssue> issues, Map<String, Object> breaking,
                                           ProtoSchema previous, ProtoSchema current) {
        List<String> ignored = new ArrayList<>();
        if (breaking.get("ignore") instanceof List<?> list) {
            list.forEach(x -> ignored.add(String.valueOf(x)));
        }
        boolean unstable = Boolean.TRUE.equals(breaking.get("ignore_unstable_packages"));
        return issues.stream().filter(i -> {
            Set<String> files = new HashSet<>();
            if (i.reader() != null) {
                files.add(i.reader().file());
            }
            if (i.writer() != null) {
                files.add(i.writer().file());
            }
            if (files.stream().anyMatch(f -> ignored.stream().anyMatch(p -> f.equals(p) || f.startsWith(p + "/")))) {
                return false;
            }
            if (!unstable) {
                return true;
            }
            if (i.rule() == ProtoRule.PACKAGE_REMOVED) {
                return !UNSTABLE.matcher(i.path()).find();
            }
            return files.stream().map(f -> packageOf(f, previous, current)).noneMatch(p -> UNSTABLE.matcher(p).find());
        }).toList();
    }

    private static String packageOf(String file, ProtoSchema previous, ProtoSchema current) {
        var f = current.files().containsKey(file) ? current.files().get(file) : previous.files().get(file);
        return f == null || f.getPackageName() == null ? "" : f.getPackageName();
    }

    /** Whether issue {@code i} sits where annotation {@code a} points: same file, same or enclosing element. */
    private static boolean at(ProtoIssue i, JsonNode a, Map<String, NavigableSet<Integer>> starts) {
        if (!a.has("path")) {
            return true;
        }
        String path = a.get("path").asText();
        ProtoIssue.Anchor anchor = i.reader() != null ? i.reader() : i.writer();
        if (anchor == null || !anchor.file().equals(path)) {
            return false;
        }
        if (!a.has("start_line")) {
            return i.reader() == null || anchor.line() == 0;
        }
        int line = a.get("start_line").asInt();
        if (anchor.line() == line) {
            return true;
        }
        if (anchor.line() <= 0 || anchor.line() > line) {
            return false;
        }
        return starts.getOrDefault(path, new TreeSet<>()).subSet(anchor.line(), false, line, true).isEmpty();
    }

    /** The lines where an element starts in each current file, to tell which element holds a given line. */
    private static Map<String, NavigableSet<Integer>> elementStarts(ProtoSchema schema) {
        Map<String, NavigableSet<Integer>> out = new TreeMap<>();
        java.util.function.BiConsumer<String, Integer> add =
                (file, line) -> out.computeIfAbsent(file, k -> new TreeSet<>()).add(line);
        schema.index().messages().values().forEach(m -> {
            add.accept(m.file(), m.location().getLine());
            m.fields().forEach(f -> add.accept(m.file(), f.location().getLine()));
        });
        schema.index().enums().values().forEach(e -> {
            add.accept(e.file(), e.location().getLine());
            e.constants().forEach(k -> add.accept(e.file(), k.getLocation().getLine()));
        });
        schema.index().services().values().forEach(s -> {
            add.accept(s.file(), s.location().getLine());
            s.rpcs().forEach(r -> add.accept(s.file(), r.location().getLine()));
        });
        return out;
    }

    private static Map<String, String> protoFiles(Path dir) throws IOException {
        Path base = dir.resolve(root(yaml(dir.resolve("buf.yaml"))));
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(base)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".proto")).collect(Collectors.toList())) {
                out.put(base.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }

    private static String root(Map<String, Object> config) {
        if (map(config.get("build")).get("roots") instanceof List<?> roots && !roots.isEmpty()) {
            return String.valueOf(roots.get(0));
        }
        return ".";
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Object parsed = new Yaml().load(Files.readString(file));
        return map(parsed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
