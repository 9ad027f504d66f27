package dev.cairn.core.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.core.store.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TrackingProcessorTest {

    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    private final List<TrackingProcessor> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(TrackingProcessor::stop);
        store.close();
    }

    private void append(String stream, String text) {
        store.append(
                stream,
                ExpectedVersion.any(),
                List.of(NewEvent.of(UUID.randomUUID(), "t", text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Appends {@code count} events to {@code stream}, with the texts e0, e1, … */
    private void appendNumbered(String stream, int count) {
        for (int i = 0; i < count; i++) {
            append(stream, "e" + i);
        }
    }

    private TrackingProcessor start(String name, EventHandler handler) {
        var processor = TrackingProcessor.builder(name, store, handler)
                .checkpoints(checkpoints)
                .retry(FAST_RETRY)
                .batchSize(7)
                .build();
        started.add(processor);
        processor.start();
        return processor;
    }

    private static String text(RecordedEvent event) {
        return new String(event.data(), StandardCharsets.UTF_8);
    }

    @Nested
    class Delivery {
        @Test
        void processes_stored_then_live_events_in_log_order() throws Exception {
            for (int i = 0; i < 20; i++) {
                append("s-" + (i % 3), "e" + i);
            }
            List<String> seen = new CopyOnWriteArrayList<>();
            var processor = start("p", e -> seen.add(text(e)));
            for (int i = 20; i < 40; i++) {
                append("s-" + (i % 3), "e" + i);
            }

            assertThat(processor.awaitPosition(40, Duration.ofSeconds(5))).isTrue();
            assertThat(seen)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 40).mapToObj(i -> "e" + i).toList());
        }

        @Test
        void resumes_after_its_saved_checkpoint() throws Exception {
            appendNumbered("s-1", 10);
            var first = start("p", e -> {});
            first.awaitPosition(10, Duration.ofSeconds(5));
            first.stop();
            assertThat(checkpoints.load("p")).isEqualTo(10);

            append("s-1", "e10");
            List<String> seen = new CopyOnWriteArrayList<>();
            var second = start("p", e -> seen.add(text(e)));

            assertThat(second.awaitPosition(11, Duration.ofSeconds(5))).isTrue();
            assertThat(seen).containsExactly("e10");
        }

        @Test
        void reports_position_and_lag() throws Exception {
            appendNumbered("s-1", 5);
            var processor = start("p", e -> {});
            processor.awaitPosition(5, Duration.ofSeconds(5));

            assertThat(processor.status()).isEqualTo(new ProcessorStatus("p", 5, 0, 0, true));
        }

        @Test
        void await_position_times_out_when_the_log_has_not_reached_it() throws Exception {
            var processor = start("p", e -> {});
            assertThat(processor.awaitPosition(1, Duration.ofMillis(50))).isFalse();
        }
    }

    @Nested
    class Concurrency {
        @Test
        void handles_partitions_at_the_same_time_and_keeps_each_stream_in_order() throws Exception {
            for (int i = 0; i < 600; i++) {
                append("s-" + (i % 30), "e" + i);
            }
            Map<String, List<Long>> versionsByStream = new ConcurrentHashMap<>();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger maxInFlight = new AtomicInteger();
            var processor = TrackingProcessor.builder("lanes", store, e -> {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.sleep(1);
                        versionsByStream
                                .computeIfAbsent(e.streamId(), k -> new CopyOnWriteArrayList<>())
                                .add(e.version());
                        inFlight.decrementAndGet();
                    })
                    .checkpoints(checkpoints)
                    .concurrency(4)
                    .batchSize(100)
                    .build();
            started.add(processor);
            processor.start();

            assertThat(processor.awaitPosition(600, Duration.ofSeconds(20))).isTrue();
            assertThat(versionsByStream).hasSize(30);
            versionsByStream.forEach((stream, versions) -> assertThat(versions)
                    .as(stream)
                    .containsExactlyElementsOf(LongStream.range(0, 20).boxed().toList()));
            assertThat(maxInFlight.get()).isGreaterThan(1);
        }
    }

    @Nested
    class PartitionKeys {
        @Test
        void events_of_one_entity_from_several_streams_are_handled_in_log_order() throws Exception {
            for (int i = 0; i < 400; i++) {
                String entity = "e" + (i % 20);
                append(((i / 20) % 2 == 0 ? "order-" : "ticket-") + entity, entity + "#" + i);
            }
            Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
            var processor = TrackingProcessor.builder("entities", store, e -> {
                        Thread.sleep(0, 200_000);
                        String[] parts = text(e).split("#");
                        seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                                .add(Integer.parseInt(parts[1]));
                    })
                    .checkpoints(checkpoints)
                    .concurrency(8)
                    .batchSize(400)
                    .partitionBy(e -> e.streamId().substring(e.streamId().indexOf('-') + 1))
                    .build();
            started.add(processor);
            processor.start();

            assertThat(processor.awaitPosition(400, Duration.ofSeconds(20))).isTrue();
            assertThat(seen).hasSize(20);
            seen.forEach(
                    (entity, order) -> assertThat(order).as(entity).isSorted().hasSize(20));
        }
    }

    @Nested
    class Failures {
        @Test
        void retries_a_failing_event_until_it_succeeds() throws Exception {
            append("s-1", "flaky");
            AtomicInteger calls = new AtomicInteger();
            var processor = start("p", e -> {
                if (calls.incrementAndGet() < 3) {
                    throw new IllegalStateException("not yet");
                }
            });

            assertThat(processor.awaitPosition(1, Duration.ofSeconds(5))).isTrue();
            assertThat(calls).hasValue(3);
            assertThat(processor.parked()).isEmpty();
        }

        @Test
        void parks_an_event_after_its_last_attempt_and_goes_on() throws Exception {
            append("s-1", "ok-1");
            append("s-1", "poison");
            append("s-1", "ok-2");
            List<String> handled = new CopyOnWriteArrayList<>();
            var processor = start("p", e -> {
                if (text(e).equals("poison")) {
                    throw new IllegalArgumentException("cannot digest poison");
                }
                handled.add(text(e));
            });

            assertThat(processor.awaitPosition(3, Duration.ofSeconds(5))).isTrue();
            assertThat(handled).containsExactly("ok-1", "ok-2");
            assertThat(processor.parked()).singleElement().satisfies(parked -> {
                assertThat(parked.event().position()).isEqualTo(2);
                assertThat(parked.attempts()).isEqualTo(3);
                assertThat(parked.error()).contains("cannot digest poison");
            });
            assertThat(processor.status().parked()).isEqualTo(1);
        }

        @Test
        void a_parked_event_can_be_replayed_once_the_cause_is_fixed() throws Exception {
            append("s-1", "poison");
            Map<String, Boolean> fixed = new ConcurrentHashMap<>(Map.of("fixed", false));
            List<String> handled = new CopyOnWriteArrayList<>();
            var processor = start("p", e -> {
                if (!fixed.get("fixed")) {
                    throw new IllegalStateException("broken");
                }
                handled.add(text(e));
            });
            processor.awaitPosition(1, Duration.ofSeconds(5));
            assertThat(processor.replayParked(1)).isFalse();
            assertThat(processor.parked())
                    .singleElement()
                    .extracting(ParkedEvent::attempts)
                    .isEqualTo(4);

            fixed.put("fixed", true);

            assertThat(processor.replayParked(1)).isTrue();
            assertThat(handled).containsExactly("poison");
            assertThat(processor.parked()).isEmpty();
        }
    }

    @Nested
    class Reset {
        @Test
        void replays_the_whole_log_after_forgetting_what_was_built() throws Exception {
            appendNumbered("s-1", 12);
            List<String> model = new CopyOnWriteArrayList<>();
            AtomicInteger resets = new AtomicInteger();
            var processor = start("p", new EventHandler() {
                @Override
                public void handle(RecordedEvent event) {
                    model.add(text(event));
                }

                @Override
                public void reset() {
                    resets.incrementAndGet();
                    model.clear();
                }
            });
            processor.awaitPosition(12, Duration.ofSeconds(5));

            processor.reset();

            await().atMost(Duration.ofSeconds(5)).until(() -> model.size() == 12 && processor.position() == 12);
            assertThat(resets).hasValue(1);
            assertThat(model).startsWith("e0").endsWith("e11");
        }
    }

    @Nested
    class StoppingByItself {
        @Test
        void a_corrupt_record_stops_it_with_the_reason_in_its_status_and_nothing_parked() {
            append("s-1", "e0");
            var processor = start("p", e -> {
                throw new dev.cairn.core.store.EventStoreCorruptException(
                        "log-1.seg is corrupt at byte offset 99: payload checksum mismatch");
            });

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !processor.status().running());
            assertThat(processor.status().stoppedBecause())
                    .isEqualTo("log-1.seg is corrupt at byte offset 99: payload checksum mismatch");
            assertThat(processor.parked()).isEmpty();
        }

        @Test
        void stopped_on_purpose_it_gives_no_reason() {
            var processor = start("p", e -> {});
            processor.stop();

            assertThat(processor.status().running()).isFalse();
            assertThat(processor.status().stoppedBecause()).isEmpty();
        }
    }

    @Nested
    class Time {
        @Test
        void the_checkpoint_interval_is_measured_with_the_injected_ticker() throws Exception {
            AtomicLong nanos = new AtomicLong(1_000_000_000L);
            var processor = TrackingProcessor.builder("p", store, e -> {})
                    .checkpoints(checkpoints)
                    .ticker(nanos::get)
                    .build();
            started.add(processor);
            append("s-1", "e0");
            processor.start();
            processor.awaitPosition(1, Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> checkpoints.load("p") == 1);

            append("s-1", "e1");
            processor.awaitPosition(2, Duration.ofSeconds(5));
            Thread.sleep(300); // real time passes, ticker time does not: no save is due
            assertThat(checkpoints.load("p")).isEqualTo(1);

            nanos.addAndGet(Duration.ofMillis(100).toNanos());
            append("s-1", "e2");
            await().atMost(Duration.ofSeconds(5)).until(() -> checkpoints.load("p") == 3);
        }
    }
}
