package io.tocsin.api.kafka;

import io.tocsin.api.detection.TenantEngines;
import org.apache.kafka.common.TopicPartition;

/**
 * What a worker holds for one partition it owns: engines with that partition's correlation state,
 * and where replay ends. Records before {@code replayEnd} were evaluated and their alerts written
 * before the offset was committed (by this worker or a previous owner): they are evaluated again
 * only to rebuild windows and sequences, and their detections are dropped.
 */
final class PartitionState {

  private final TopicPartition partition;
  private final TenantEngines engines;
  private final long replayEnd;

  PartitionState(TopicPartition partition, TenantEngines engines, long replayEnd) {
    this.partition = partition;
    this.engines = engines;
    this.replayEnd = replayEnd;
  }

  TopicPartition partition() {
    return partition;
  }

  TenantEngines engines() {
    return engines;
  }

  /** Whether the record at {@code offset} is replayed to rebuild state (detections dropped). */
  boolean isReplay(long offset) {
    return offset < replayEnd;
  }

  void close() {
    engines.destroy();
  }
}
