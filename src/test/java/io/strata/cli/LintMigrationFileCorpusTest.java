package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata lint V2__change.sql --base base.sql} on the SQL-review corpus under {@code lint-migration-files/DIALECT}
 * (its README says what a case is), on the test PostgreSQL and MariaDB servers. It prints how many expected hazards
 * of each family were flagged and every diagnostic raised on a near miss, and holds that at least 90% are flagged,
 * that valid SQL never ends in exit 2 or 3, and that every diagnostic a case did not expect is listed in its
 * {@code case.yaml} with the reason the rule gives (and every code listed there is raised, so the lists do not go stale).
 */
class LintMigrationFileCorpusTest {

    /** The codes that flag each hazard family (docs/lint.md). */
    private static final Map<String, Set<String>> FAMILIES = Map.of(
            "backward-incompatible", Set.of("BC101", "BC102", "BC103", "BC104", "BC105"),
            "table-drop", Set.of("DS101"),
            "indexed-column-drop", Set.of("DS102"),
            "not-null-without-default", Set.of("BC103", "DD106"),
            "set-not-null", Set.of("DD102", "LK102"),
            "table-rewrite", Set.of("LK101", "LK104"),
            "fk-without-not-valid", Set.of("LK102"),
            "index-without-concurrently", Set.of("LK103"));

    /** One expected hazard: its family, and the table or column it is on (without the schema). */
    record Hazard(String family, String at) {
        boolean flaggedBy(JsonNode d) {
            return FAMILIES.get(family).contains(d.get("code").asText()) && isOn(d.get("location").asText(), at);
        }
    }

    /** The tally of one run over the corpus, by family, with what did not go as the cases say. */
    static final class Tally {
        final Map<String, int[]> byFamily = new TreeMap<>();
        final List<String> missed = new ArrayList<>();
        final List<String> falseAlarms = new ArrayList<>();
        final List<String> unexplained = new ArrayList<>();
        final List<String> failedRuns = new ArrayList<>();
        final List<String> staleReasons = new ArrayList<>();

        int expected() {
            return byFamily.values().stream().mapToInt(v -> v[1]).sum();
        }

        int flagged() {
            return byFamily.values().stream().mapToInt(v -> v[0]).sum();
        }
    }

    @Test
    void flagsAtLeastNinetyPercentOfTheHazardsAndExplainsEveryOtherDiagnostic() throws Exception {
        Tally tally = new Tally();
        run("postgres", TestDatabases.postgresServerUrl(), tally);
        run("mysql", TestDatabases.mysqlServerUrl(), tally);
        System.out.println("lint of migration files: " + tally.flagged() + " of " + tally.expected()
                + " hazards flagged, " + tally.falseAlarms.size() + " diagnostics on near misses, "
                + tally.failedRuns.size() + " runs ended in exit 2/3");
        tally.byFamily.forEach((family, v) -> System.out.println("  " + family + ": " + v[0] + " of " + v[1]));
        tally.missed.forEach(m -> System.out.println("  missed " + m));
        tally.falseAlarms.forEach(f -> System.out.println("  near miss flagged " + f));
        tally.unexplained.forEach(u -> System.out.println("  unexplained " + u));
        tally.failedRuns.forEach(f -> System.out.println("  exit " + f));
        tally.staleReasons.forEach(r -> System.out.println("  listed but not raised " + r));

        assertThat(tally.failedRuns).as("valid SQL must lint (exit 0 or 1)").isEmpty();
        assertThat(tally.flagged() * 10).as("hazards flagged, of " + tally.expected()).isGreaterThanOrEqualTo(tally.expected() * 9);
        assertThat(tally.unexplained).as("diagnostics a case neither expects nor lists with a reason").isEmpty();
        assertThat(tally.staleReasons).as("codes a case lists under also that it does not raise").isEmpty();
    }

    private void run(String dialect, String serverUrl, Tally tally) throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/lint-migration-files/" + dialect).toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("cases under " + root).isNotEmpty();
        for (Path dir : cases) {
            runCase(dialect + "/" + dir.getFileName(), dir, serverUrl, tally);
        }
    }

    /** The case's own base.sql, else its dialect's, which most cases share. */
    private static Path base(Path dir) {
        Path own = dir.resolve("base.sql");
        return Files.exists(own) ? own : dir.getParent().resolve("base.sql");
    }

    private static void runCase(String name, Path dir, String serverUrl, Tally tally) throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve("case.yaml").toFile());
        List<Hazard> hazards = new ArrayList<>();
        spec.path("hazards").forEach(h -> hazards.add(new Hazard(h.get("family").asText(), h.get("at").asText())));
        Map<String, String> also = new LinkedHashMap<>();
        spec.path("also").fields().forEachRemaining(e -> also.put(e.getKey(), e.getValue().asText()));
        assertThat(hazards.isEmpty()).as(name + ": a case expects hazards or names the family it is a near miss of")
                .isEqualTo(spec.has("near-miss-of"));
        hazards.forEach(h -> assertThat(FAMILIES).as(name).containsKey(h.family()));
        also.forEach((code, why) -> assertThat(why).as(name + ": the reason for " + code).isNotBlank());

        CliRun run = CliRun.of("lint", "--dev-url", serverUrl, dir.resolve("V2__change.sql").toString(),
                "--base", base(dir).toString(), "--format=json");
        List<JsonNode> diagnostics = new ArrayList<>();
        boolean ran = run.exitCode() == 0 || run.exitCode() == 1;
        if (ran) {
            run.json().get("diagnostics").forEach(diagnostics::add);
        } else {
            tally.failedRuns.add(run.exitCode() + " " + name + ": " + run.err().strip());
        }
        for (Hazard h : hazards) {
            int[] counts = tally.byFamily.computeIfAbsent(h.family(), f -> new int[2]);
            counts[1]++;
            if (diagnostics.stream().anyMatch(h::flaggedBy)) {
                counts[0]++;
            } else {
                tally.missed.add(name + ": " + h.family() + " at " + h.at());
            }
        }
        if (ran) {
            also.keySet().stream().filter(code -> diagnostics.stream().noneMatch(d -> d.get("code").asText().equals(code)))
                    .forEach(code -> tally.staleReasons.add(name + ": " + code));
        }
        for (JsonNode d : diagnostics) {
            String code = d.get("code").asText();
            String line = name + ": " + code + " " + d.get("location").asText() + " " + d.get("message").asText();
            if (hazards.isEmpty()) {
                tally.falseAlarms.add(line + (also.containsKey(code) ? " (listed: " + also.get(code) + ")" : ""));
            }
            if (hazards.stream().noneMatch(h -> h.flaggedBy(d)) && !also.containsKey(code)) {
                tally.unexplained.add(line);
            }
        }
    }

    /** Whether a diagnostic's location ({@code public.book.name}, {@code book.name}) is on {@code at} or inside it. */
    private static boolean isOn(String location, String at) {
        return Stream.of(location, location.substring(location.indexOf('.') + 1))
                .anyMatch(l -> l.equals(at) || l.startsWith(at + "."));
    }
}
