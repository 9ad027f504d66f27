package dev.cairn.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.cairn.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_depends_on_nothing_but_the_jdk = classes()
            .that()
            .resideInAPackage("dev.cairn.core..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.cairn.core..", "java..")
            .because("core is the model every user depends on and ships with no runtime dependencies");

    @ArchTest
    static final ArchRule the_model_is_free_of_infrastructure = noClasses()
            .that()
            .resideInAPackage("dev.cairn.core.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.cairn.core.store..",
                    "dev.cairn.core.memory..",
                    "dev.cairn.core.processing..",
                    "java.io..",
                    "java.nio..",
                    "java.net..",
                    "java.sql..",
                    "java.util.concurrent..")
            .because("deciders are pure: data in, data out");

    @ArchTest
    static final ArchRule the_store_contract_does_not_know_the_runtime = noClasses()
            .that()
            .resideInAPackage("dev.cairn.core.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.cairn.core.command..", "dev.cairn.core.processing..", "dev.cairn.core.memory..");
}
