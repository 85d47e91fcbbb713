package com.example.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.eventdesk.architecture.EventdeskRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** eventdesk's architecture rules, run on this project's own classes: every rule at once, every violation listed. */
class ArchitectureTest {
    @Test
    void shouldFollowEventdesksArchitecture_whenEveryRuleIsChecked() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.example.desk");
        List<String> notes = EventdeskRules.forRoot("com.example.desk").checkAll(classes);
        // this project has a domain and adapters, and no application layer of its own
        assertThat(notes).containsExactly("no classes under com.example.desk.application: its rules had nothing to check");
    }
}
