package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The append path's one-pass stream key must equal what readers and recovery compute separately. */
class HashingTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "order-1",
                "order-1-2",
                "-lead",
                "nodash",
                "commande-crème-🍮",
                "x-",
                "kitchen-12345678901234567890"
            })
    void the_one_pass_stream_key_equals_the_separate_hashes(String streamId) {
        int[] out = new int[2];
        long h1 = Hashing.streamKey(streamId, out);
        assertThat(h1).isEqualTo(Hashing.stream1(streamId));
        assertThat(out[0]).isEqualTo(Hashing.stream2(streamId));
        assertThat(out[1]).isEqualTo(Hashing.category(streamId));
    }
}
