package io.tocsin.api.webhook.delivery;

import io.tocsin.api.webhook.SecretCipher;
import io.tocsin.api.webhook.Webhook;
import io.tocsin.api.webhook.WebhookProperties;
import io.tocsin.api.webhook.WebhookStore;
import io.tocsin.api.webhook.format.TemplateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt at a claimed delivery and records the outcome: delivered on 2xx; retried with
 * backoff on timeouts, connection errors, 408, 429 and 5xx while the budget lasts; dead-lettered on
 * any other status, a refused address, a broken template, or an exhausted budget.
 */
@Component
class DeliveryWorker {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  private final WebhookStore webhooks;
  private final SecretCipher cipher;
  private final PayloadRenderer renderer;
  private final WebhookSender sender;
  private final DeliveryStore store;
  private final DeliveryMetrics metrics;
  private final Clock clock;
  private final Backoff backoff;
  private final int maxAttempts;

  DeliveryWorker(
      WebhookStore webhooks,
      SecretCipher cipher,
      PayloadRenderer renderer,
      WebhookSender sender,
      DeliveryStore store,
      DeliveryMetrics metrics,
      Clock clock,
      WebhookProperties properties) {
    this.webhooks = webhooks;
    this.cipher = cipher;
    this.renderer = renderer;
    this.sender = sender;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.backoff = new Backoff(properties.retry().base(), properties.retry().cap());
    this.maxAttempts = Math.max(1, properties.retry().maxAttempts());
  }

  void attempt(Delivery d) {
    Instant start = clock.instant();
    Optional<Webhook> found = webhooks.find(d.tenantId(), d.webhookId());
    if (found.isEmpty() || !found.get().enabled()) {
      String why = found.isEmpty() ? "webhook was deleted" : "webhook is disabled";
      finish(d, d.body(), start, new WebhookSender.Result(null, 0, why, false, null));
      return;
    }
    Webhook hook = found.get();
    String body = d.body();
    if (body == null) {
      try {
        body = renderer.render(hook, d.event(), d.alert(), d.createdAt());
      } catch (TemplateException e) {
        LOG.warn("webhook {} delivery {}: {}", hook.id(), d.id(), e.getMessage());
        finish(d, null, start, new WebhookSender.Result(null, 0, e.getMessage(), false, null));
        return;
      }
    }
    String secret;
    try {
      secret = cipher.decrypt(hook.id(), hook.secret());
    } catch (IllegalStateException e) {
      // A changed TOCSIN_WEBHOOK_KEY: retrying cannot help until the secret is set again.
      finish(d, body, start, new WebhookSender.Result(null, 0, e.getMessage(), false, null));
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Tocsin-Event", d.event());
    headers.putAll(Signatures.headers(secret, d.id(), start.getEpochSecond(), body));
    finish(d, body, start, sender.send(hook.url(), body, headers));
  }

  private void finish(Delivery d, String body, Instant start, WebhookSender.Result r) {
    Instant now = clock.instant();
    int round = d.roundAttempts() + 1;
    String state;
    Instant next = null;
    if (r.ok()) {
      state = Delivery.DELIVERED;
      metrics.sent();
    } else {
      metrics.failed();
      if (r.retryable() && round < maxAttempts) {
        state = Delivery.PENDING;
        Duration delay = backoff.delay(round, Backoff.retryAfter(r.retryAfter(), now));
        next = now.plus(delay);
        metrics.retried();
      } else {
        state = Delivery.DEAD;
        metrics.dead();
        LOG.warn(
            "webhook {} delivery {} dead-lettered after {} attempt(s): {}",
            d.webhookId(),
            d.id(),
            round,
            r.error());
      }
    }
    String error = r.error();
    if (Delivery.DEAD.equals(state) && r.retryable()) {
      error = error + " (gave up after " + round + " attempts)";
    }
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            d.attempts() + 1, start, r.statusCode(), r.latencyMs(), error, outcome(state), next);
    Delivery updated =
        new Delivery(
            d.id(),
            d.tenantId(),
            d.webhookId(),
            d.alertId(),
            d.alertVersion(),
            d.event(),
            d.alert(),
            body,
            state,
            d.attempts() + 1,
            round,
            next,
            null,
            d.createdAt(),
            now,
            r.statusCode(),
            error,
            null);
    if (!store.complete(d, updated, attempt)) {
      LOG.warn("webhook delivery {} outlived its lease; another sender owns it now", d.id());
    }
  }

  private static String outcome(String state) {
    return switch (state) {
      case Delivery.DELIVERED -> "delivered";
      case Delivery.PENDING -> "retry";
      default -> "dead";
    };
  }
}
