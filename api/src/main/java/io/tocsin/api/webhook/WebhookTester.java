package io.tocsin.api.webhook;

import io.tocsin.api.webhook.WebhookViews.WebhookTestResult;
import io.tocsin.api.webhook.delivery.PayloadRenderer;
import io.tocsin.api.webhook.delivery.Signatures;
import io.tocsin.api.webhook.delivery.WebhookSender;
import io.tocsin.api.webhook.format.TemplateException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@code POST /webhooks/{id}/test}: sends a signed sample alert in the webhook's format, right now,
 * outside the outbox (nothing is retried or recorded), and reports what the receiver answered.
 */
@Service
class WebhookTester {

  private final WebhookService webhooks;
  private final SecretCipher cipher;
  private final PayloadRenderer renderer;
  private final WebhookSender sender;
  private final Clock clock;

  WebhookTester(
      WebhookService webhooks,
      SecretCipher cipher,
      PayloadRenderer renderer,
      WebhookSender sender,
      Clock clock) {
    this.webhooks = webhooks;
    this.cipher = cipher;
    this.renderer = renderer;
    this.sender = sender;
    this.clock = clock;
  }

  WebhookTestResult test(String tenantId, String id) {
    Webhook hook = webhooks.find(tenantId, id);
    Instant now = clock.instant();
    String deliveryId = "test_" + UUID.randomUUID().toString().replace("-", "");
    String event = hook.events().isEmpty() ? "alert.created" : hook.events().get(0);
    String body;
    try {
      body = renderer.render(hook, event, renderer.snapshot(sample(now)), now);
    } catch (TemplateException e) {
      return notSent(deliveryId, event, e.getMessage());
    }
    String secret;
    try {
      secret = cipher.decrypt(hook.id(), hook.secret());
    } catch (IllegalStateException e) {
      return notSent(deliveryId, event, e.getMessage());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Tocsin-Event", event);
    headers.putAll(Signatures.headers(secret, deliveryId, now.getEpochSecond(), body));
    WebhookSender.Result r = sender.send(hook.url(), body, headers);
    return new WebhookTestResult(
        deliveryId, event, r.ok(), r.statusCode(), r.latencyMs(), r.error());
  }

  private static WebhookTestResult notSent(String deliveryId, String event, String error) {
    return new WebhookTestResult(deliveryId, event, false, null, null, error);
  }

  private static Map<String, Object> sample(Instant now) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", "alr_test");
    a.put("title", "Test alert from Tocsin");
    a.put("description", "A sample alert sent by POST /webhooks/{id}/test");
    a.put("severity", "high");
    a.put("status", "open");
    a.put("created_at", now);
    a.put("updated_at", now);
    a.put("events", List.of());
    a.put("tags", List.of("test"));
    a.put("policy_id", "test_policy");
    a.put("policy_name", "Test policy");
    a.put("rule_id", "rule_test");
    a.put("host_id", "test-host");
    a.put("count", 1);
    a.put("risk_score", 73);
    a.put("version", 1);
    a.put("source", "test");
    return a;
  }
}
