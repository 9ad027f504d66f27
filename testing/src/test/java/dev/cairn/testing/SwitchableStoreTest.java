package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SwitchableStoreTest {

    private final InMemoryEventStore memory = new InMemoryEventStore();
    private final SwitchableStore store = new SwitchableStore(memory);

    private static List<NewEvent> one() {
        return List.of(NewEvent.of(UUID.randomUUID(), "t.Happened", new byte[] {1}));
    }

    @Test
    void while_down_every_call_fails_as_an_outage_and_nothing_reaches_the_store() {
        store.append("s-1", ExpectedVersion.any(), one());
        store.down(true);

        assertThatThrownBy(() -> store.append("s-1", ExpectedVersion.any(), one()))
                .isInstanceOf(EventStoreUnavailableException.class);
        assertThatThrownBy(() -> store.readStream("s-1", 0, 10)).isInstanceOf(EventStoreUnavailableException.class);
        assertThatThrownBy(() -> store.streamVersion("s-1")).isInstanceOf(EventStoreUnavailableException.class);
        assertThatThrownBy(() -> store.readAll(0, 10, EventFilter.all()))
                .isInstanceOf(EventStoreUnavailableException.class);
        assertThatThrownBy(store::headPosition).isInstanceOf(EventStoreUnavailableException.class);
        assertThatThrownBy(() -> store.awaitHeadAfter(0, Duration.ofMillis(1)))
                .isInstanceOf(EventStoreUnavailableException.class);
        assertThat(memory.headPosition()).isEqualTo(1);
    }

    @Test
    void back_up_it_works_again_and_the_raw_calls_work_either_way() {
        store.down(true);
        store.appendRaw("s-1", one());
        assertThat(store.realHead()).isEqualTo(1);

        store.down(false);
        store.append("s-1", ExpectedVersion.exactly(0), one());
        assertThat(store.headPosition()).isEqualTo(2);
        assertThat(store.readStream("s-1", 0, 10)).hasSize(2);
    }
}
