package dev.cairn.eventstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        try (TestDatabase db = TestDatabase.create(); PostgresEventStore store = PostgresEventStore.open(db.url())) {
            NewEvent e = NewEvent.of(UUID.randomUUID(), "t.A", new byte[] {1, 2});
            var r = store.append("order-1", ExpectedVersion.noStream(), List.of(e, NewEvent.of(UUID.randomUUID(), "t.B", new byte[0])));
            System.out.println(r + " head=" + store.headPosition());
            System.out.println(store.append("order-1", ExpectedVersion.noStream(), List.of(e)));
            System.out.println(store.readAll(0, 10));
            System.out.println(store.readStream("order-1", 0));
            System.out.println(store.readableLag());
            assertThat(store.headPosition()).isEqualTo(r.lastPosition());
            assertThat(store.awaitHeadAfter(r.lastPosition(), Duration.ofMillis(300))).isFalse();
        }
    }
}
