package io.seamline.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Repository;

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
                    "io.seamline.coordination..",
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
                    "io.seamline.coordination..",
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
            .resideInAnyPackage(
                    "io.seamline.coordination..",
                    "io.seamline.routes..",
                    "io.seamline.portal..",
                    "io.seamline.gateway..");

    @ArchTest
    static final ArchRule coordination_knows_neither_camel_nor_the_routes_portal_or_gateway = noClasses()
            .that()
            .resideInAPackage("io.seamline.coordination..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.camel..", "io.seamline.routes..", "io.seamline.portal..", "io.seamline.gateway..")
            .because("how documents are coordinated is plain Java; routes wire it to the channels");

    @ArchTest
    static final ArchRule the_packages_of_coordination_have_no_cycles =
            slices().matching("io.seamline.coordination.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_packages_of_routes_have_no_cycles =
            slices().matching("io.seamline.routes.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_packages_of_the_portal_have_no_cycles =
            slices().matching("io.seamline.portal.(*)..").should().beFreeOfCycles();

    /** The document kinds' homes: how each kind is correlated, decided and answered. */
    private static final String[] DOCUMENT_KINDS = {
        "io.seamline.coordination.commitments..",
        "io.seamline.coordination.shipnotices..",
        "io.seamline.coordination.invoices..",
        "io.seamline.coordination.transport..",
        "io.seamline.coordination.tenders..",
        "io.seamline.coordination.customs..",
        "io.seamline.coordination.acknowledgements..",
        "io.seamline.coordination.documents.."
    };

    /** What a workflow may ask of a repository: reads, and locks for the read it is about to decide on. */
    private static final Set<String> READS = Set.of(
            "about",
            "byExternalId",
            "byReferences",
            "byStepKey",
            "carriedBy",
            "carrierOf",
            "content",
            "eventOf",
            "exists",
            "find",
            "forMessage",
            "fromMessage",
            "identify",
            "inStatus",
            "known",
            "lines",
            "list",
            "lock",
            "ofEvent",
            "ofMessage",
            "openWaitingFor",
            "ownerOf",
            "sentWithControl",
            "subjectOf");

    private static final DescribedPredicate<JavaMethodCall> A_REPOSITORY_WRITE = DescribedPredicate.describe(
            "a repository method that is no read",
            call -> call.getTargetOwner().isAnnotatedWith(Repository.class) && !READS.contains(call.getName()));

    @ArchTest
    static final ArchRule workflows_change_the_world_only_through_the_effects_port = noClasses()
            .that()
            .resideInAnyPackage(DOCUMENT_KINDS)
            .should()
            .callMethodWhere(A_REPOSITORY_WRITE)
            .orShould()
            .dependOnClassesThat()
            .haveNameMatching("io\\.seamline\\.coordination\\.(effects\\.ProductionEffects"
                    + "|sla\\.SlaExpectations|respond\\.Responder|writeback\\.ErpWriteBack|dispatch\\.Dispatch)")
            .because("production applies the effects a workflow asks for, the recording side only records them"
                    + " (DESIGN: Scope, effects and modes)");

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
    static final ArchRule the_portal_uses_of_the_routes_only_the_doors_of_the_channels = noClasses()
            .that()
            .resideInAPackage("io.seamline.portal..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.seamline.routes..")
                    .and(JavaClass.Predicates.resideOutsideOfPackages(
                            "io.seamline.routes.pipeline",
                            "io.seamline.routes.as2",
                            "io.seamline.routes.requests",
                            "io.seamline.routes.replay",
                            "io.seamline.routes.bulk")))
            .because("the portal is the HTTP door of intake, AS2, idempotent requests, replays and bulk jobs;"
                    + " everything else it does through coordination");

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
