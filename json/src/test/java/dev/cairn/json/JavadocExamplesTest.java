package dev.cairn.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.codec.EncodedEvent;
import dev.cairn.core.codec.EventCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The examples of this module's Javadoc, as written there; keep both in step. */
class JavadocExamplesTest {

    sealed interface AccountEvent {
        record Opened(String accountId, String owner) implements AccountEvent {}

        record Deposited(String accountId, long amount) implements AccountEvent {}
    }

    record Balance(String accountId, long amount, Instant asOf) {}

    @Test
    void json_event_codec_example() {
        EventCodec<AccountEvent> codec = JsonEventCodec.builder(AccountEvent.class)
                .register("banking.AccountOpened", AccountEvent.Opened.class)
                .register("banking.MoneyDeposited", AccountEvent.Deposited.class)
                .build();
        EncodedEvent encoded = codec.encode(new AccountEvent.Deposited("acc-1", 30));

        assertThat(encoded.type()).isEqualTo("banking.MoneyDeposited");
        assertThat(new String(encoded.data(), UTF_8)).isEqualTo("{\"accountId\":\"acc-1\",\"amount\":30}");
    }

    @Test
    void cairn_json_example() throws Exception {
        ObjectMapper json = CairnJson.mapper();
        String text = json.writeValueAsString(new Balance("acc-1", 30, Instant.parse("2024-05-01T12:00:00Z")));

        assertThat(text).isEqualTo("{\"accountId\":\"acc-1\",\"amount\":30,\"asOf\":\"2024-05-01T12:00:00Z\"}");
    }
}
