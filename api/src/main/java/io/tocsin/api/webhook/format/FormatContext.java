package io.tocsin.api.webhook.format;

import java.time.Instant;
import java.util.Map;

/**
 * What a payload is built from.
 *
 * @param event change type, e.g. {@code alert.created} or {@code case.updated}
 * @param alert the alert as the API shows it; for {@code case.*} events, the case
 * @param timestamp when the change was enqueued (stable across retries)
 * @param webhookName name of the receiving webhook
 * @param parameters the webhook's format parameters
 * @param template the webhook's template, or null
 * @param link where a human opens the alert (or case)
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

  /** The severity; a case without alerts has none, so its priority (same scale) stands in. */
  String severity() {
    String s = text("severity");
    if (s == null && isCase()) {
      s = text("priority");
    }
    return s == null ? "medium" : s;
  }

  /** Whether {@code event} is about a case (a CyberPulse project) rather than an alert. */
  public static boolean isCase(String event) {
    return event != null && event.startsWith("case.");
  }

  boolean isCase() {
    return isCase(event);
  }

  /** {@code alert} or {@code case}: what the message is about, for labels and buttons. */
  String noun() {
    return isCase() ? "case" : "alert";
  }

  String title() {
    if (isCase()) {
      return "Case: " + (text("name") == null ? text("id") : text("name"));
    }
    String t = text("title");
    return t == null ? "Tocsin alert " + text("id") : t;
  }

  String parameter(String name, String fallback) {
    String value = parameters == null ? null : parameters.get(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A closed alert, or a case that was completed or cancelled: incidents resolve. */
  boolean closing() {
    if (isCase()) {
      return "completed".equals(text("status")) || "cancelled".equals(text("status"));
    }
    return "alert.closed".equals(event);
  }
}
