package org.motif;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout rules of DESIGN.md that code review should never have to catch. */
@AnalyzeClasses(packages = "org.motif", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_views_base_and_security_use_vaadin = noClasses()
            .that().resideOutsideOfPackages("..ui..", "org.motif.base..", "org.motif.security..", "org.motif")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("only ..ui.., base and security use Vaadin (DESIGN.md)");

    @ArchTest
    static final ArchRule only_genomics_uses_htsjdk = noClasses()
            .that().resideOutsideOfPackage("org.motif.genomics..")
            .should().dependOnClassesThat().resideInAPackage("htsjdk..")
            .because("only genomics imports htsjdk (DESIGN.md)");

    @ArchTest
    static final ArchRule only_export_uses_poi = noClasses()
            .that().resideOutsideOfPackage("org.motif.export..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
            .because("only export imports POI (DESIGN.md)");

    @ArchTest
    static final ArchRule science_packages_are_plain_java = noClasses()
            .that().resideInAnyPackage("org.motif.pedigree", "org.motif.linkage", "org.motif.questionnaire.redcap")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "org.jooq..")
            .because("the science (PED, pedigree layout, likelihood, REDCap conversion) is plain Java (DESIGN.md)");

    @ArchTest
    static final ArchRule scoring_and_definitions_are_plain_java = noClasses()
            .that().haveFullyQualifiedName("org.motif.questionnaire.Scorer")
            .or().haveFullyQualifiedName("org.motif.questionnaire.ShowIf")
            .or().haveFullyQualifiedName("org.motif.questionnaire.DefinitionLoader")
            .or().haveFullyQualifiedName("org.motif.questionnaire.InstrumentDefinition")
            .or().haveFullyQualifiedName("org.motif.questionnaire.survey.SurveyFlow")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "org.jooq..")
            .because("scoring, showIf and the survey's page order are plain Java (DESIGN.md)");

    @ArchTest
    static final ArchRule views_do_not_touch_the_database = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.motif.db..")
            .because("views are thin: they call services, which own the DSLContext");

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles = slices()
            .matching("org.motif.(*)..").should().beFreeOfCycles()
            // views may call any feature's services (pedigree/ui uses participant services); the features themselves may not cycle
            .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("..ui.."),
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue());
}
