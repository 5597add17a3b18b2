package io.seamline.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.camel.builder.RouteBuilder;

/** The module directions of DESIGN.md, as sentences. */
@AnalyzeClasses(packages = "io.seamline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule model_depends_on_neither_spring_nor_camel_nor_any_wire_format = noClasses()
            .that()
            .resideInAPackage("io.seamline.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.apache.camel..", "com.fasterxml..", "jakarta..", "io.xlate..")
            .because("the model is plain Java that every module can use");

    @ArchTest
    static final ArchRule model_knows_no_other_module = noClasses()
            .that()
            .resideInAPackage("io.seamline.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.seamline.mappings..",
                    "io.seamline.adapters..",
                    "io.seamline.routes..",
                    "io.seamline.portal..",
                    "io.seamline.gateway..");

    @ArchTest
    static final ArchRule mappings_are_pure = noClasses()
            .that()
            .resideInAPackage("io.seamline.mappings..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.camel..",
                    "java.sql..",
                    "java.net.http..",
                    "io.seamline.adapters..",
                    "io.seamline.routes..",
                    "io.seamline.portal..",
                    "io.seamline.gateway..")
            .because("mappings turn bytes into values with no I/O and no framework");

    @ArchTest
    static final ArchRule adapters_do_not_reach_into_routes_portal_or_gateway = noClasses()
            .that()
            .resideInAPackage("io.seamline.adapters..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.seamline.routes..", "io.seamline.portal..", "io.seamline.gateway..");

    @ArchTest
    static final ArchRule routes_do_not_know_the_portal_or_the_gateway = noClasses()
            .that()
            .resideInAPackage("io.seamline.routes..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.seamline.portal..", "io.seamline.gateway..");

    @ArchTest
    static final ArchRule portal_works_through_the_routes_services_not_the_adapters = noClasses()
            .that()
            .resideInAPackage("io.seamline.portal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.seamline.adapters..", "io.seamline.gateway..");

    @ArchTest
    static final ArchRule camel_routes_live_in_routes_or_in_the_portals_api = classes()
            .that()
            .areAssignableTo(RouteBuilder.class)
            .should()
            .resideInAnyPackage("io.seamline.routes..", "io.seamline.portal.api..");

    @ArchTest
    static final ArchRule http_status_codes_stay_in_the_web_layer = noClasses()
            .that()
            .resideOutsideOfPackages("io.seamline.portal..", "io.seamline.gateway..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.servlet..", "org.springframework.http..");
}
