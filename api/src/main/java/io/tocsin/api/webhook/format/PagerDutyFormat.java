package io.tocsin.api.webhook.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PagerDuty Events API v2 event: {@code trigger} for a new or updated alert and {@code resolve}
 * when it closes (a case: when completed or cancelled), both with {@code dedup_key} = the alert (or
 * case) id so PagerDuty ties them together.
 */
final class PagerDutyFormat {

  private PagerDutyFormat() {}

  static Map<String, Object> body(FormatContext ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("routing_key", ctx.parameter("routing_key", ""));
    body.put("event_action", ctx.closing() ? "resolve" : "trigger");
    body.put("dedup_key", ctx.text("id"));
    if (ctx.closing()) {
      return body;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("summary", truncate(ctx.title()));
    payload.put("source", ctx.text("host_id") == null ? "tocsin" : ctx.text("host_id"));
    payload.put("severity", severity(ctx.severity()));
    payload.put("timestamp", ctx.timestamp().toString());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("description", ctx.text("description"));
    if (ctx.isCase()) {
      payload.put("component", "case");
      payload.put("class", ctx.text("priority"));
      details.put("status", ctx.text("status"));
      details.put("assignee", ctx.text("assignee"));
      details.put("alert_ids", ctx.alert().get("alert_ids"));
      details.put("progress", ctx.alert().get("progress"));
    } else {
      payload.put("component", ctx.text("policy_name"));
      payload.put("group", ctx.text("policy_id"));
      payload.put("class", ctx.text("rule_id"));
      details.put("risk_score", ctx.alert().get("risk_score"));
      details.put("count", ctx.alert().get("count"));
    }
    details.put("tags", ctx.alert().get("tags"));
    details.put("event", ctx.event());
    payload.put("custom_details", details);
    body.put("payload", payload);
    body.put("client", "Tocsin");
    body.put("client_url", ctx.link());
    body.put("links", List.of(Map.of("href", ctx.link(), "text", "Tocsin " + ctx.noun())));
    return body;
  }

  static String severity(String severity) {
    return switch (severity) {
      case "critical" -> "critical";
      case "high" -> "error";
      case "medium" -> "warning";
      default -> "info";
    };
  }

  private static String truncate(String text) {
    return text.length() <= 1024 ? text : text.substring(0, 1023) + "…";
  }
}
