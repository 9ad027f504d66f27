/**
 * The PostgreSQL event store, for deployments where several processes share one log. Entry type:
 * {@link dev.cairn.eventstore.postgres.PostgresEventStore}; next to it
 * {@link dev.cairn.eventstore.postgres.PostgresCheckpointStore} (checkpoints, parked events, read
 * models committed with their checkpoint) and
 * {@link dev.cairn.eventstore.postgres.PartitionedProcessor} (competing consumers through partition
 * leases, partitioned by stream or by entity, {@link dev.cairn.eventstore.postgres.PartitionKey}). The module's {@code DESIGN.md} explains the schema, the position encoding, the visibility
 * rule and its cost, the notification and the leases.
 */
package dev.cairn.eventstore.postgres;
