package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.exactly;
import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.concat;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Logs.assertRecordedAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.AppendResult;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requirement 3 of {@link dev.cairn.core.store}: per-stream versions are contiguous from 0, each
 * stream counting its own.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class Requirement3ContiguousVersions extends StoreSuite {

    @Test
    void versions_are_contiguous_from_zero_across_appends() {
        // given
        List<NewEvent> first = events(3);
        List<NewEvent> second = events(2);

        // when
        store.append("order-1", noStream(), first);
        store.append("order-1", exactly(2), second);

        // then
        List<RecordedEvent> stream = store.readStream("order-1", 0);
        List<NewEvent> written = concat(first, second);
        assertThat(stream).hasSize(5);
        for (int v = 0; v < 5; v++) {
            assertRecordedAs(stream.get(v), written.get(v), "order-1", v);
        }
    }

    @Test
    void streams_keep_separate_versions() {
        // when
        store.append("order-1", noStream(), events(2));
        AppendResult other = store.append("order-2", noStream(), events(3));
        AppendResult again = store.append("order-1", exactly(1), events(1));

        // then
        assertThat(other.firstVersion()).isZero();
        assertThat(other.lastVersion()).isEqualTo(2);
        assertThat(again.firstVersion()).isEqualTo(2);
        assertThat(store.streamVersion("order-1")).isEqualTo(2);
        assertThat(store.streamVersion("order-2")).isEqualTo(2);
    }
}
