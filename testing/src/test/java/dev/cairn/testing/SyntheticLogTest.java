package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.processing.Envelope;
import dev.cairn.testing.bank.AccountEvent;
import dev.cairn.testing.bank.AccountEvent.Deposited;
import dev.cairn.testing.bank.AccountEvent.Opened;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SyntheticLogTest {

    @Nested
    class Metadata {

        @Test
        void positions_count_from_one_and_versions_from_zero_per_stream() {
            SyntheticLog<AccountEvent> log = SyntheticLog.create(AccountEvent::accountId);

            List<Envelope<AccountEvent>> envelopes = log.appendAll(
                    List.of(new Opened("acc-1", "Ada"), new Opened("acc-2", "Bob"), new Deposited("acc-1", 5, "")));

            assertThat(envelopes).extracting(Envelope::position).containsExactly(1L, 2L, 3L);
            assertThat(envelopes).extracting(Envelope::version).containsExactly(0L, 0L, 1L);
            assertThat(envelopes).extracting(Envelope::streamId).containsExactly("acc-1", "acc-2", "acc-1");
            assertThat(log.head()).isEqualTo(3);
        }

        @Test
        void the_same_appends_give_the_same_metadata_in_every_log() {
            Envelope<AccountEvent> first = SyntheticLog.<AccountEvent>create().append(new Opened("acc-1", "Ada"));
            Envelope<AccountEvent> again = SyntheticLog.<AccountEvent>create().append(new Opened("acc-1", "Ada"));

            assertThat(again.recorded()).usingRecursiveComparison().isEqualTo(first.recorded());
            assertThat(first.eventId()).isEqualTo(SyntheticLog.eventIdAt(1));
        }

        @Test
        void each_event_starts_its_own_conversation_at_a_fixed_time() {
            Envelope<AccountEvent> envelope =
                    SyntheticLog.<AccountEvent>create().append(new Opened("acc-1", "Ada"));

            assertThat(envelope.correlationId()).isEqualTo(envelope.eventId());
            assertThat(envelope.recorded().causationId()).isEqualTo(envelope.eventId());
            assertThat(envelope.recordedAt()).isEqualTo(SyntheticLog.EPOCH.plusSeconds(1));
            assertThat(envelope.streamId()).isEqualTo(SyntheticLog.DEFAULT_STREAM);
            assertThat(envelope.recorded().type()).isEqualTo("Opened");
        }

        @Test
        void event_ids_differ_by_position() {
            assertThat(SyntheticLog.eventIdAt(1)).isNotEqualTo(SyntheticLog.eventIdAt(2));
        }
    }
}
