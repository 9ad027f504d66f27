package dev.cairn.core.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.processing.EventHandler;
import dev.cairn.core.processing.TrackingProcessor;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreBackendTest {

    @Test
    void hosts_a_processor_whole_with_durable_checkpoints_by_default() {
        AtomicInteger handled = new AtomicInteger();
        EventHandler handler = event -> handled.incrementAndGet();
        try (StoreBackend backend = StoreBackend.inMemory()) {
            // The example of StoreBackend's Javadoc.
            HostedProcessor emails = backend.host(
                    "emails",
                    Sharing.BY_ENTITY,
                    (part, log) -> TrackingProcessor.builder(part.checkpointName(), log, handler));
            emails.start();
            backend.store()
                    .append(
                            "order-1",
                            ExpectedVersion.noStream(),
                            List.of(NewEvent.of(UUID.randomUUID(), "t", new byte[0])));

            await().until(() -> handled.get() == 1);
            emails.stop();

            assertThat(emails.tracking()).isPresent();
            assertThat(emails.status())
                    .singleElement()
                    .satisfies(status -> assertThat(status.name()).isEqualTo("emails"));
            assertThat(backend.checkpoints().load("emails")).isPositive();
        }
    }
}
