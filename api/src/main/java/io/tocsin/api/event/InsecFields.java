package io.tocsin.api.event;

import io.tocsin.model.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The INSEC reference's event fields, shown beside the canonical event on every read: {@code
 * timestamp}, {@code event_type}, {@code user_id}, {@code data} (the event without its envelope),
 * {@code risk_score} on the 0–1 scale, {@code agent}, and {@code metadata.{risk_score,
 * correlation_id, labels, risk_hints}}.
 *
 * <p>{@code risk_score} is the sender's own {@code risk_score} when it sent one (a value above 1 is
 * read as a percentage), else {@code severity}'s baseline (critical 0.9, high 0.7, medium 0.4, low
 * 0.2), else 0.1 plus 0.1 per risk hint, at most 0.9.
 */
final class InsecFields {

  /** Canonical envelope fields; everything else of an event is its {@code data}. */
  private static final Set<String> ENVELOPE =
      Set.of(
          "id",
          "ts",
          "tenant_id",
          "host_id",
          "host",
          "user",
          "event",
          "labels",
          "risk_hints",
          "agent",
          "severity");

  private InsecFields() {}

  /** Adds the INSEC fields to {@code body} (the event's nested form); metadata is merged. */
  static Map<String, Object> add(Map<String, Object> body, Event event) {
    body.put("timestamp", event.timestamp());
    body.put("event_type", event.get("event.type"));
    body.put("user_id", event.get("user.id"));
    Map<String, Object> data = new LinkedHashMap<>();
    event
        .toNested()
        .forEach(
            (key, value) -> {
              if (!ENVELOPE.contains(key)) {
                data.put(key, value);
              }
            });
    body.put("data", data);
    double risk = riskScore(event);
    body.put("risk_score", risk);
    body.put("agent", body.get("agent"));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("risk_score", risk);
    metadata.put("correlation_id", correlationId(event));
    metadata.put("labels", listOrEmpty(event.get("labels")));
    metadata.put("risk_hints", listOrEmpty(event.get("risk_hints")));
    body.put("metadata", metadata);
    return body;
  }

  static double riskScore(Event event) {
    Object sent = first(event, "payload.risk_score", "payload.metadata.risk_score");
    if (sent != null) {
      try {
        double v = Double.parseDouble(sent.toString());
        if (v >= 0 && !Double.isNaN(v)) {
          return round(Math.min(1.0, v > 1 ? v / 100 : v));
        }
      } catch (NumberFormatException ignored) {
        // not a number: fall through to the baseline
      }
    }
    Object severity = event.get("severity");
    if (severity != null) {
      switch (severity.toString().toLowerCase(Locale.ROOT)) {
        case "critical":
          return 0.9;
        case "high":
          return 0.7;
        case "medium":
          return 0.4;
        case "low":
          return 0.2;
        default:
          break;
      }
    }
    int hints = listOrEmpty(event.get("risk_hints")).size();
    return round(Math.min(0.9, 0.1 + 0.1 * hints));
  }

  private static Object correlationId(Event event) {
    return first(
        event,
        "payload.correlation_id",
        "payload.metadata.correlation_id",
        "payload.session_id",
        "payload.metadata.session_id");
  }

  private static Object first(Event event, String... paths) {
    for (String path : paths) {
      Object value = event.get(path);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static List<?> listOrEmpty(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
