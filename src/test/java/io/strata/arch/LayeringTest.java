package io.strata.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LayeringTest holds the Layout table of DESIGN.md as an allow-list: for each top-level package under
 * {@code io.strata}, the Strata packages it may import. The lists are DESIGN's, plus the few additions written
 * out in {@link #ADDITIONS} with the reason for each (docs/architecture.md repeats them); no cycle between
 * top-level packages is allowed. A failure lists every offending dependency.
 */
class LayeringTest {

    /** Every domain package: what {@code store} adapts and {@code app} composes. */
    private static final Set<String> DOMAIN = Set.of("model", "diff", "compat", "plan", "dialect", "source", "migrate",
            "registry", "merge", "rollout", "events", "audit", "security");

    /** DESIGN.md's "may import" column, one entry per package ({@code model*} is {@code model}). */
    static final Map<String, Set<String>> DESIGN = new LinkedHashMap<>();
    /** What the code needs beyond DESIGN's column, each with its reason. */
    static final Map<String, Map<String, String>> ADDITIONS = new LinkedHashMap<>();

    static {
        DESIGN.put("model", Set.of());
        DESIGN.put("diff", Set.of("model"));
        DESIGN.put("compat", Set.of("model"));
        DESIGN.put("plan", Set.of("model", "compat"));
        DESIGN.put("dialect", Set.of("model", "diff", "plan"));
        DESIGN.put("source", Set.of("model", "dialect"));
        DESIGN.put("migrate", Set.of("plan", "dialect", "model"));
        DESIGN.put("registry", Set.of("compat", "source", "model", "audit"));
        DESIGN.put("merge", Set.of("model"));
        DESIGN.put("rollout", Set.of("migrate", "registry", "plan", "model", "audit"));
        DESIGN.put("events", Set.of("registry", "rollout", "compat", "model", "audit"));
        DESIGN.put("audit", Set.of());
        DESIGN.put("security", Set.of());
        DESIGN.put("store", DOMAIN);
        DESIGN.put("app", union(DOMAIN, Set.of("store")));
        DESIGN.put("api", Set.of("app", "security"));
        DESIGN.put("web", Set.of("app", "api", "security"));
        DESIGN.put("cli", Set.of("app", "source"));

        addition("source", "compat", "a record file is read into a record schema by its format's parser, which lives with the format's rules");
        addition("source", "plan", "a plan file (strata plan --out) holds plan values: phases, steps and their checksums");
        addition("migrate", "diff", "the executor plans from the difference between the live schema and the desired one");
        addition("migrate", "source", "a run records its plan in strata_history as a plan file, in the model's JSON");
        addition("registry", "diff", "a SQL version's changes are the relational differ's, which compat classifies");
        addition("registry", "dialect", "a SQL subject names its dialect; the registry resolves the name");
        addition("merge", "compat", "record schemas are merged as their format's parser reads them");
        addition("merge", "dialect", "a merged SQL schema is written back as its dialect's CREATE statements");
        addition("rollout", "dialect", "environments are reached through their dialect's driver URL, inspector and history");
        addition("rollout", "diff", "drift is the difference between the live schema and the expected version");
        addition("rollout", "compat", "drift and preflight say which roles a difference breaks");
        addition("api", "registry", "routes answer with the registry's records, as JSON");
        addition("api", "rollout", "routes answer with rollouts, environments and their health, as JSON");
        addition("api", "events", "webhook routes answer with webhooks and deliveries, as JSON");
        addition("api", "compat", "compatibility results are written as JSON by the one writer, CompatibilityJson");
        addition("api", "audit", "the audit routes page through events and verify the chain");
        addition("api", "model", "a subject's format is a request field");
        addition("cli", "registry", "audit log reads the trail through the registry's use case when no server is named");
        addition("cli", "api", "strata serve starts the API server; audit log prints events in the API's shape (api.dto)");
        addition("cli", "migrate", "apply, migrate, rollback, status and backups print the executor's typed results");
        addition("cli", "plan", "plan and lint print plans and diagnostics");
        addition("cli", "compat", "check and diff print compatibility results");
        addition("cli", "rollout", "rollout and env commands send the rollout engine's request records");
        addition("cli", "audit", "audit verify prints the chain's verification");
        addition("cli", "model", "check and register name record formats");
        addition("cli", "security", "serve builds the token verifier from its OIDC options and writes the first admin key as a private file");
        addition("cli", "events", "strata serve turns --webhook-allow into the webhook settings' allowed address blocks");
    }

    private static void addition(String from, String to, String why) {
        ADDITIONS.computeIfAbsent(from, k -> new LinkedHashMap<>()).put(to, why);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static JavaClasses strata;

    @BeforeAll
    static void importClasses() {
        strata = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.strata");
    }

    private static void assertHolds(ArchRule rule) {
        assertThat(rule.evaluate(strata).getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }

    static Stream<String> packages() {
        return DESIGN.keySet().stream();
    }

    @ParameterizedTest(name = "{0} imports only what the Layout table allows")
    @MethodSource("packages")
    void eachPackageImportsOnlyWhatTheLayoutAllows(String pkg) {
        Set<String> allowed = new TreeSet<>(DESIGN.get(pkg));
        allowed.addAll(ADDITIONS.getOrDefault(pkg, Map.of()).keySet());
        List<String> packages = new ArrayList<>();
        packages.add("io.strata." + pkg + "..");
        // error is the one unchecked root every layer throws (DESIGN, Style 6); model.change comes with model.
        packages.add("io.strata.error..");
        allowed.forEach(p -> packages.add("io.strata." + p + ".."));
        DescribedPredicate<JavaClass> permitted = resideOutsideOfPackage("io.strata..")
                .or(resideInAnyPackage(packages.toArray(String[]::new)));
        assertHolds(classes().that().resideInAPackage("io.strata." + pkg + "..")
                .should().onlyDependOnClassesThat(permitted).allowEmptyShould(true));
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        assertHolds(slices().matching("io.strata.(*)..").should().beFreeOfCycles());
    }

    @Test
    void everyTopLevelPackageIsInTheTable() {
        Set<String> present = new TreeSet<>();
        strata.forEach(c -> {
            String rest = c.getPackageName().substring("io.strata".length());
            if (rest.startsWith(".")) {
                String top = rest.substring(1).split("\\.")[0];
                if (!top.equals("error")) {
                    present.add(top);
                }
            }
        });
        assertThat(DESIGN.keySet()).containsAll(present);
    }

    @Test
    void modelDependsOnTheJdkOnly() {
        assertHolds(classes().that().resideInAPackage("io.strata.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.strata.model.."));
    }

    @Test
    void theAuditTrailNeedsOnlyTheJdk() {
        assertHolds(classes().that().resideInAPackage("io.strata.audit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.strata.audit.."));
    }

    @Test
    void compatibilityNeverTouchesJdbc() {
        assertHolds(noClasses().that().resideInAPackage("io.strata.compat..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql.."));
    }

    @Test
    void theDomainReachesTheStoreOnlyThroughPorts() {
        // registry, rollout and events declare repositories; only store and app know the store's classes or JDBC types.
        assertHolds(noClasses().that().resideInAnyPackage("io.strata.registry..", "io.strata.events..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "io.strata.store.."));
    }

    @Test
    void dialectImplementationsDoNotKnowEachOther() {
        assertHolds(noClasses().that().resideInAPackage("io.strata.dialect.postgres..")
                .should().dependOnClassesThat().resideInAPackage("io.strata.dialect.mysql.."));
        assertHolds(noClasses().that().resideInAPackage("io.strata.dialect.mysql..")
                .should().dependOnClassesThat().resideInAPackage("io.strata.dialect.postgres.."));
    }

    @Test
    void onlyTheCompositionRootAndTheStoreKnowDialectImplementations() {
        assertHolds(noClasses().that().resideOutsideOfPackages("io.strata.dialect..", "io.strata.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.dialect.postgres..", "io.strata.dialect.mysql.."));
    }

    @Test
    void theRulesThemselvesCanFail() {
        // A rule that must be violated: proves the evaluation sees the classes and reports violations.
        ArchRule impossible = noClasses().that().resideInAPackage("io.strata.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.strata.app..");
        assertThat(impossible.evaluate(strata).hasViolation()).isTrue();
    }
}
