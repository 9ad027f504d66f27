package dev.cairn.eventstore.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import dev.cairn.core.memory.InMemoryEventStore;
import dev.cairn.core.store.EventStore;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.eventstore.tck.reference.SimpleEventStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit has teeth: run through the JUnit Platform Launcher against stores with one fault each,
 * the tests written for that fault fail, while the same tests pass against the store without it.
 * The suites under test are the ones stores extend, selected by their {@code @Nested} classes.
 */
class KitCatchesBrokenStoresTest {

    private static final String PROPERTY =
            "EventStoreProperties.concurrent_appends_and_readers_keep_every_log_invariant";

    /** Which store the kits below test; set before each launch (these tests run one at a time). */
    private static volatile Supplier<EventStore> stores;

    private static volatile Function<SimpleEventStore, EventStore> reopening;

    static class KitUnderTest extends EventStoreContract {
        @Override
        protected EventStore newStore() {
            return stores.get();
        }
    }

    static class PropertiesUnderTest extends EventStoreProperties {
        @Override
        protected EventStore newStore() {
            return stores.get();
        }
    }

    static class DurableKitUnderTest extends DurableEventStoreContract {
        @Override
        protected EventStore newStore() {
            return new SimpleEventStore();
        }

        @Override
        protected EventStore reopen(EventStore closed) {
            return reopening.apply((SimpleEventStore) closed);
        }
    }

    @Test
    void a_store_that_ignores_expected_versions_fails_the_concurrency_tests_and_the_property() {
        List<DiscoverySelector> selection =
                List.of(nested(EventStoreContract.OptimisticConcurrency.class), selectClass(PropertiesUnderTest.class));

        assertCaught(
                BrokenStores.IgnoresExpectedVersions::new,
                selection,
                List.of(
                        "OptimisticConcurrency.no_stream_fails_when_the_stream_has_events_and_appends_nothing",
                        "OptimisticConcurrency.exact_appends_only_at_the_current_version",
                        "OptimisticConcurrency.exact_fails_on_a_stream_that_does_not_exist",
                        "OptimisticConcurrency.the_expected_version_is_that_of_the_target_stream_only",
                        "OptimisticConcurrency.writers_racing_with_the_same_expected_version_exactly_one_wins_each_round",
                        PROPERTY));
    }

    @Test
    void a_store_that_appends_a_batch_event_by_event_fails_the_atomicity_tests() {
        List<DiscoverySelector> selection = List.of(
                nested(EventStoreContract.AtomicAppends.class),
                nested(EventStoreContract.IdempotentAppends.class),
                nested(EventStoreContract.ConsistentOrdering.class));

        assertCaught(
                BrokenStores.AppendsEventByEvent::new,
                selection,
                List.of(
                        "AtomicAppends.a_batch_that_fails_on_its_last_event_appends_none_of_it",
                        "AtomicAppends.a_batch_whose_last_event_belongs_to_another_stream_appends_none_of_it",
                        "IdempotentAppends.mixing_recorded_and_new_event_ids_is_rejected_and_appends_nothing"));
    }

    @Test
    void a_store_that_refuses_retries_fails_the_idempotency_tests() {
        List<DiscoverySelector> selection =
                List.of(nested(EventStoreContract.IdempotentAppends.class), selectClass(PropertiesUnderTest.class));

        assertCaught(
                BrokenStores.RefusesRetries::new,
                selection,
                List.of(
                        "IdempotentAppends.retrying_an_append_returns_the_first_result_marked_duplicate_and_appends_nothing",
                        "IdempotentAppends.a_retry_after_later_appends_still_returns_the_first_result",
                        "IdempotentAppends.a_retry_is_recognised_whatever_the_expected_version_says",
                        "IdempotentAppends.concurrent_retries_of_one_append_record_it_once_and_all_get_its_result",
                        PROPERTY));
    }

