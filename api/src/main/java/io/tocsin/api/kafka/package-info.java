/**
 * Scale-out on Kafka ({@code TOCSIN_KAFKA_BOOTSTRAP}): ingest stores events and acknowledges them
 * only once they are on the events topic ({@link KafkaEventPublisher}, keyed {@code
 * tenant_id:host_id} so a host's events stay in one partition and in order); engine workers in one
 * consumer group evaluate their partitions ({@link EngineWorker}), each partition with engines of
 * its own, rebuilt by replay from the topic when the partition moves ({@link PartitionState}).
 * Alerts have ids derived from (rule, events), so re-read records never double an alert.
 */
package io.tocsin.api.kafka;
