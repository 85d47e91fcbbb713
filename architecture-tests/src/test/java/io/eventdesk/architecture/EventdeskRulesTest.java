package io.eventdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule reports the deliberately violating classes of {@code com.example.violations}: a rule that cannot
 * fail would prove nothing.
 */
class EventdeskRulesTest {
    private static final EventdeskRules RULES = EventdeskRules.forRoot("com.example.violations");
    private static JavaClasses violations;

    @BeforeAll
    static void importFixtures() {
        violations = new ClassFileImporter().importPackages("com.example.violations");
    }

    private static ArchRule rule(String name) {
        Function<EventdeskRules, ArchRule> pick = switch (name) {
            case "domainIsPure" -> EventdeskRules::domainIsPure;
            case "noWallClock" -> EventdeskRules::noWallClock;
            case "applicationIsFreeOfAdapters" -> EventdeskRules::applicationIsFreeOfAdapters;
            case "adaptersAreIndependent" -> EventdeskRules::adaptersAreIndependent;
            case "portsAreInterfacesNamedPort" -> EventdeskRules::portsAreInterfacesNamedPort;
            case "adaptersImplementOnlyPorts" -> EventdeskRules::adaptersImplementOnlyPorts;
            case "adapterImplementationsArePackagePrivate" -> EventdeskRules::adapterImplementationsArePackagePrivate;
            case "noPackageCycles" -> EventdeskRules::noPackageCycles;
            case "adaptersCallOnlyUseCases" -> EventdeskRules::adaptersCallOnlyUseCases;
            case "coreIsFreeOfClusterFrameworks" -> EventdeskRules::coreIsFreeOfClusterFrameworks;
            default -> throw new IllegalArgumentException(name);
        };
        return pick.apply(RULES);
    }

    @ParameterizedTest(name = "{0} reports {1}")
    @CsvSource({
        "domainIsPure, FileReadingValue",
        "domainIsPure, ThreadStartingService",
        "noWallClock, WallClockOrder",
        "noWallClock, AdapterAwareUseCase",
        "applicationIsFreeOfAdapters, AdapterAwareUseCase",
        "adaptersAreIndependent, Helper",
        "portsAreInterfacesNamedPort, ClockPort",
        "adaptersImplementOnlyPorts, Listener",
        "adapterImplementationsArePackagePrivate, PublicJournal",
        "noPackageCycles, Alpha",
        "adaptersCallOnlyUseCases, OrderController",
        "coreIsFreeOfClusterFrameworks, ClusterAwareSweep",
    })
    void shouldReportTheViolatingClass_whenARuleIsBroken(String ruleName, String violator) {
        EvaluationResult result = rule(ruleName).evaluate(violations);
        assertThat(result.hasViolation())
                .as(ruleName + " must fail on the fixtures")
                .isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(violator);
    }

    @ParameterizedTest(name = "{0} leaves {1} alone")
    @CsvSource({
        "domainIsPure, JournalPort",
        "portsAreInterfacesNamedPort, JournalPort",
        "noWallClock, FileReadingValue",
        "adaptersCallOnlyUseCases, PlaceOrderUseCase",
    })
    void shouldNotReportACompliantClass_whenItObeysTheRule(String ruleName, String compliant) {
        EvaluationResult result = rule(ruleName).evaluate(violations);
        assertThat(String.join("\n", result.getFailureReport().getDetails())).doesNotContain(compliant + ".");
    }

    @Test
    void shouldReportEveryBrokenRuleAtOnce_whenAllAreChecked() {
        assertThatThrownBy(() -> RULES.checkAll(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("eventdesk architecture rules broken")
                .hasMessageContaining("the domain is pure")
                .hasMessageContaining("no wall clock")
                .hasMessageContaining("adapters do not depend on each other")
                .hasMessageContaining("no cycles between packages")
                .hasMessageContaining("because"); // each says what to change
    }

    @Test
    void shouldPassWithNotes_whenAProjectHasOnlyADomainBuiltOnEventdesksValues() {
        JavaClasses onlyDomain = new ClassFileImporter().importPackages("com.example.onlydomain");
        List<String> notes = EventdeskRules.forRoot("com.example.onlydomain").checkAll(onlyDomain);
        assertThat(notes)
                .containsExactly(
                        "no classes under com.example.onlydomain.application: its rules had nothing to check",
                        "no classes under com.example.onlydomain.adapters: its rules had nothing to check");
    }

    @Test
    void shouldCheckAUsersAdapter_whenItImplementsAnEventdeskPort() {
        JavaClasses venue = new ClassFileImporter().importPackages("com.example.venue");
        EvaluationResult result = EventdeskRules.forRoot("com.example.venue")
                .adapterImplementationsArePackagePrivate()
                .evaluate(venue);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("AcmeVenue");
    }

    @Test
    void shouldAcceptAPublicPortImplementation_whenItIsItsPackagesOnlyPublicClass() {
        JavaClasses plugin = new ClassFileImporter().importPackages("com.example.plugin");
        EvaluationResult result = EventdeskRules.forRoot("com.example.plugin")
                .adapterImplementationsArePackagePrivate()
                .evaluate(plugin);
        assertThat(result.hasViolation())
                .as(result.getFailureReport().toString())
                .isFalse();
    }
}