    @Test
    void a_store_that_drops_an_event_from_read_all_fails_the_log_ordering_and_subscription_tests() {
        List<DiscoverySelector> selection = List.of(
                nested(EventStoreContract.GlobalPositions.class),
                nested(EventStoreContract.TotalPropagation.class),
                nested(EventStoreContract.ConsistentOrdering.class),
                nested(EventStoreContract.Subscriptions.class),
                selectClass(PropertiesUnderTest.class));

        assertCaught(
                BrokenStores.DropsTheThirdEventFromReadAll::new,
                selection,
                List.of(
                        "GlobalPositions.positions_are_positive_strictly_increasing_and_follow_the_order_of_acknowledgement",
                        "GlobalPositions.after_and_limit_page_through_the_log",
                        "GlobalPositions.filters_by_category_the_part_of_the_stream_id_before_the_first_dash",
                        "TotalPropagation.every_event_at_or_below_the_head_is_readable_and_none_joins_it_later",
                        "ConsistentOrdering.readers_tailing_while_writers_append_all_see_one_and_the_same_order",
                        "Subscriptions.hands_over_from_catch_up_to_live_without_loss_or_duplicates",
                        "Subscriptions.starts_after_the_given_position",
                        PROPERTY));
    }

    @Test
    void a_store_that_swaps_two_events_in_read_all_fails_the_ordering_tests() {
        List<DiscoverySelector> selection = List.of(
                nested(EventStoreContract.GlobalPositions.class),
                nested(EventStoreContract.TotalPropagation.class),
                nested(EventStoreContract.ConsistentOrdering.class),
                selectClass(PropertiesUnderTest.class));

        assertCaught(
                BrokenStores.SwapsTwoEventsInReadAll::new,
                selection,
                List.of(
                        "GlobalPositions.positions_are_positive_strictly_increasing_and_follow_the_order_of_acknowledgement",
                        "GlobalPositions.after_and_limit_page_through_the_log",
                        "ConsistentOrdering.readers_tailing_while_writers_append_all_see_one_and_the_same_order",
                        PROPERTY));
    }

    @Test
    void a_store_that_reports_the_head_too_far_fails_the_head_and_tailing_tests() {
        List<DiscoverySelector> selection = List.of(
                nested(EventStoreContract.GlobalPositions.class),
                nested(EventStoreContract.TotalPropagation.class),
                nested(EventStoreContract.ConsistentOrdering.class));

        assertCaught(
                BrokenStores.ReportsTheHeadTooFar::new,
                selection,
                List.of(
                        "GlobalPositions.positions_are_positive_strictly_increasing_and_follow_the_order_of_acknowledgement",
                        "TotalPropagation.every_event_at_or_below_the_head_is_readable_and_none_joins_it_later"));
    }

    @Test
    void a_store_whose_waits_ignore_appends_fails_the_wake_up_tests() {
        List<DiscoverySelector> selection = List.of(nested(EventStoreContract.TotalPropagation.class));

        assertCaught(
                BrokenStores.SleepsOutEveryWait::new,
                selection,
                List.of("TotalPropagation.wakes_promptly_when_an_append_moves_the_head"));
    }

    @Test
    void a_durable_store_that_forgets_everything_on_reopen_fails_the_durability_suite() {
        assertDurableCaught(
                closed -> new SimpleEventStore(),
                List.of(
                        "DurableKitUnderTest.acknowledged_events_survive_close_and_reopen_with_identical_bytes_and_metadata",
                        "DurableKitUnderTest.versions_and_positions_carry_on_after_reopen",
                        "DurableKitUnderTest.retries_are_recognised_after_reopen",
                        "DurableKitUnderTest.refused_appends_leave_nothing_behind_after_reopen",
                        "DurableKitUnderTest.filtered_reads_find_the_same_events_after_reopen",
                        "DurableKitUnderTest.events_appended_between_several_reopens_all_survive",
                        "DurableKitUnderTest.appends_acknowledged_to_concurrent_writers_survive_reopen",
                        "DurableKitUnderTest.a_subscription_after_reopen_delivers_the_whole_log_then_new_events"));
    }

    @Test
    void a_durable_store_that_changes_recorded_at_on_reopen_fails_the_identical_metadata_tests() {
        assertDurableCaught(
                closed -> new SimpleEventStore(closed.volume().copy(BROKEN_CLOCK, true)),
                List.of(
                        "DurableKitUnderTest.acknowledged_events_survive_close_and_reopen_with_identical_bytes_and_metadata",
                        "DurableKitUnderTest.appends_acknowledged_to_concurrent_writers_survive_reopen"));
    }

