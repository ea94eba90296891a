package io.strata.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LayeringTest enforces the package dependencies of DESIGN.md: dependencies point inward toward
 * {@code model}; compatibility never touches JDBC; commands reach the engine only through use cases.
 * A failure lists every offending dependency.
 */
class LayeringTest {

    private static JavaClasses strata;

    @BeforeAll
    static void importClasses() {
        strata = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.strata");
    }

    private static void assertHolds(ArchRule rule) {
        assertThat(rule.evaluate(strata).getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }

    @Test
    void modelDependsOnTheJdkOnly() {
        assertHolds(classes().that().resideInAPackage("io.strata.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.strata.model.."));
    }

    @Test
    void differIsDialectNeutral() {
        assertHolds(classes().that().resideInAPackage("io.strata.diff..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.strata.model..", "io.strata.diff.."));
    }

    @Test
    void compatibilityDependsOnlyOnTheModelErrorsTheJdkAndTheFormatLibraries() {
        // DESIGN.md: compat may import the model and the format libraries, never JDBC, SQL or the layers above.
        assertHolds(classes().that().resideInAPackage("io.strata.compat..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.strata.model..", "io.strata.error..", "io.strata.compat..",
                        "org.apache.avro..", "com.fasterxml.jackson..", "io.apicurio..", "org.everit..",
                        "com.github.erosb..", "org.json..", "com.squareup.wire..", "com.google.protobuf..",
                        "okio..", "kotlin..", "com.google.common..", "io.vertx.."));
    }

    @Test
    void dialectsDoNotKnowRulesUseCasesOrCommands() {
        assertHolds(noClasses().that().resideInAPackage("io.strata.dialect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.compat..", "io.strata.app..", "io.strata.cli.."));
    }

    @Test
    void dialectImplementationsDoNotKnowEachOther() {
        assertHolds(noClasses().that().resideInAPackage("io.strata.dialect.postgres..")
                .should().dependOnClassesThat().resideInAPackage("io.strata.dialect.mysql.."));
        assertHolds(noClasses().that().resideInAPackage("io.strata.dialect.mysql..")
                .should().dependOnClassesThat().resideInAPackage("io.strata.dialect.postgres.."));
    }

    @Test
    void plansKnowTheDialectSpiButNoImplementation() {
        assertHolds(noClasses().that().resideInAPackage("io.strata.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.dialect.postgres..",
                        "io.strata.dialect.mysql..", "io.strata.compat..", "io.strata.app..", "io.strata.cli.."));
    }

    @Test
    void useCasesDoNotKnowCommands() {
        assertHolds(noClasses().that().resideInAPackage("io.strata.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.cli.."));
    }

    @Test
    void commandsGoThroughUseCases() {
        assertHolds(noClasses().that().resideInAPackage("io.strata.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.diff..", "io.strata.dialect..", "java.sql.."));
    }

    @Test
    void theAuditTrailNeedsOnlyTheJdk() {
        assertHolds(classes().that().resideInAPackage("io.strata.audit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.strata.audit.."));
    }

    @Test
    void theStoreKnowsNoUseCaseOrTransport() {
        assertHolds(noClasses().that().resideInAPackage("io.strata.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.app..", "io.strata.api..", "io.strata.cli..",
                        "io.strata.compat.."));
    }

    @Test
    void routesGoThroughUseCases() {
        // DESIGN.md: api calls app; it reads the store's and the audit's records, never SQL, dialects or plans.
        assertHolds(noClasses().that().resideInAPackage("io.strata.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.dialect..", "io.strata.diff..",
                        "io.strata.plan..", "io.strata.cli..", "java.sql.."));
        assertHolds(noClasses().that().resideInAPackage("io.strata.api..")
                .should().dependOnClassesThat().haveSimpleName("StoreTransaction"));
        assertHolds(noClasses().that().resideInAPackage("io.strata.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.api.."));
    }

    @Test
    void theRulesThemselvesCanFail() {
        // A rule that must be violated: proves the evaluation sees the classes and reports violations.
        ArchRule impossible = noClasses().that().resideInAPackage("io.strata.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.strata.app..");
        assertThat(impossible.evaluate(strata).hasViolation()).isTrue();
    }
}
