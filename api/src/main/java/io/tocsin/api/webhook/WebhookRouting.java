package io.tocsin.api.webhook;

import io.tocsin.engine.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which webhooks receive an alert change. A webhook matches when it is enabled, subscribes to the
 * event type, and the alert passes its filters (minimum severity; policy ids; at least one of its
 * tags). Then, if the rule that raised the alert names {@code notify_channels}, only matching
 * webhooks with one of those names receive it; without {@code notify_channels}, every matching
 * webhook does.
 */
@Component
public class WebhookRouting {

  private final NotifyChannels channels;

  WebhookRouting(NotifyChannels channels) {
    this.channels = channels;
  }

  public List<Webhook> targets(
      String tenantId, String event, Map<String, Object> alert, List<Webhook> candidates) {
    List<Webhook> matching = new ArrayList<>();
    for (Webhook hook : candidates) {
      if (matches(hook, event, alert)) {
        matching.add(hook);
      }
    }
    if (matching.isEmpty()) {
      return matching;
    }
    List<String> named = channels.of(tenantId, alert);
    return named.isEmpty()
        ? matching
        : matching.stream().filter(h -> named.contains(h.name())).toList();
  }

  static boolean matches(Webhook hook, String event, Map<String, Object> alert) {
    if (!hook.enabled() || hook.events() == null || !hook.events().contains(event)) {
      return false;
    }
    if (hook.minSeverity() != null) {
      int min = Severity.parse(hook.minSeverity()).map(Enum::ordinal).orElse(0);
      int actual =
          Severity.parse(String.valueOf(alert.get("severity"))).map(Enum::ordinal).orElse(0);
      if (actual < min) {
        return false;
      }
    }
    if (hook.policies() != null
        && !hook.policies().isEmpty()
        && !hook.policies().contains(String.valueOf(alert.get("policy_id")))) {
      return false;
    }
    if (hook.tags() != null && !hook.tags().isEmpty()) {
      return alert.get("tags") instanceof List<?> tags
          && tags.stream().anyMatch(t -> hook.tags().contains(String.valueOf(t)));
    }
    return true;
  }
}
