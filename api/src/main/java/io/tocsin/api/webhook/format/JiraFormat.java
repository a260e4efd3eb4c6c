package io.tocsin.api.webhook.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Jira "create issue" body ({@code POST /rest/api/2/issue}): project from the {@code project_key}
 * parameter, issue type from {@code issue_type} (default {@code Task}), priority from severity,
 * labels from severity, policy and tags (Jira labels cannot contain spaces).
 */
final class JiraFormat {

  private JiraFormat() {}

  static Map<String, Object> body(FormatContext ctx) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("project", Map.of("key", ctx.parameter("project_key", "")));
    fields.put("issuetype", Map.of("name", ctx.parameter("issue_type", "Task")));
    fields.put("summary", "[" + ctx.severity().toUpperCase(Locale.ROOT) + "] " + ctx.title());
    fields.put("description", PayloadFormats.description(ctx));
    fields.put("priority", Map.of("name", priority(ctx.severity())));
    fields.put("labels", labels(ctx));
    return Map.of("fields", fields);
  }

  static String priority(String severity) {
    return switch (severity) {
      case "critical" -> "Highest";
      case "high" -> "High";
      case "low" -> "Low";
      default -> "Medium";
    };
  }

  private static List<String> labels(FormatContext ctx) {
    List<String> labels = new ArrayList<>();
    labels.add("tocsin");
    if (ctx.isCase()) {
      labels.add("case");
    }
    labels.add("severity-" + ctx.severity());
    if (ctx.text("policy_id") != null) {
      labels.add(label("policy-" + ctx.text("policy_id")));
    }
    if (ctx.alert().get("tags") instanceof List<?> tags) {
      tags.forEach(t -> labels.add(label(t.toString())));
    }
    return labels.stream().distinct().toList();
  }

  private static String label(String text) {
    return text.replaceAll("\\s+", "_");
  }
}
