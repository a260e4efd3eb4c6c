package io.tocsin.api.ui;

import io.tocsin.api.alert.AlertChange;
import io.tocsin.api.alert.AlertChangeListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fans alert changes out to the open streams of the changed alert's tenant, and only that tenant.
 * The alert writer's thread only puts a small summary into each subscriber's bounded buffer; a pool
 * of named sender threads writes to the sockets, so a slow browser never slows detection. When a
 * buffer overflows, its oldest messages are dropped and the subscriber gets a {@code resync} event
 * telling it to reload instead.
 */
@Component
class StreamHub implements AlertChangeListener, DisposableBean {

  /** Fields of the alert a list row needs; the detail view re-reads the alert itself. */
  private static final List<String> SUMMARY_FIELDS =
      List.of(
          "id",
          "title",
          "severity",
          "status",
          "created_at",
          "updated_at",
          "assignee",
          "assignee_name",
          "tags",
          "policy_id",
          "policy_name",
          "rule_id",
          "host_id",
          "count",
          "risk_score",
          "version",
          "close_reason");

  private final Map<String, Set<StreamSubscriber>> byTenant = new ConcurrentHashMap<>();
  private final ScheduledExecutorService senders;
  private final int bufferSize;
  private final int maxSubscribers;
  private final AtomicInteger open = new AtomicInteger();

  StreamHub(
      @Value("${tocsin.ui.stream.buffer:256}") int bufferSize,
      @Value("${tocsin.ui.stream.max-subscribers:500}") int maxSubscribers,
      @Value("${tocsin.ui.stream.heartbeat:20s}") Duration heartbeat) {
    this.bufferSize = bufferSize;
    this.maxSubscribers = maxSubscribers;
    AtomicInteger n = new AtomicInteger();
    this.senders =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "tocsin-ui-stream-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, heartbeat.toMillis());
    senders.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
  }

  /** Registers a stream of {@code tenantId}; null when the server has too many open. */
  StreamSubscriber subscribe(String tenantId, Set<String> topics, Duration timeout) {
    if (open.incrementAndGet() > maxSubscribers) {
      open.decrementAndGet();
      return null;
    }
    StreamSubscriber subscriber =
        new StreamSubscriber(tenantId, topics, timeout, bufferSize, senders, this::remove);
    byTenant.computeIfAbsent(tenantId, t -> ConcurrentHashMap.newKeySet()).add(subscriber);
    subscriber.offer(new StreamSubscriber.Message("ready", Map.of("topics", topics)));
    return subscriber;
  }

  int subscribers(String tenantId) {
    return byTenant.getOrDefault(tenantId, Set.of()).size();
  }

  @Override
  public void onAlertChange(AlertChange change) {
    Set<StreamSubscriber> subscribers = byTenant.get(change.tenantId());
    if (subscribers == null || subscribers.isEmpty()) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", change.type());
    data.put("alert_id", change.alertId());
    data.put("version", change.version());
    data.put("alert", summary(change.alert()));
    StreamSubscriber.Message message = new StreamSubscriber.Message(change.type(), data);
    for (StreamSubscriber subscriber : subscribers) {
      if (subscriber.wants(StreamController.TOPIC_ALERTS)) {
        subscriber.offer(message);
      }
    }
  }

  private static Map<String, Object> summary(Map<String, Object> alert) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (alert != null) {
      for (String field : SUMMARY_FIELDS) {
        if (alert.containsKey(field)) {
          out.put(field, alert.get(field));
        }
      }
    }
    return out;
  }

  private void heartbeat() {
    byTenant.values().forEach(set -> set.forEach(StreamSubscriber::ping));
  }

  private void remove(StreamSubscriber subscriber) {
    Set<StreamSubscriber> set = byTenant.get(subscriber.tenantId());
    if (set != null && set.remove(subscriber)) {
      open.decrementAndGet();
    }
  }

  @Override
  public void destroy() {
    byTenant.values().forEach(set -> List.copyOf(set).forEach(StreamSubscriber::close));
    senders.shutdownNow();
  }
}
