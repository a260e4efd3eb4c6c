package io.tocsin.api.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert as plain maps with the API's snake_case keys, for {@link AlertChange} listeners
 * (webhooks, streams) that read or template its fields: the same JSON as {@link
 * AlertBodies.AlertView}, which the HTTP edge answers ({@code AlertViewParityTest}).
 */
final class AlertViews {

  private AlertViews() {}

  static Map<String, Object> view(Alert a) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", a.id);
    v.put("title", a.title);
    v.put("description", a.description == null ? "" : a.description);
    v.put("severity", a.severity);
    v.put("status", a.status);
    v.put("created_at", a.createdAt);
    v.put("updated_at", a.updatedAt);
    v.put("events", List.copyOf(a.eventIds));
    v.put("assignee", a.assigneeEmail);
    v.put("assignee_id", a.assigneeId);
    v.put("assignee_name", a.assigneeName);
    v.put("tags", List.copyOf(a.tags));
    v.put("policy_id", a.policyId);
    v.put("policy_name", a.policyName);
    v.put("rule_id", a.ruleId);
    v.put("host_id", a.hostId);
    v.put("device_id", a.hostId);
    v.put("user_ids", List.copyOf(a.userIds));
    v.put("group_key", a.groupKey == null ? Map.of() : new LinkedHashMap<>(a.groupKey));
    v.put("count", a.count);
    v.put("risk_score", a.riskScore);
    v.put("mitre", List.copyOf(a.mitre));
    v.put("actions", a.actions.stream().map(AlertViews::action).toList());
    v.put("history", a.history.stream().map(AlertViews::history).toList());
    v.put("notes", a.notes.stream().map(AlertViews::note).toList());
    v.put("version", a.version);
    v.put("first_seen", a.firstSeen);
    v.put("last_seen", a.lastSeen);
    v.put("close_reason", a.closeReason);
    v.put("closed_at", a.closedAt);
    v.put("source", a.source);
    v.put("detection_id", a.detectionId);
    v.put("case_id", a.caseId);
    return v;
  }

  static Map<String, Object> action(AlertAction x) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", x.id());
    v.put("type", x.type());
    v.put("state", x.state());
    v.put("host_id", x.hostId());
    v.put("parameters", x.parameters() == null ? Map.of() : x.parameters());
    v.put("automatic", x.automatic());
    v.put("requested_by", x.requestedBy());
    v.put("requested_by_name", x.requestedByName());
    v.put("requested_at", x.requestedAt());
    v.put("updated_at", x.updatedAt());
    v.put("message", x.message());
    v.put("details", x.details() == null ? Map.of() : x.details());
    return v;
  }

  private static Map<String, Object> history(AlertHistoryEntry h) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("at", h.at());
    v.put("user_id", h.userId());
    v.put("username", h.username());
    v.put("action", h.action());
    v.put("from", h.from());
    v.put("to", h.to());
    return v;
  }

  private static Map<String, Object> note(AlertNote n) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("text", n.text());
    v.put("user_id", n.userId());
    v.put("username", n.username());
    v.put("at", n.at());
    return v;
  }
}
