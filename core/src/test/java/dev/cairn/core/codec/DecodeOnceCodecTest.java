package dev.cairn.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecodeOnceCodecTest {

    /** Decodes "type:bytes" into a fresh object every time, and counts how often it is asked. */
    static final class CountingCodec implements EventCodec<Object> {
        final AtomicInteger decodes = new AtomicInteger();

        @Override
        public EncodedEvent encode(Object event) {
            return new EncodedEvent("text", event.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Object decode(String type, byte[] data) {
            if (!knows(type)) {
                throw new UnknownEventTypeException(type, typeNames());
            }
            decodes.incrementAndGet();
            return new StringBuilder(type)
                    .append(':')
                    .append(new String(data, StandardCharsets.UTF_8))
                    .toString();
        }

        @Override
        public boolean knows(String type) {
            return typeNames().contains(type);
        }

        @Override
        public Set<String> typeNames() {
            return Set.of("a", "b");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameBytesUnderTheSameTypeAreDecodedOnceAndShared() {
        var inner = new CountingCodec();
        var codec = new DecodeOnceCodec<>(inner, 64);

        Object first = codec.decode("a", bytes("{\"x\":1}"));
        Object second = codec.decode("a", bytes("{\"x\":1}")); // an equal array, as another reader would have

        assertThat(second).isSameAs(first);
        assertThat(inner.decodes).hasValue(1);
    }

    @Test
    void differentBytesOrADifferentTypeAreDecodedAfresh() {
        var inner = new CountingCodec();
        var codec = new DecodeOnceCodec<>(inner, 64);

        assertThat(codec.decode("a", bytes("1"))).isEqualTo("a:1");
        assertThat(codec.decode("a", bytes("2"))).isEqualTo("a:2");
        assertThat(codec.decode("b", bytes("1"))).isEqualTo("b:1");
        assertThat(inner.decodes).hasValue(3);
    }

    @Test
    void changingTheCallersArrayAfterwardsCannotChangeWhatIsRemembered() {
        var codec = new DecodeOnceCodec<>(new CountingCodec(), 64);
        byte[] reused = bytes("1");
        codec.decode("a", reused);
        reused[0] = '2';

        assertThat(codec.decode("a", reused)).isEqualTo("a:2");
        assertThat(codec.decode("a", bytes("1"))).isEqualTo("a:1");
    }

    @Test
    void slotsThatCollideStillAnswerCorrectly() {
        var inner = new CountingCodec();
        var codec = new DecodeOnceCodec<>(inner, 1); // one slot: every distinct event collides

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                assertThat(codec.decode("a", bytes(Integer.toString(i)))).isEqualTo("a:" + i);
            }
        }
        assertThat(inner.decodes).hasValue(30);
    }

    @Test
    void unknownTypesAndEncodingGoToTheWrappedCodec() {
        var codec = new DecodeOnceCodec<>(new CountingCodec(), 64);

        assertThatThrownBy(() -> codec.decode("c", bytes("1"))).isInstanceOf(UnknownEventTypeException.class);
        assertThat(codec.encode("hello").type()).isEqualTo("text");
        assertThat(codec.knows("b")).isTrue();
        assertThat(codec.typeNames()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void concurrentReadersOfOverlappingEventsAlwaysGetTheRightValue() throws InterruptedException {
        var codec = new DecodeOnceCodec<>(new CountingCodec(), 16); // small: readers keep evicting each other
        var wrong = new ConcurrentLinkedQueue<String>();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            readers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50_000; i++) {
                    int n = (i * 7 + seed) % 100;
                    String type = n % 2 == 0 ? "a" : "b";
                    Object decoded = codec.decode(type, bytes(Integer.toString(n)));
                    if (!decoded.equals(type + ":" + n)) {
                        wrong.add(type + ":" + n + " decoded as " + decoded);
                    }
                }
            }));
        }
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void refusesAnImpossibleSize() {
        assertThatThrownBy(() -> new DecodeOnceCodec<>(new CountingCodec(), 0)).hasMessageContaining("entries");
    }
}
