package io.tocsin.api.webhook.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ServiceNow incident ({@code POST /api/now/table/incident}) with {@code correlation_id} = the
 * alert id (or case id), so updates and the closing of an alert find the same incident. Urgency and
 * impact come from severity (1 high .. 3 low); {@code assignment_group} and {@code category} are
 * taken from the webhook's parameters when set. A closed alert, or a completed or cancelled case,
 * sets {@code state} 6 (Resolved).
 */
final class ServiceNowFormat {

  private ServiceNowFormat() {}

  static Map<String, Object> body(FormatContext ctx) {
    String level = level(ctx.severity());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("short_description", ctx.title());
    body.put("description", PayloadFormats.description(ctx));
    body.put("correlation_id", ctx.text("id"));
    body.put("correlation_display", "Tocsin");
    body.put("urgency", level);
    body.put("impact", level);
    body.put("category", ctx.parameter("category", "security"));
    String group = ctx.parameter("assignment_group", null);
    if (group != null) {
      body.put("assignment_group", group);
    }
    if (ctx.closing()) {
      body.put("state", "6");
      body.put("close_code", "Resolved by caller");
      body.put(
          "close_notes",
          ctx.isCase()
              ? "Case " + ctx.text("status") + " in Tocsin"
              : "Closed in Tocsin: " + ctx.text("close_reason"));
    }
    return body;
  }

  static String level(String severity) {
    return switch (severity) {
      case "critical", "high" -> "1";
      case "medium" -> "2";
      default -> "3";
    };
  }
}
