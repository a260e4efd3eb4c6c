package io.tocsin.api.webhook.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload formats by name, what each needs in the webhook's {@code parameters}, and the body
 * each builds. Bodies are plain maps and lists, serialized to JSON by the caller.
 */
public final class PayloadFormats {

  public static final String GENERIC = "generic";
  public static final List<String> NAMES =
      List.of(GENERIC, "slack", "jira", "servicenow", "pagerduty");

  private PayloadFormats() {}

  /** Parameters a format cannot work without. */
  public static List<String> requiredParameters(String format) {
    return switch (format) {
      case "jira" -> List.of("project_key");
      case "pagerduty" -> List.of("routing_key");
      default -> List.of();
    };
  }

  /** The body for {@code format}; throws {@link TemplateException} for a broken template. */
  public static Object body(String format, FormatContext ctx) {
    return switch (format) {
      case "slack" -> SlackFormat.body(ctx);
      case "jira" -> JiraFormat.body(ctx);
      case "servicenow" -> ServiceNowFormat.body(ctx);
      case "pagerduty" -> PagerDutyFormat.body(ctx);
      default ->
          ctx.template() == null ? generic(ctx) : Template.render(ctx.template(), values(ctx));
    };
  }

  /**
   * The seed payload: {@code {"event", "data": {"alert": {...}}, "timestamp"}}; {@code case.*}
   * events carry {@code data.case} instead.
   */
  static Map<String, Object> generic(FormatContext ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", ctx.event());
    body.put("data", Map.of(ctx.noun(), ctx.alert()));
    body.put("timestamp", ctx.timestamp().toString());
    return body;
  }

  private static Map<String, Object> values(FormatContext ctx) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(ctx.noun(), ctx.alert());
    values.put("event", ctx.event());
    values.put("timestamp", ctx.timestamp().toString());
    values.put("webhook", Map.of("name", ctx.webhookName()));
    values.put("link", ctx.link());
    return values;
  }

  /** A one-paragraph plain-text description used by the ticketing formats. */
  static String description(FormatContext ctx) {
    if (ctx.isCase()) {
      return caseDescription(ctx);
    }
    StringBuilder text = new StringBuilder();
    append(text, "Description", ctx.text("description"));
    append(text, "Severity", ctx.severity());
    append(text, "Host", ctx.text("host_id"));
    append(text, "Policy", ctx.text("policy_name"));
    append(text, "Rule", ctx.text("rule_id"));
    append(text, "Risk score", ctx.text("risk_score"));
    append(text, "Alert", ctx.text("id"));
    append(text, "Link", ctx.link());
    return text.toString().trim();
  }

  private static String caseDescription(FormatContext ctx) {
    StringBuilder text = new StringBuilder();
    append(text, "Description", ctx.text("description"));
    append(text, "Status", ctx.text("status"));
    append(text, "Severity", ctx.severity());
    append(text, "Priority", ctx.text("priority"));
    append(text, "Assignee", ctx.text("assignee"));
    append(text, "Alerts", alertIds(ctx));
    append(text, "Progress", ctx.text("progress") == null ? null : ctx.text("progress") + "%");
    append(text, "Case", ctx.text("id"));
    append(text, "Link", ctx.link());
    return text.toString().trim();
  }

  /** The attached alert ids of a case, comma-separated; null when there are none. */
  static String alertIds(FormatContext ctx) {
    if (ctx.alert().get("alert_ids") instanceof List<?> ids && !ids.isEmpty()) {
      return String.join(", ", ids.stream().map(String::valueOf).toList());
    }
    return null;
  }

  private static void append(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append(label).append(": ").append(value).append('\n');
    }
  }
}
