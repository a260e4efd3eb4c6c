package io.tocsin.api.webhook.delivery;

import io.tocsin.api.webhook.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Enqueues deliveries, idempotently: the id is derived from webhook, alert, version and event. */
@Component
public class Outbox {

  private final DeliveryStore store;
  private final PayloadRenderer renderer;
  private final DeliveryDispatcher dispatcher;
  private final Clock clock;

  Outbox(
      DeliveryStore store, PayloadRenderer renderer, DeliveryDispatcher dispatcher, Clock clock) {
    this.store = store;
    this.renderer = renderer;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /** Enqueues one change for each of {@code targets}; returns how many were new. */
  public int enqueue(
      List<Webhook> targets,
      String event,
      String alertId,
      long version,
      Map<String, Object> alert) {
    if (targets.isEmpty()) {
      return 0;
    }
    String snapshot = renderer.snapshot(alert);
    Instant now = clock.instant();
    int added = 0;
    for (Webhook hook : targets) {
      Delivery delivery =
          new Delivery(
              Delivery.idOf(hook.id(), alertId, version, event),
              hook.tenantId(),
              hook.id(),
              alertId,
              version,
              event,
              snapshot,
              null,
              Delivery.PENDING,
              0,
              0,
              now,
              null,
              now,
              now,
              null,
              null,
              List.of());
      if (store.insertIfAbsent(delivery)) {
        added++;
      }
    }
    if (added > 0) {
      dispatcher.wake();
    }
    return added;
  }
}
