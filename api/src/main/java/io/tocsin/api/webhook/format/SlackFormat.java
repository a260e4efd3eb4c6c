package io.tocsin.api.webhook.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Slack incoming-webhook message in Block Kit: header, fields (severity, host, policy for an
 * alert; severity, status, assignee, alerts, progress for a case), a link.
 */
final class SlackFormat {

  private SlackFormat() {}

  static Map<String, Object> body(FormatContext ctx) {
    String headline = "[" + ctx.severity().toUpperCase(Locale.ROOT) + "] " + ctx.title();
    if (ctx.closing()) {
      headline = "Closed: " + headline;
    }
    List<Object> fields = new ArrayList<>();
    fields.add(field("Severity", ctx.severity()));
    if (ctx.isCase()) {
      fields.add(field("Status", orDash(ctx.text("status"))));
      fields.add(field("Assignee", orDash(ctx.text("assignee"))));
      fields.add(field("Alerts", orDash(PayloadFormats.alertIds(ctx))));
      fields.add(field("Progress", orDash(ctx.text("progress")) + "%"));
    } else {
      fields.add(field("Host", orDash(ctx.text("host_id"))));
      fields.add(field("Policy", orDash(ctx.text("policy_name"))));
    }
    fields.add(field("Event", ctx.event()));
    List<Object> blocks = new ArrayList<>();
    blocks.add(Map.of("type", "header", "text", plain(truncate(headline, 150))));
    blocks.add(Map.of("type", "section", "fields", fields));
    String description = ctx.text("description");
    if (description != null && !description.isBlank()) {
      blocks.add(
          Map.of(
              "type",
              "section",
              "text",
              Map.of("type", "mrkdwn", "text", truncate(escape(description), 3000))));
    }
    blocks.add(
        Map.of(
            "type",
            "actions",
            "elements",
            List.of(
                Map.of("type", "button", "text", plain("Open " + ctx.noun()), "url", ctx.link()))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", headline);
    body.put("blocks", blocks);
    return body;
  }

  private static Map<String, Object> field(String label, String value) {
    return Map.of("type", "mrkdwn", "text", "*" + label + "*\n" + escape(value));
  }

  private static Map<String, Object> plain(String text) {
    return Map.of("type", "plain_text", "text", text);
  }

  /** Slack's three control characters in mrkdwn. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
