package io.tocsin.api.webhook;

import io.tocsin.api.cases.CaseChanged;
import io.tocsin.api.webhook.delivery.Outbox;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enqueues {@code case.created} / {@code case.updated} deliveries right after each case write, on
 * the writing thread, through the same outbox as alerts (delivery ids from webhook, case id,
 * version and event). Routing filters apply as for alerts: {@code min_severity} compares the case's
 * severity (its alerts' highest), {@code tags} its tags, and a webhook limited to {@code policies}
 * receives no cases (a case has no policy).
 */
@Component
class WebhookCaseListener {

  private final WebhookStore webhooks;
  private final WebhookRouting routing;
  private final Outbox outbox;

  WebhookCaseListener(WebhookStore webhooks, WebhookRouting routing, Outbox outbox) {
    this.webhooks = webhooks;
    this.routing = routing;
    this.outbox = outbox;
  }

  @EventListener
  void onCaseChanged(CaseChanged change) {
    if (!change.isCaseEvent()) {
      return;
    }
    List<Webhook> candidates = webhooks.enabled(change.tenantId());
    if (candidates.isEmpty()) {
      return;
    }
    List<Webhook> targets =
        routing.targets(change.tenantId(), change.type(), change.data(), candidates);
    outbox.enqueue(targets, change.type(), change.id(), change.version(), change.data());
  }
}
