package io.tocsin.api.stream;

import io.tocsin.api.alert.AlertChange;
import io.tocsin.api.alert.AlertChangeListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes every alert write to the {@code alerts} topic. Alerts are written on whichever process
 * evaluated the event (an API server or a Kafka engine worker); this listener runs there, and the
 * log carries the change to every server's subscribers.
 */
@Component
class AlertStream implements AlertChangeListener {

  /** Fields of the alert a list row needs; the detail view re-reads the alert itself. */
  private static final List<String> SUMMARY_FIELDS =
      List.of(
          "id",
          "title",
          "severity",
          "status",
          "created_at",
          "updated_at",
          "assignee",
          "assignee_name",
          "tags",
          "policy_id",
          "policy_name",
          "rule_id",
          "host_id",
          "device_id",
          "count",
          "risk_score",
          "version",
          "close_reason");

  private final StreamPublisher publisher;

  AlertStream(StreamPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void onAlertChange(AlertChange change) {
    publisher.publish(change.tenantId(), StreamTopic.ALERTS, change.type(), summary(change));
  }

  private static Map<String, Object> summary(AlertChange change) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> alert = change.alert() == null ? Map.of() : change.alert();
    for (String field : SUMMARY_FIELDS) {
      if (alert.get(field) != null) {
        out.put(field, alert.get(field));
      }
    }
    out.put("id", change.alertId());
    out.put("version", change.version());
    return out;
  }
}
