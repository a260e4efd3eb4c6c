package io.tocsin.api.webhook.format;

import java.time.Instant;
import java.util.Map;

/**
 * What a payload is built from.
 *
 * @param event change type, e.g. {@code alert.created}
 * @param alert the alert as the API shows it
 * @param timestamp when the change was enqueued (stable across retries)
 * @param webhookName name of the receiving webhook
 * @param parameters the webhook's format parameters
 * @param template the webhook's template, or null
 * @param link where a human opens the alert
 */
public record FormatContext(
    String event,
    Map<String, Object> alert,
    Instant timestamp,
    String webhookName,
    Map<String, String> parameters,
    String template,
    String link) {

  String text(String field) {
    Object value = alert.get(field);
    return value == null ? null : value.toString();
  }

  String severity() {
    String s = text("severity");
    return s == null ? "medium" : s;
  }

  String title() {
    String t = text("title");
    return t == null ? "Tocsin alert " + text("id") : t;
  }

  String parameter(String name, String fallback) {
    String value = parameters == null ? null : parameters.get(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  boolean closing() {
    return "alert.closed".equals(event);
  }
}
