package dev.cairn.eventstore.tck;

import static dev.cairn.core.store.ExpectedVersion.noStream;
import static dev.cairn.eventstore.tck.Events.event;
import static dev.cairn.eventstore.tck.Events.events;
import static dev.cairn.eventstore.tck.Events.randomBytes;
import static dev.cairn.eventstore.tck.Events.recordedIds;
import static dev.cairn.eventstore.tck.Logs.assertRecordedAs;
import static dev.cairn.eventstore.tck.Logs.assertSameRecords;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.Subscription;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events come back exactly as written, whatever their size or characters; beyond the numbered
 * requirements of {@link dev.cairn.core.store}, every store shares it.
 *
 * <p>Runs within {@link EventStoreContract}; a store may also extend it alone.
 */
public abstract class PayloadsChecks extends StoreSuite {

    @ParameterizedTest
    @ValueSource(ints = {1 << 20, 4 * (1 << 20) + 7})
    void a_large_payload_round_trips_byte_exactly(int size) {
        // given
        NewEvent large = event("tck.Large", randomBytes(size, size));

        // when
        store.append("order-1", noStream(), List.of(large));
        store.append("order-2", noStream(), events(1));

        // then
        assertRecordedAs(store.readStream("order-1", 0).getFirst(), large, "order-1", 0);
        assertRecordedAs(store.readAll(0, 1).getFirst(), large, "order-1", 0);
    }

    @Test
    void a_batch_of_several_large_payloads_round_trips_byte_exactly() {
        // given
        List<NewEvent> batch = IntStream.range(0, 3)
                .mapToObj(i -> event("tck.Large", randomBytes(1 << 20, i)))
                .toList();

        // when
        store.append("order-1", noStream(), batch);

        // then
        List<RecordedEvent> stream = store.readStream("order-1", 0);
        assertThat(stream).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertRecordedAs(stream.get(i), batch.get(i), "order-1", i);
        }
    }

    @Test
    void an_empty_payload_and_every_byte_value_round_trip() {
        // given
        byte[] everyByte = new byte[1024];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] invalidUtf8 = {
            (byte) 0xC3, 0, (byte) 0xFF, (byte) 0xFE, '\r', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80
        };
        List<NewEvent> batch = List.of(
                event("tck.Empty", new byte[0]), event("tck.Bytes", everyByte), event("tck.Bytes", invalidUtf8));

        // when
        store.append("order-1", noStream(), batch);

        // then
        List<RecordedEvent> stream = store.readStream("order-1", 0);
        for (int i = 0; i < batch.size(); i++) {
            assertRecordedAs(stream.get(i), batch.get(i), "order-1", i);
        }
    }

    @Test
    void unicode_stream_ids_type_names_and_payloads_round_trip() {
        // given
        String dessert = "commande-crème-brûlée-🍮";
        String kanji = "注文-四十二";
        NewEvent placed = event("ordering.CommandePassée✓", "ünïcödé 🎉 日本語 ∑ \u0000 end".getBytes(UTF_8));
        NewEvent emoji = event("tck.🎉Party", "👩‍👩‍👧‍👦".getBytes(UTF_8));
        NewEvent kanjiEvent = event("注文.作成", "四十二".getBytes(UTF_8));

        // when
        store.append(dessert, noStream(), List.of(placed, emoji));
        store.append(kanji, noStream(), List.of(kanjiEvent));

        // then
        List<RecordedEvent> stream = store.readStream(dessert, 0);
        assertRecordedAs(stream.get(0), placed, dessert, 0);
        assertRecordedAs(stream.get(1), emoji, dessert, 1);
        assertRecordedAs(store.readStream(kanji, 0).getFirst(), kanjiEvent, kanji, 0);
        assertThat(recordedIds(store.readAll(0, 10, EventFilter.categories("注文"))))
                .containsExactly(kanjiEvent.eventId());
        assertThat(recordedIds(store.readAll(0, 10, EventFilter.categories("commande"))))
                .containsExactly(placed.eventId(), emoji.eventId());
        assertThat(recordedIds(store.readAll(0, 10, EventFilter.types("tck.🎉Party"))))
                .containsExactly(emoji.eventId());
    }

    @Test
    void the_longest_accepted_stream_id_and_type_name_round_trip_in_multi_byte_characters() {
        // given: 255 characters that take 3 (or 4, as surrogate pairs) bytes each in UTF-8
        String streamId = "类-" + "类".repeat(253);
        String emojiStreamId = "🍮".repeat(127) + "x";
        NewEvent longType = event("€".repeat(NewEvent.MAX_TYPE_LENGTH));
        NewEvent emojiType = event("🎉".repeat(NewEvent.MAX_TYPE_LENGTH / 2));

        // when
        store.append(streamId, noStream(), List.of(longType));
        store.append(emojiStreamId, noStream(), List.of(emojiType));

        // then
        assertThat(streamId).hasSize(255);
        assertRecordedAs(store.readStream(streamId, 0).getFirst(), longType, streamId, 0);
        assertRecordedAs(store.readStream(emojiStreamId, 0).getFirst(), emojiType, emojiStreamId, 0);
        assertThat(recordedIds(store.readAll(0, 10, EventFilter.types(longType.type()))))
                .containsExactly(longType.eventId());
    }

    @Test
    void metadata_is_the_same_through_every_read() {
        // given
        NewEvent caused = new NewEvent(
                UUID.randomUUID(), "tck.Caused", "x".getBytes(UTF_8), UUID.randomUUID(), UUID.randomUUID());
        NewEvent selfCaused = NewEvent.of(UUID.randomUUID(), "tck.Started", new byte[] {1, 2, 3});
        store.append("order-1", noStream(), List.of(selfCaused, caused));
        RecordingSink sink = new RecordingSink();

        // when
        List<RecordedEvent> fromStream = store.readStream("order-1", 0);
        List<RecordedEvent> fromLog = store.readAll(0, 10);
        List<RecordedEvent> delivered;
        try (Subscription subscription = store.subscribe(0, EventFilter.all(), sink)) {
            sink.awaitDeliveryOf(fromStream, subscription, TIMEOUT);
            delivered = sink.received();
            assertThat(subscription.failure()).isNull();
        }

        // then
        assertRecordedAs(fromStream.get(0), selfCaused, "order-1", 0);
        assertRecordedAs(fromStream.get(1), caused, "order-1", 1);
        assertSameRecords(fromLog, fromStream);
        assertSameRecords(delivered, fromStream);
    }
}
