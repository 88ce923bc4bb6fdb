package org.earmark.session;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The coding-session logic runs, and is tested, without JavaFX or the UI. */
class SessionArchitectureTest {

    private static final JavaClasses SESSION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.earmark.session");

    @Test
    void sessionKnowsNoUi() {
        Assertions.assertTrue(SESSION.contain(CodingSession.class));
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                "org.earmark.ui..", "org.earmark.cli..").check(SESSION);
    }
}
