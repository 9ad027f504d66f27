package dev.cairn.eventstore.tck;

import dev.cairn.core.store.EventStore;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * Property-based half of the kit (requirements 1–7 under concurrency): random appends from several
 * threads — random streams, batch sizes and expected versions, some bound to conflict, some retries
 * and reused ids — while readers tail the log. A store's test module extends it beside
 * {@link EventStoreContract} and implements {@link #newStore()}.
 *
 * <p>Shrinking is off: a concurrent run does not replay the same interleaving, so a shrunk sample
 * would mislead; the failure message names the scenario and the broken invariant instead.
 */
public abstract class EventStoreProperties {

    /** A new, empty store. Called once per try; the property closes it. */
    protected abstract EventStore newStore();

    /**
     * Every acknowledged append is in the log exactly once with contiguous versions; rejected appends
     * left nothing; every reader saw the one global order, which agrees with each stream's versions
     * and with the order in which each writer's appends were acknowledged.
     */
    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void concurrent_appends_and_readers_keep_every_log_invariant(@ForAll("scenarios") Scenario scenario)
            throws Exception {
        try (EventStore store = newStore()) {
            ScenarioRun.execute(store, scenario).assertInvariants();
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.frequency(
                                Tuple.of(3, Op.Kind.ANY),
                                Tuple.of(4, Op.Kind.CURRENT),
                                Tuple.of(2, Op.Kind.EXACT),
                                Tuple.of(1, Op.Kind.NO_STREAM),
                                Tuple.of(1, Op.Kind.RETRY_LAST),
                                Tuple.of(1, Op.Kind.REUSE_RECORDED_ID)),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 8))
                .as(Op::new);
        Arbitrary<List<Op>> writer = op.list().ofMinSize(1).ofMaxSize(25);
        return Combinators.combine(
                        writer.list().ofMinSize(2).ofMaxSize(4),
                        Arbitraries.integers().between(1, 2))
                .as(Scenario::new);
    }

    /** What the writers do (one list of operations per writer thread) and how many readers tail the log. */
    record Scenario(List<List<Op>> writers, int readers) {
        Scenario {
            writers = writers.stream().map(List::copyOf).toList();
        }
    }

    /**
     * One append attempt.
     *
     * @param kind        how the expected version is chosen, or which earlier append is reused
     * @param stream      which of a handful of streams (few, so writers collide)
     * @param batchSize   how many new events
     * @param exactVersion the version {@link Kind#EXACT} expects
     */
    record Op(Kind kind, int stream, int batchSize, int exactVersion) {
        enum Kind {
            /** Expect any version: must never conflict. */
            ANY,
            /** Read the stream's version, then expect it: conflicts when another writer got there first. */
            CURRENT,
            /** Expect a random version: mostly conflicts. */
            EXACT,
            /** Expect no stream. */
            NO_STREAM,
            /** Repeat this writer's last acknowledged append: must return its first result, as a duplicate. */
            RETRY_LAST,
            /** New events plus one this writer already recorded, first or last: must be refused as a duplicate id. */
            REUSE_RECORDED_ID
        }
    }
}
