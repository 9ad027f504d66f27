package dev.cairn.bench.compare;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.bench.jmh.OrderAggregate.Command;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon Framework 4 wired by hand as its reference guide describes, without Spring: a storage
 * engine (in-memory, or JDBC on PostgreSQL with its schema created through its API), an
 * {@link EmbeddedEventStore}, an {@link EventSourcingRepository} (with or without an aggregate
 * cache), a {@link SimpleCommandBus} and a command gateway. Events are serialized with Jackson.
 *
 * <p>JDBC transactions: connections come from a pool with auto-commit off through
 * {@link UnitOfWorkAwareConnectionProviderWrapper}, which binds one connection to the command's
 * unit of work and commits it when the unit of work commits — one transaction per command.
 */
final class AxonSystem implements AutoCloseable {
    private final EventStorageEngine engine;
    private final EmbeddedEventStore eventStore;
    private final HikariDataSource pool;

    private AxonSystem(EventStorageEngine engine, HikariDataSource pool) {
        this.engine = engine;
        this.pool = pool;
        this.eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    static AxonSystem inMemory() {
        return new AxonSystem(new InMemoryEventStorageEngine(), null);
    }

    /** @param engineBatchSize events the engine fetches per query when a processor reads the log (Axon's default is 100) */
    static AxonSystem jdbc(String jdbcUrl, int connections, int engineBatchSize) {
        HikariDataSource pool = Postgres.batchingPool(jdbcUrl, connections, "bench-axon");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(
                        new UnitOfWorkAwareConnectionProviderWrapper(new DataSourceConnectionProvider(pool)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(engineBatchSize)
                .build();
        inUnitOfWork(() -> engine.createSchema(PostgresEventTableFactory.INSTANCE));
        return new AxonSystem(engine, pool);
    }

    /** A command gateway over a fresh repository: with an aggregate cache (Axon's advice for throughput) or without (its default). */
    CommandGateway gateway(boolean cached) {
        EventSourcingRepository<AxonOrder> repository = EventSourcingRepository.builder(AxonOrder.class)
                .eventStore(eventStore)
                .cache(cached ? new WeakReferenceCache() : null)
                .build();
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        AggregateAnnotationCommandHandler.<AxonOrder>builder()
                .aggregateType(AxonOrder.class)
                .repository(repository)
                .commandTargetResolver(message ->
                        new VersionedAggregateIdentifier((Object) ((Command) message.getPayload()).orderId(), null))
                .build()
                .subscribe(bus);
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** Appends already-built domain event messages in one transaction (W3's preload). */
    void append(List<? extends EventMessage<?>> events) {
        inUnitOfWork(() -> engine.appendEvents(events));
    }

    EmbeddedEventStore eventStore() {
        return eventStore;
    }

    private static void inUnitOfWork(Runnable work) {
        DefaultUnitOfWork.startAndGet(null).execute(work);
    }

    @Override
    public void close() {
        eventStore.shutDown();
        if (pool != null) {
            pool.close();
        }
    }
}
