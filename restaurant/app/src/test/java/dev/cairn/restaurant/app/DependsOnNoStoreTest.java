package dev.cairn.restaurant.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.cairn.restaurant.app", importOptions = ImportOption.DoNotIncludeTests.class)
class DependsOnNoStoreTest {

    @ArchTest
    static final ArchRule the_app_depends_on_no_store_implementation = noClasses()
            .that()
            .resideInAPackage("dev.cairn.restaurant.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.cairn.eventstore..", "dev.cairn.core.memory..")
            .because("the store is chosen by whoever starts the system (cli), through core's StoreBackend");
}
