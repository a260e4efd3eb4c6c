package io.tocsin.api.kafka;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scale-out settings ({@code tocsin.kafka.*}; {@code tocsin.role}). Used only when {@code
 * bootstrap} is set.
 *
 * @param bootstrap broker list, e.g. {@code kafka-1:9092,kafka-2:9092}
 * @param topic events topic (created with {@code partitions} and {@code replicationFactor} when
 *     missing)
 * @param partitions partitions of a created topic: the most workers that can share the load
 * @param replicationFactor replicas of a created topic (3 in production)
 * @param group consumer group of the engine workers
 * @param produceTimeout how long ingest waits for the brokers to acknowledge before answering 503
 * @param replayWindow how far before its committed offset a worker re-reads a partition it takes
 *     over, to rebuild correlation state; at least the longest correlation or suppression window
 * @param sessionTimeout how soon the group notices a dead worker and moves its partitions
 * @param role {@code all} (ingest and evaluate), {@code api} (ingest only) or {@code worker}
 */
@ConfigurationProperties("tocsin.kafka")
public record KafkaSettings(
    @DefaultValue("") String bootstrap,
    @DefaultValue("tocsin.events") String topic,
    @DefaultValue("12") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("tocsin-engine") String group,
    @DefaultValue("10s") Duration produceTimeout,
    @DefaultValue("1h") Duration replayWindow,
    @DefaultValue("10s") Duration sessionTimeout,
    @DefaultValue("all") String role) {

  public KafkaSettings {
    role = role.trim().toLowerCase(Locale.ROOT);
    if (!role.equals("all") && !role.equals("api") && !role.equals("worker")) {
      throw new IllegalArgumentException(
          "TOCSIN_ROLE must be all, api or worker, not '" + role + "'");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("TOCSIN_KAFKA_PARTITIONS must be at least 1");
    }
  }

  /** Whether this process evaluates events (joins the consumer group). */
  public boolean runsWorker() {
    return !role.equals("api");
  }
}
