package io.tocsin.api.webhook.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Delivery counters ({@code tocsin_webhook_deliveries_total{outcome=sent|failed|retried|dead}}) and
 * the {@code tocsin_webhook_pending} gauge (counted at most every 5 s, not on every scrape).
 */
@Component
class DeliveryMetrics {

  private final Counter sent;
  private final Counter failed;
  private final Counter retried;
  private final Counter dead;
  private final DeliveryStore store;
  private final Clock clock;
  private volatile long pending;
  private volatile Instant countedAt = Instant.EPOCH;

  DeliveryMetrics(MeterRegistry registry, DeliveryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.sent = counter(registry, "sent", "deliveries the receiver accepted (2xx)");
    this.failed = counter(registry, "failed", "attempts that failed, for any reason");
    this.retried = counter(registry, "retried", "failed attempts scheduled again");
    this.dead = counter(registry, "dead", "deliveries dead-lettered");
    Gauge.builder("tocsin.webhook.pending", this, DeliveryMetrics::pending)
        .description("deliveries waiting to be sent")
        .register(registry);
  }

  private static Counter counter(MeterRegistry registry, String outcome, String description) {
    return Counter.builder("tocsin.webhook.deliveries")
        .tag("outcome", outcome)
        .description(description)
        .register(registry);
  }

  void sent() {
    sent.increment();
  }

  void failed() {
    failed.increment();
  }

  void retried() {
    retried.increment();
  }

  void dead() {
    dead.increment();
  }

  private double pending() {
    Instant now = clock.instant();
    if (now.isAfter(countedAt.plusSeconds(5))) {
      countedAt = now;
      pending = store.countPending();
    }
    return pending;
  }
}
