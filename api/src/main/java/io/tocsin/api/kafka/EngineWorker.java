package io.tocsin.api.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tocsin.api.detection.EngineScopes;
import io.tocsin.api.pipeline.DetectionPipeline;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * An engine worker: evaluates the records of the partitions it owns, each partition with engines of
 * its own, and records the detections; the container commits a batch's offsets only after this
 * returns, so a crash re-delivers whatever had no alerts written yet. A partition taken over (from
 * a dead or departed worker) is re-read from {@code replayWindow} before its committed offset to
 * rebuild its windows and sequences (see {@link PartitionState}).
 */
class EngineWorker
    implements BatchConsumerAwareMessageListener<String, byte[]>, ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(EngineWorker.class);

  private final DetectionPipeline pipeline;
  private final EngineScopes scopes;
  private final KafkaSettings settings;
  private final Clock clock;
  private final MeterRegistry meters;
  private final ConcurrentMap<TopicPartition, PartitionState> owned = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, AtomicLong> lag = new ConcurrentHashMap<>();
  private final Counter malformed;
  private final Timer ingestToEvaluated;

  EngineWorker(
      DetectionPipeline pipeline,
      EngineScopes scopes,
      KafkaSettings settings,
      Clock clock,
      MeterRegistry meters) {
    this.pipeline = pipeline;
    this.scopes = scopes;
    this.settings = settings;
    this.clock = clock;
    this.meters = meters;
    this.malformed = meters.counter("tocsin.kafka.records.malformed");
    this.ingestToEvaluated =
        Timer.builder("tocsin.kafka.ingest.to.evaluated")
            .description("from the broker's record time to alerts written, per live record")
            .publishPercentileHistogram()
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    Gauge.builder("tocsin.kafka.partitions.owned", owned, Map::size)
        .description("Partitions of the events topic this worker evaluates")
        .register(meters);
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
    Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      byPartition
          .computeIfAbsent(
              new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
          .add(record);
    }
    byPartition.forEach(
        (partition, batch) -> {
          evaluate(state(partition), batch);
          consumer.currentLag(partition).ifPresent(l -> lagOf(partition.partition()).set(l));
        });
  }

  private void evaluate(PartitionState state, List<ConsumerRecord<String, byte[]>> batch) {
    Map<String, List<Event>> replay = new LinkedHashMap<>();
    Map<String, List<Event>> live = new LinkedHashMap<>();
    long replayed = 0;
    for (ConsumerRecord<String, byte[]> record : batch) {
      Event event;
      try {
        event = EventWireFormat.decode(record.value());
      } catch (RuntimeException e) {
        malformed.increment();
        log.error(
            "{}@{}: skipping a record that is not an event: {}",
            state.partition(),
            record.offset(),
            e.getMessage());
        continue;
      }
      boolean isReplay = state.isReplay(record.offset());
      replayed += isReplay ? 1 : 0;
      (isReplay ? replay : live)
          .computeIfAbsent(event.tenantId(), t -> new ArrayList<>())
          .add(event);
    }
    // Replayed records had their alerts written before their offset was committed.
    replay.forEach((tenant, events) -> state.engines().evaluate(tenant, events));
    live.forEach((tenant, events) -> pipeline.process(state.engines()::evaluate, tenant, events));
    long now = clock.millis();
    for (ConsumerRecord<String, byte[]> record : batch) {
      if (!state.isReplay(record.offset())) {
        ingestToEvaluated.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
      }
    }
    String partition = Integer.toString(state.partition().partition());
    meters
        .counter("tocsin.kafka.records", "partition", partition, "phase", "replay")
        .increment(replayed);
    meters
        .counter("tocsin.kafka.records", "partition", partition, "phase", "live")
        .increment(batch.size() - replayed);
  }

  private PartitionState state(TopicPartition partition) {
    // Normally created on assignment; a record of an unknown partition gets fresh state.
    return owned.computeIfAbsent(partition, p -> open(p, 0));
  }

  private PartitionState open(TopicPartition partition, long replayEnd) {
    return new PartitionState(
        partition, scopes.create("partition-" + partition.partition()), replayEnd);
  }

  private AtomicLong lagOf(int partition) {
    return lag.computeIfAbsent(
        partition,
        p -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("tocsin.kafka.lag", value, AtomicLong::get)
              .description("Records of the partition not yet evaluated by this worker")
              .tag("partition", Integer.toString(p))
              .register(meters);
          return value;
        });
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    meters.counter("tocsin.kafka.rebalances", "change", "assigned").increment();
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(new HashSet<>(partitions));
    Map<TopicPartition, Long> replayFrom = new LinkedHashMap<>();
    long since = clock.millis() - settings.replayWindow().toMillis();
    for (TopicPartition partition : partitions) {
      if (committed.get(partition) != null) {
        replayFrom.put(partition, since);
      }
    }
    Map<TopicPartition, OffsetAndTimestamp> starts =
        replayFrom.isEmpty()
            ? Map.of()
            : consumer.offsetsForTimes(replayFrom, Duration.ofSeconds(30));
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata commit = committed.get(partition);
      long replayEnd = commit == null ? 0 : commit.offset();
      OffsetAndTimestamp start = starts.get(partition);
      if (start != null && start.offset() < replayEnd) {
        consumer.seek(partition, start.offset());
        log.info(
            "{}: replaying offsets {}..{} to rebuild correlation state",
            partition,
            start.offset(),
            replayEnd - 1);
      }
      PartitionState previous = owned.put(partition, open(partition, replayEnd));
      if (previous != null) {
        previous.close();
      }
    }
    log.info("evaluating partitions {}", partitions);
  }

  @Override
  public void onPartitionsRevokedAfterCommit(
      Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      meters.counter("tocsin.kafka.rebalances", "change", "revoked").increment();
      release(partitions);
    }
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    meters.counter("tocsin.kafka.rebalances", "change", "lost").increment();
    release(partitions);
  }

  private void release(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      PartitionState state = owned.remove(partition);
      if (state != null) {
        state.close();
      }
    }
    log.info("released partitions {}", partitions);
  }

  /** Picks up definition changes, and moves absence timers (scheduled, off the consumer thread). */
  void maintain() {
    for (PartitionState state : new ArrayList<>(owned.values())) {
      try {
        state.engines().syncWithStore();
        state
            .engines()
            .advanceTo(clock.instant())
            .forEach((tenant, detections) -> pipeline.record(tenant, detections));
      } catch (RuntimeException e) {
        log.warn("{}: engine maintenance failed; retrying", state.partition(), e);
      }
    }
  }

  void closeAll() {
    release(new ArrayList<>(owned.keySet()));
  }
}
