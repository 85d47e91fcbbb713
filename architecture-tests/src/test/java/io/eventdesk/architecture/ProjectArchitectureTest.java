package io.eventdesk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** eventdesk's own code obeys every rule it ships. */
class ProjectArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProject() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.eventdesk");
    }

    @TestFactory
    Stream<DynamicTest> shouldObeyEveryRule_whenTheProjectIsChecked() {
        return EventdeskRules.forRoot("io.eventdesk").all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
