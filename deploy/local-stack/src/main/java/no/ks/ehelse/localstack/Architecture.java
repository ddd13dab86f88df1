package no.ks.ehelse.localstack;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;

/**
 * The shape every service has (docs/architecture.md, "Code layout"), checked on its compiled classes:
 * {@code api} (REST resources, pages, DTOs) and {@code messaging} (inbound consumers) call {@code domain}
 * (entities, rules, transactional services, outgoing event writers); {@code infra} holds adapters to the outside
 * (SMTP, HTTP) that implement what the domain declares. Nothing calls {@code api} or {@code messaging}, the
 * domain calls no adapter directly, and no two packages depend on each other in a cycle.
 */
public final class Architecture {

    private Architecture() {}

    /** Fails with ArchUnit's list of violations when the service under {@code basePackage} breaks the shape. */
    public static void assertShape(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api")
                .definedBy(basePackage + ".api..")
                .layer("messaging")
                .definedBy(basePackage + ".messaging..")
                .layer("domain")
                .definedBy(basePackage + ".domain..")
                .layer("infra")
                .definedBy(basePackage + ".infra..")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("infra")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("api", "messaging", "infra")
                .check(classes);
        slices().matching(basePackage + ".(**)").should().beFreeOfCycles().check(classes);
        // Every class sits in one of the four packages, so a new one cannot escape the rules above.
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should()
                .resideInAnyPackage(
                        basePackage + ".api..",
                        basePackage + ".messaging..",
                        basePackage + ".domain..",
                        basePackage + ".infra..")
                .check(classes);
    }
}
