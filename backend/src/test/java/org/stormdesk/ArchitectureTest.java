package org.stormdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * One package per capability: its root is its API, its {@code db}, {@code internal} and {@code web}
 * sub-packages are its own, and capabilities do not depend on each other in a circle.
 */
class ArchitectureTest {

    /** Every package under org.stormdesk except the application shell is a capability. */
    static List<String> CAPABILITIES;

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.stormdesk");
        CAPABILITIES = classes.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith("org.stormdesk."))
                .map(p -> p.substring("org.stormdesk.".length()).split("\\.")[0])
                .filter(c -> !c.equals("app"))
                .distinct().sorted().toList();
    }

    @Test
    void everyKnownCapabilityIsChecked() {
        assertThat(CAPABILITIES).contains("journal", "incident", "procedure", "escalation", "notify", "people", "site", "media");
    }

    @Test
    void noCapabilityReachesIntoAnothersInternals() {
        for (String capability : CAPABILITIES) {
            String own = "org.stormdesk." + capability + "..";
            ArchRule rule = noClasses().that().resideOutsideOfPackage(own)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.stormdesk." + capability + ".db..",
                            "org.stormdesk." + capability + ".internal..",
                            "org.stormdesk." + capability + ".web..")
                    .because("only the root of " + capability + " is its API");
            rule.check(classes);
        }
    }

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("org.stormdesk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theApplicationShellDependsOnNoCapability() {
        noClasses().that().resideInAPackage("org.stormdesk.app..")
                .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES.stream().map(c -> "org.stormdesk." + c + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void noTopLevelServiceDtoOrUtilPackages() {
        noClasses().should().resideInAnyPackage("..service..", "..dto..", "..util..", "..helper..").check(classes);
    }
}
