package dev.cairn.restaurant.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.cairn.restaurant.impure.domain.ImpureDecider;
import dev.cairn.restaurant.spy.domain.Spy;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The domain stays pure (architecture.md): a context's {@code domain} package and the published
 * language depend only on the JDK, core's model and processing types, the contracts and their own
 * package — no I/O, clocks, randomness, Jackson, HTTP or logging, and never another context.
 */
class DomainPurityTest {

    private static final String DOMAINS = "dev.cairn.restaurant.(*).domain..";
    private static final String CONTRACTS = "dev.cairn.restaurant.contracts..";
    private static final Pattern TEST_CODE = Pattern.compile(".*(/test-classes/|-tests\\.jar).*");

    /** Production classes only: test classes may do as they like. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(location -> !location.matches(TEST_CODE))
            .importPackages("dev.cairn.restaurant");

    static final ArchRule DEPEND_ONLY_ON_THE_MODEL = classes()
            .that()
            .resideInAnyPackage(DOMAINS, CONTRACTS)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "dev.cairn.core.model..",
                    "dev.cairn.core.processing",
                    CONTRACTS,
                    "dev.cairn.restaurant.*.domain..")
            .because("a domain decides from its inputs alone; the host does I/O, JSON and HTTP");

    static final ArchRule NO_IO_CLOCKS_OR_RANDOMNESS = noClasses()
            .that()
            .resideInAnyPackage(DOMAINS, CONTRACTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.io..",
                    "java.nio..",
                    "java.net..",
                    "java.sql..",
                    "java.util.logging..",
                    "java.lang.reflect..",
                    "java.security..")
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(Clock.class, Random.class, ThreadLocalRandom.class, System.Logger.class)
            .orShould()
            .callMethodWhere(readsTheClockOrRandomness())
            .because("ids and business times arrive on commands, so a decision can be replayed");

    static final ArchRule NO_CONTEXT_READS_ANOTHER = slices().matching(DOMAINS)
            .should()
            .notDependOnEachOther()
            .because("contexts learn about each other only from published events");

    private static DescribedPredicate<JavaMethodCall> readsTheClockOrRandomness() {
        return DescribedPredicate.describe("reads the clock or randomness", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return owner.startsWith("java.time.") && name.equals("now")
                    || owner.equals("java.util.UUID") && name.equals("randomUUID")
                    || owner.equals("java.lang.System")
                            && List.of("currentTimeMillis", "nanoTime").contains(name)
                    || owner.equals("java.lang.Math") && name.equals("random");
        });
    }

    @Test
    void imports_every_context_s_domain_and_the_contracts() {
        assertThat(PRODUCTION.stream().map(type -> type.getPackageName()).distinct())
                .contains(
                        "dev.cairn.restaurant.contracts", "dev.cairn.restaurant.consumers.domain",
                        "dev.cairn.restaurant.restaurants.domain", "dev.cairn.restaurant.ordering.domain",
                        "dev.cairn.restaurant.kitchen.domain", "dev.cairn.restaurant.accounting.domain",
                        "dev.cairn.restaurant.delivery.domain", "dev.cairn.restaurant.orderhistory.domain");
        assertThat(PRODUCTION.contain(ImpureDecider.class))
                .as("test fixtures are not production")
                .isFalse();
    }

    @Test
    void domains_depend_only_on_the_jdk_core_s_model_and_the_contracts() {
        DEPEND_ONLY_ON_THE_MODEL.check(PRODUCTION);
    }

    @Test
    void domains_use_no_io_clock_or_randomness() {
        NO_IO_CLOCKS_OR_RANDOMNESS.check(PRODUCTION);
    }

    @Test
    void no_context_s_domain_depends_on_another_s() {
        NO_CONTEXT_READS_ANOTHER.check(PRODUCTION);
    }

    @Test
    void the_rules_catch_a_domain_that_breaks_them() {
        JavaClasses impure = new ClassFileImporter()
                .importClasses(ImpureDecider.class, Spy.class, dev.cairn.restaurant.ordering.domain.OrderDecider.class);

        assertThat(NO_IO_CLOCKS_OR_RANDOMNESS
                        .evaluate(impure)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("randomUUID"))
                .anyMatch(line -> line.contains("Instant.now"))
                .anyMatch(line -> line.contains("currentTimeMillis"))
                .anyMatch(line -> line.contains("java.time.Clock"))
                .anyMatch(line -> line.contains("java.io.File"));
        assertThat(NO_CONTEXT_READS_ANOTHER.evaluate(impure).hasViolation()).isTrue();
    }
}
