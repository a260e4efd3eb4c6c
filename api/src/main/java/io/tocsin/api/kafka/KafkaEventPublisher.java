package io.tocsin.api.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.api.event.EventDispatcher;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Scale-out ingest: events already stored are sent to the topic (idempotent producer, {@code
 * acks=all}), and ingest answers only once every one is acknowledged by the brokers. If the brokers
 * do not answer in time, ingest answers 503 with {@code Retry-After}; the events' pending batch
 * stays open and the sweeper sends them again later, so nothing acknowledged or stored is lost.
 */
class KafkaEventPublisher implements EventDispatcher {

  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

  private final KafkaTemplate<String, byte[]> template;
  private final KafkaAdmin admin;
  private final NewTopic topic;
  private final KafkaSettings settings;
  private final PendingEvaluations pending;
  private final Counter published;
  private final Counter failures;

  /** Whether the topic is known to exist (created at start, or later if the brokers were down). */
  private volatile boolean topicReady;

  KafkaEventPublisher(
      KafkaTemplate<String, byte[]> template,
      KafkaAdmin admin,
      NewTopic topic,
      KafkaSettings settings,
      PendingEvaluations pending,
      MeterRegistry meters) {
    this.template = template;
    this.admin = admin;
    this.topic = topic;
    this.settings = settings;
    this.pending = pending;
    this.published = meters.counter("tocsin.kafka.published");
    this.failures = meters.counter("tocsin.kafka.publish.failures");
  }

  @Override
  public List<Detection> dispatchFresh(PendingEvaluations.Batch batch, List<Event> events) {
    dispatch(batch.tenantId(), events);
    pending.close(batch);
    return List.of();
  }

  @Override
  public void dispatch(String tenantId, List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + settings.produceTimeout().toNanos();
    List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
    try {
      ensureTopic();
      for (Event event : events) {
        sends.add(
            template.send(
                settings.topic(), EventWireFormat.key(event), EventWireFormat.encode(event)));
      }
      for (CompletableFuture<?> send : sends) {
        send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(tenantId, events.size(), e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(tenantId, events.size(), e);
    }
    published.increment(events.size());
  }

  /** Creates the topic if the brokers were unreachable when the server started. */
  private void ensureTopic() {
    if (!topicReady) {
      admin.createOrModifyTopics(topic);
      topicReady = true;
    }
  }

  private ApiException unavailable(String tenantId, int count, Exception cause) {
    failures.increment();
    log.warn(
        "tenant {}: {} events not acknowledged by Kafka within {}; answering 503 ({})",
        tenantId,
        count,
        settings.produceTimeout(),
        cause.toString());
    HttpHeaders headers = new HttpHeaders();
    long retryAfter = Math.max(1, settings.produceTimeout().toSeconds());
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    return new ApiException(
        ErrorCode.SERVICE_UNAVAILABLE,
        "The event stream is unavailable; the events were not acknowledged. Retry later.",
        Map.of("retry_after_seconds", retryAfter),
        headers);
  }
}
