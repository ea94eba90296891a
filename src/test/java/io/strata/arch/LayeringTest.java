package io.strata.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * LayeringTest enforces the package dependencies of DESIGN.md: dependencies point inward toward
 * {@code model}; compatibility never touches JDBC; commands reach the engine only through use cases.
 */
class LayeringTest {

    private static JavaClasses strata;

    @BeforeAll
    static void importClasses() {
        strata = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.strata");
    }

    @Test
    void modelDependsOnTheJdkOnly() {
        ArchRule rule = classes().that().resideInAPackage("io.strata.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.strata.model..");
        rule.check(strata);
    }

    @Test
    void changesDoNotReachOutward() {
        noClasses().that().resideInAPackage("io.strata.model.change..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.diff..", "io.strata.compat..",
                        "io.strata.dialect..", "io.strata.app..", "io.strata.cli..")
                .check(strata);
    }

    @Test
    void differIsDialectNeutral() {
        classes().that().resideInAPackage("io.strata.diff..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.strata.model..", "io.strata.diff..")
                .check(strata);
    }

    @Test
    void compatibilityNeverTouchesJdbcOrTheDiffer() {
        noClasses().that().resideInAPackage("io.strata.compat..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.strata.diff..",
                        "io.strata.dialect..", "io.strata.app..", "io.strata.cli..")
                .check(strata);
    }

    @Test
    void dialectsDoNotKnowUseCasesOrCommands() {
        noClasses().that().resideInAPackage("io.strata.dialect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.compat..", "io.strata.app..", "io.strata.cli..")
                .check(strata);
    }

    @Test
    void dialectImplementationsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("io.strata.dialect.postgres..")
                .should().dependOnClassesThat().resideInAPackage("io.strata.dialect.mysql..")
                .check(strata);
        noClasses().that().resideInAPackage("io.strata.dialect.mysql..")
                .should().dependOnClassesThat().resideInAPackage("io.strata.dialect.postgres..")
                .check(strata);
    }

    @Test
    void useCasesDoNotKnowCommands() {
        noClasses().that().resideInAPackage("io.strata.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.cli..")
                .check(strata);
    }

    @Test
    void commandsGoThroughUseCases() {
        noClasses().that().resideInAPackage("io.strata.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.strata.diff..", "io.strata.dialect..", "java.sql..")
                .check(strata);
    }
}
