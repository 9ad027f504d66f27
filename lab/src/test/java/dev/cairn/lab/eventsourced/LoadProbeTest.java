package dev.cairn.lab.eventsourced;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.lab.Fault;
import dev.cairn.lab.Style;
import dev.cairn.lab.async.AsyncOrchestration;
import dev.cairn.lab.choreography.Choreography;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both event-sourced styles keep up with the lab's load, through each fault, and every accepted order completes. */
class LoadProbeTest {

    /**
     * The first style started in a JVM pays for loading Jetty, Jackson and the stores (about 5 s
     * on this machine, cold); the lab pays it once per run. Each style is started once first so
     * that the probes measure the style, not the JVM.
     */
    @BeforeAll
    static void warm_up() throws Exception {
        for (Style style : List.of(new Choreography(), new AsyncOrchestration())) {
            LoadProbe.run(style, 50, Duration.ofSeconds(1), null);
        }
    }

    static Stream<Arguments> stylesAndFaults() {
        return Stream.of(new Choreography(), new AsyncOrchestration())
                .flatMap(style -> Stream.of(
                        Arguments.of(style, null),
                        Arguments.of(style, Fault.KITCHEN_DOWN),
                        Arguments.of(style, Fault.ACCOUNTING_SLOW),
                        Arguments.of(style, Fault.ORDER_CRASH)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stylesAndFaults")
    void every_accepted_order_completes_at_the_labs_rate(Style style, Fault fault) throws Exception {
        LoadProbe.Result result = LoadProbe.run(style, 100, Duration.ofMillis(1_500), fault);
        System.out.println(style.name() + " " + fault + ": " + result);
        assertThat(result.startup()).isLessThan(Duration.ofSeconds(2));
        assertThat(result.accepted()).isPositive();
        assertThat(result.everyAcceptedOrderCompleted()).as("%s", result).isTrue();
    }
}
