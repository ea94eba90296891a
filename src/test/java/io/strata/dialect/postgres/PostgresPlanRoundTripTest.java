package io.strata.dialect.postgres;

import io.strata.testing.SharedCorpora;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan round trips on a live server: for every migra fixture pair and every pair of the hand-written
 * corpus ({@code pg-plan-corpus/NN-name/a.sql, b.sql}, optional {@code data.sql} rows for {@code a}),
 * the plan from a to b applied to a database at a yields b with its rows, and its reverse yields a again
 * with identical rows.
 */
class PostgresPlanRoundTripTest {

    /** Inside ../shared; see {@link SharedCorpora}. */
    private static final Path FIXTURES = Path.of("conformance", "db", "migra", "tests", "FIXTURES");

    /** Object kinds outside the model: a fixture that uses one may not converge, and says why it was skipped. */
    private static final Map<String, Pattern> OUTSIDE_MODEL = new LinkedHashMap<>();

    static {
        OUTSIDE_MODEL.put("domains", Pattern.compile("create\\s+domain"));
        OUTSIDE_MODEL.put("composite types", Pattern.compile("create\\s+type\\s+\\S+\\s+as\\s*\\("));
    }

    private static String version;

    @BeforeAll
    static void server() {
        version = PgPlanRoundTrip.serverVersion();
        try (Connection c = TestDatabases.connect(TestDatabases.postgresServerUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE schemainspect_test_role");
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create role schemainspect_test_role: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void everyMigraPairRoundTrips() throws Exception {
        Path fixtures = SharedCorpora.require(FIXTURES);
        runAll("migra", cases(fixtures), true);
    }

    @Test
    void everyCorpusPairRoundTrips() throws Exception {
        Path corpus = Path.of(getClass().getResource("/pg-plan-corpus").toURI());
        List<Path> dirs = cases(corpus);
        assertThat(dirs).as("hand-written pairs").hasSizeGreaterThanOrEqualTo(30);
        runAll("corpus", dirs, false);
    }

    private static List<Path> cases(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve("a.sql"))
                    && Files.isRegularFile(d.resolve("b.sql"))).sorted().toList();
        }
    }

    private void runAll(String name, List<Path> dirs, boolean outsideModelIsExplained)
            throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
        PgPlanRoundTrip trip = new PgPlanRoundTrip(version);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<PgPlanRoundTrip.Outcome>> outcomes = new ArrayList<>();
        for (Path dir : dirs) {
            String label = dir.getFileName().toString();
            String a = Files.readString(dir.resolve("a.sql"));
            String b = Files.readString(dir.resolve("b.sql"));
            String data = Files.isRegularFile(dir.resolve("data.sql")) ? Files.readString(dir.resolve("data.sql")) : null;
            outcomes.add(pool.submit(() -> trip.run(label, a, b, data)));
        }
        pool.shutdown();
        int agreed = 0;
        int reverseAgreed = 0;
        int irreversible = 0;
        List<String> differed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> reverseDiffered = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            String label = dirs.get(i).getFileName().toString();
            PgPlanRoundTrip.Outcome o = outcomes.get(i).get();
            String sql = (Files.readString(dirs.get(i).resolve("a.sql")) + Files.readString(dirs.get(i).resolve("b.sql")))
                    .toLowerCase(Locale.ROOT);
            List<String> outside = OUTSIDE_MODEL.entrySet().stream().filter(e -> e.getValue().matcher(sql).find())
                    .map(Map.Entry::getKey).toList();
            if (o.skipped()) {
                skipped.add(label + ": " + o.forward());
                continue;
            }
            if (o.forward() != null) {
                if (outsideModelIsExplained && !outside.isEmpty()) {
                    skipped.add(label + ": uses " + String.join(", ", outside) + " (outside the model): " + o.forward());
                } else {
                    differed.add(label + ": " + o.forward());
                }
                continue;
            }
            agreed++;
            if (o.irreversible()) {
                irreversible++;
                String reasons = o.plan().steps().stream().filter(s -> !s.reversible())
                        .map(s -> ((io.strata.plan.Reverse.Irreversible) s.reverse()).reason()).distinct()
                        .reduce((x, y) -> x + "; " + y).orElse("");
                skipped.add(label + " (reverse only): irreversible plan: " + reasons);
            } else if (o.reverse() != null) {
                if (outsideModelIsExplained && !outside.isEmpty()) {
                    skipped.add(label + " (reverse only): uses " + String.join(", ", outside) + " (outside the model): " + o.reverse());
                } else {
                    reverseDiffered.add(label + ": " + o.reverse());
                }
            } else {
                reverseAgreed++;
            }
        }
        System.out.printf("%s plan round trip: %d agreed, %d differed, %d skipped%n", name, agreed, differed.size(),
                skipped.stream().filter(s -> !s.contains("(reverse only)")).count());
        System.out.printf("  reverse: %d agreed, %d differed, %d irreversible%n", reverseAgreed, reverseDiffered.size(), irreversible);
        differed.forEach(r -> System.out.println("  differed " + r));
        reverseDiffered.forEach(r -> System.out.println("  reverse differed " + r));
        skipped.forEach(r -> System.out.println("  skipped  " + r));
        assertThat(differed).as(name + " pairs whose forward plan differed").isEmpty();
        assertThat(reverseDiffered).as(name + " pairs whose reverse differed").isEmpty();
    }
}
