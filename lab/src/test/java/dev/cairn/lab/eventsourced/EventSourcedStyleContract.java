package dev.cairn.lab.eventsourced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.store.RecordedEvent;
import dev.cairn.lab.Fault;
import dev.cairn.lab.OrderFacts;
import dev.cairn.lab.OrderRequest;
import dev.cairn.lab.Style;
import dev.cairn.lab.StyleContract;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the two event-sourced styles must do beyond the {@link StyleContract}: their services run on
 * one log in the run's own directory, so a crashed order service comes back on the same port over
 * the same log, and closing leaves no files behind. Also the log, for tests that look at what was
 * (not) appended.
 */
public abstract class EventSourcedStyleContract<R extends EventSourcedRun> extends StyleContract<R> {

    protected EventSourcedStyleContract(Style style, Class<R> runType) {
        super(style, runType);
    }

    protected List<RecordedEvent> stream(String stream) {
        return run.store().readStream(stream, 0, 100);
    }

    protected List<String> typesIn(String stream) {
        return stream(stream).stream().map(RecordedEvent::type).toList();
    }

    @Test
    void a_crashed_order_service_refuses_connections_and_takes_orders_on_the_same_port_after_restart()
            throws Exception {
        URI api = run.orderApi();
        run.inject(Fault.ORDER_CRASH);
        assertThatThrownBy(() -> connect(api)).isInstanceOf(ConnectException.class);
        run.heal(Fault.ORDER_CRASH);
        assertThat(run.orderApi()).isEqualTo(api);
        connect(api);
        assertThat(awaitFinal(place(OrderRequest.Kind.HAPPY), Duration.ofSeconds(10))
                        .order())
                .isEqualTo(OrderFacts.OrderState.APPROVED);
    }

    @Test
    void closing_stops_every_service_and_removes_the_work_files() throws Exception {
        Path directory = run.directory();
        assertThat(directory).exists();
        run.close();
        assertThat(directory).doesNotExist();
        assertThatThrownBy(() -> connect(run.orderApi())).isInstanceOf(ConnectException.class);
    }
}