    @Test
    void a_durable_store_that_forgets_event_ids_on_reopen_fails_the_retry_test() {
        assertDurableCaught(
                closed -> new SimpleEventStore(closed.volume().copy(e -> e, false)),
                List.of("DurableKitUnderTest.retries_are_recognised_after_reopen"));
    }

    private static final UnaryOperator<RecordedEvent> BROKEN_CLOCK = e -> new RecordedEvent(
            e.eventId(),
            e.streamId(),
            e.version(),
            e.position(),
            e.type(),
            e.recordedAt().plus(Duration.ofMillis(1)),
            e.correlationId(),
            e.causationId(),
            e.data(),
            e.actor());

    private static DiscoverySelector nested(Class<?> suite) {
        return selectNestedClass(List.of(KitUnderTest.class), suite);
    }

    private static void assertCaught(
            Supplier<EventStore> broken, List<DiscoverySelector> selection, List<String> mustFail) {
        KitRun control = run(InMemoryEventStore::new, selection);
        KitRun faulty = run(broken, selection);

        assertThat(control.passed())
                .as("tests passing on the in-memory store without the fault; all results: %s", control)
                .containsAll(mustFail);
        assertThat(faulty.failed().keySet())
                .as(
                        "tests failing on %s; all results: %s",
                        broken.get().getClass().getSimpleName(), faulty)
                .containsAll(mustFail);
        assertThat(faulty.skipped()).as("skipped").isEmpty();
        assertThat(faulty.total()).as("tests run on the faulty store").isEqualTo(control.total());
    }

    private static void assertDurableCaught(
            Function<SimpleEventStore, EventStore> brokenReopen, List<String> mustFail) {
        KitRun control = runDurable(closed -> new SimpleEventStore(closed.volume()));
        KitRun faulty = runDurable(brokenReopen);

        assertThat(control.failed())
                .as("durability suite on a store that keeps its volume")
                .isEmpty();
        assertThat(control.passed()).containsAll(mustFail);
        assertThat(faulty.failed().keySet())
                .as("tests failing; all results: %s", faulty)
                .containsAll(mustFail);
        assertThat(faulty.skipped()).isEmpty();
    }

    private static KitRun runDurable(Function<SimpleEventStore, EventStore> reopen) {
        reopening = reopen;
        return launch(List.of(selectClass(DurableKitUnderTest.class)));
    }

    private static KitRun run(Supplier<EventStore> store, List<DiscoverySelector> selection) {
        stores = store;
        return launch(selection);
    }

    private static KitRun launch(List<DiscoverySelector> selection) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        Recorder recorder = new Recorder();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selection).build(), recorder);
        return new KitRun(recorder.passed, recorder.failed, recorder.skipped);
    }

    /** What one launch reported, by {@code SuiteClass.test_method}. */
    record KitRun(Set<String> passed, Map<String, String> failed, Set<String> skipped) {
        int total() {
            return passed.size() + failed.size() + skipped.size();
        }

        @Override
        public String toString() {
            return "passed " + passed + ", failed " + failed.keySet() + ", skipped " + skipped;
        }
    }

    private static final class Recorder implements TestExecutionListener {
        final Set<String> passed = new TreeSet<>();
        final Map<String, String> failed = new TreeMap<>();
        final Set<String> skipped = new TreeSet<>();

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            skipped.add(name(test) + " (" + reason + ")");
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    if (test.isTest()) {
                        passed.add(name(test));
                    }
                }
                case FAILED ->
                    failed.merge(
                            name(test), String.valueOf(result.getThrowable().orElse(null)), (a, b) -> a);
                case ABORTED -> skipped.add(name(test) + " (aborted)");
            }
        }

        private static String name(TestIdentifier test) {
            return test.getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(MethodSource.class::cast)
                    .map(m -> simpleName(m.getClassName()) + "." + m.getMethodName())
                    .orElse(test.getDisplayName());
        }

        private static String simpleName(String className) {
            return Stream.of(className.substring(className.lastIndexOf('.') + 1).split("\\$"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
    }
}
