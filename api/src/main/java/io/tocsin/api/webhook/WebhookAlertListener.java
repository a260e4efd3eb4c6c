package io.tocsin.api.webhook;

import io.tocsin.api.alert.AlertChange;
import io.tocsin.api.alert.AlertChangeListener;
import io.tocsin.api.webhook.delivery.Outbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Enqueues deliveries right after each alert write, on the writing thread (cheap: a read of the
 * tenant's enabled webhooks and one insert per target). If the server dies between the alert write
 * and this, the outbox sweeper enqueues them later under the same ids.
 */
@Component
class WebhookAlertListener implements AlertChangeListener {

  private final WebhookStore webhooks;
  private final WebhookRouting routing;
  private final Outbox outbox;

  WebhookAlertListener(WebhookStore webhooks, WebhookRouting routing, Outbox outbox) {
    this.webhooks = webhooks;
    this.routing = routing;
    this.outbox = outbox;
  }

  @Override
  public void onAlertChange(AlertChange change) {
    List<Webhook> candidates = webhooks.enabled(change.tenantId());
    if (candidates.isEmpty()) {
      return;
    }
    List<Webhook> targets =
        routing.targets(change.tenantId(), change.type(), change.alert(), candidates);
    outbox.enqueue(targets, change.type(), change.alertId(), change.version(), change.alert());
  }
}
