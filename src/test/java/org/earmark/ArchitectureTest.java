package org.earmark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers stay apart: only the UI knows JavaFX, so the command line and services run anywhere. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.earmark");

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.earmark.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the CLI and the services must work without JavaFX (see DESIGN.md)")
                .check(MAIN);
    }

    @Test
    void coreLayersDoNotReachUpIntoCliOrUi() {
        noClasses().that().resideInAnyPackage("org.earmark.model..", "org.earmark.codebook..",
                        "org.earmark.storage..", "org.earmark.agreement..", "org.earmark.fidelity..",
                        "org.earmark.audio..", "org.earmark.io..", "org.earmark.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.earmark.cli..", "org.earmark.ui..")
                .check(MAIN);
    }

    @Test
    void theImporterSawTheCode() {
        // Guards the rules above against passing vacuously on an empty import.
        org.junit.jupiter.api.Assertions.assertTrue(MAIN.contain("org.earmark.storage.CoderFile"));
        org.junit.jupiter.api.Assertions.assertTrue(MAIN.contain("org.earmark.ui.DesktopApp"));
    }
}
