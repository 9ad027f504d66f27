package dev.cairn.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.core.store.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The peers compared in W2/W3 keep Cairn's append semantics: expected version checked, nothing appended on a mismatch, log order. */
class PeerEventLogTest {

    @TempDir
    Path dir;

    static Stream<Arguments> peers() {
        Function<Path, PeerEventLog> sqlite = d -> new SqliteEventLog(d.resolve("events.db"));
        Function<Path, PeerEventLog> rocksdb = RocksEventLog::new;
        return Stream.of(Arguments.of("SQLite", sqlite), Arguments.of("RocksDB", rocksdb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void appends_with_the_expected_version_and_reads_in_log_order(String name, Function<Path, PeerEventLog> open) {
        try (PeerEventLog log = open.apply(dir)) {
            assertThat(log.append("order-1", ExpectedVersion.noStream(), events("a", "b")))
                    .isEqualTo(1);
            assertThat(log.append("order-2", ExpectedVersion.noStream(), events("c")))
                    .isEqualTo(0);
            assertThat(log.append("order-1", ExpectedVersion.exactly(1), events("d")))
                    .isEqualTo(2);

            List<RecordedEvent> all = log.readAll(0, 10);
            assertThat(all)
                    .extracting(e -> new String(e.data(), StandardCharsets.UTF_8))
                    .containsExactly("a", "b", "c", "d");
            assertThat(all).extracting(RecordedEvent::version).containsExactly(0L, 1L, 0L, 2L);
            assertThat(log.readAll(all.get(1).position(), 2))
                    .extracting(RecordedEvent::streamId)
                    .containsExactly("order-2", "order-1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void refuses_a_wrong_expected_version_and_appends_nothing(String name, Function<Path, PeerEventLog> open) {
        try (PeerEventLog log = open.apply(dir)) {
            log.append("order-1", ExpectedVersion.noStream(), events("a"));

            assertThatThrownBy(() -> log.append("order-1", ExpectedVersion.noStream(), events("x", "y")))
                    .isInstanceOf(WrongExpectedVersionException.class);
            assertThatThrownBy(() -> log.append("order-1", ExpectedVersion.exactly(5), events("x")))
                    .isInstanceOf(WrongExpectedVersionException.class);
            assertThatThrownBy(() -> log.append("order-9", ExpectedVersion.exactly(0), events("x")))
                    .isInstanceOf(WrongExpectedVersionException.class);

            assertThat(log.readAll(0, 10)).hasSize(1);
            assertThat(log.append("order-1", ExpectedVersion.exactly(0), events("b")))
                    .isEqualTo(1);
        }
    }

    private static List<NewEvent> events(String... payloads) {
        return Stream.of(payloads)
                .map(p -> NewEvent.of(UUID.randomUUID(), "bench.Test", p.getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
