package io.strata.compat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The compat packages depend only on the model, the error root, themselves and the JDK: never JDBC or the differ. */
class CompatDependenciesTest {

    @Test
    void compatDependsOnlyOnModelErrorsAndTheJdk() {
        JavaClasses compat = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.strata.compat");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.strata.compat..", "io.strata.model..", "io.strata.error..", "java..")
                .check(compat);
    }
}
