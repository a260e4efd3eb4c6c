package io.tocsin.api.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each format renders a case ({@code case.*} events) as a case, not as an alert. */
class CasePayloadFormatsTest {

  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
  private static final String LINK = "https://tocsin.example.com/api/v1/projects/cas_1";

  private static Map<String, Object> kase(String status, String severity) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", "cas_1");
    c.put("name", "Intrusion on ws-7");
    c.put("description", "Three alerts, one attacker");
    c.put("status", status);
    c.put("priority", "high");
    if (severity != null) {
      c.put("severity", severity);
    }
    c.put("assignee", "ana@example.com");
    c.put("alert_ids", List.of("alr_1", "alr_2"));
    c.put("progress", 40);
    c.put("tags", List.of("apt 29"));
    return c;
  }

  private static FormatContext ctx(String event, Map<String, Object> c, Map<String, String> p) {
    return new FormatContext(event, c, T, "hook", p, null, LINK);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(String format, FormatContext ctx) {
    return (Map<String, Object>) PayloadFormats.body(format, ctx);
  }

  @Test
  void genericCarriesTheCaseUnderDataCase() {
    Map<String, Object> c = kase("active", "critical");
    Map<String, Object> body = body("generic", ctx("case.created", c, Map.of()));
    assertThat(body.get("event")).isEqualTo("case.created");
    assertThat(body.get("data")).isEqualTo(Map.of("case", c));
  }

  @Test
  void templatesReadTheCaseRoot() {
    Object rendered =
        PayloadFormats.body(
            "generic",
            new FormatContext(
                "case.updated",
                kase("active", "high"),
                T,
                "hook",
                Map.of(),
                "{\"text\": \"{{case.name}} is {{case.status}}\", \"n\": \"{{case.progress}}\"}",
                LINK));
    assertThat(rendered).isEqualTo(Map.of("text", "Intrusion on ws-7 is active", "n", 40));
  }

  @Test
  @SuppressWarnings("unchecked")
  void slackShowsStatusAssigneeAlertsAndOpensTheCase() {
    Map<String, Object> body = body("slack", ctx("case.updated", kase("active", "high"), Map.of()));
    assertThat(body.get("text")).isEqualTo("[HIGH] Case: Intrusion on ws-7");
    List<Map<String, Object>> blocks = (List<Map<String, Object>>) body.get("blocks");
    String fields = blocks.get(1).get("fields").toString();
    assertThat(fields)
        .contains("*Status*\nactive")
        .contains("*Assignee*\nana@example.com")
        .contains("*Alerts*\nalr_1, alr_2")
        .contains("*Progress*\n40%")
        .doesNotContain("Host");
    assertThat(blocks.get(blocks.size() - 1).toString()).contains("Open case").contains(LINK);
    Map<String, Object> done =
        body("slack", ctx("case.updated", kase("completed", "high"), Map.of()));
    assertThat(done.get("text")).isEqualTo("Closed: [HIGH] Case: Intrusion on ws-7");
  }

  @Test
  @SuppressWarnings("unchecked")
  void jiraAndServiceNowDescribeTheCase() {
    Map<String, Object> jira =
        body("jira", ctx("case.created", kase("planning", null), Map.of("project_key", "SOC")));
    Map<String, Object> fields = (Map<String, Object>) jira.get("fields");
    assertThat(fields.get("summary"))
        .as("no alerts yet: the priority stands in for severity")
        .isEqualTo("[HIGH] Case: Intrusion on ws-7");
    assertThat((List<String>) fields.get("labels")).contains("tocsin", "case", "apt_29");
    assertThat(fields.get("description").toString())
        .contains("Status: planning")
        .contains("Alerts: alr_1, alr_2")
        .contains("Progress: 40%")
        .contains("Case: cas_1")
        .contains("Link: " + LINK);

    Map<String, Object> snow =
        body("servicenow", ctx("case.updated", kase("cancelled", "medium"), Map.of()));
    assertThat(snow.get("correlation_id")).isEqualTo("cas_1");
    assertThat(snow.get("short_description")).isEqualTo("Case: Intrusion on ws-7");
    assertThat(snow.get("state")).isEqualTo("6");
    assertThat(snow.get("close_notes")).isEqualTo("Case cancelled in Tocsin");
    assertThat(snow.get("urgency")).isEqualTo("2");
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagerDutyTriggersWhileOpenAndResolvesWhenCompleted() {
    Map<String, String> key = Map.of("routing_key", "R1");
    Map<String, Object> open =
        body("pagerduty", ctx("case.created", kase("active", "critical"), key));
    assertThat(open.get("event_action")).isEqualTo("trigger");
    assertThat(open.get("dedup_key")).isEqualTo("cas_1");
    Map<String, Object> payload = (Map<String, Object>) open.get("payload");
    assertThat(payload.get("severity")).isEqualTo("critical");
    assertThat(payload.get("component")).isEqualTo("case");
    Map<String, Object> details = (Map<String, Object>) payload.get("custom_details");
    assertThat(details.get("alert_ids")).isEqualTo(List.of("alr_1", "alr_2"));
    assertThat(details).doesNotContainKey("risk_score");
    assertThat(open.get("links").toString()).contains("Tocsin case");

    Map<String, Object> done =
        body("pagerduty", ctx("case.updated", kase("completed", "critical"), key));
    assertThat(done.get("event_action")).isEqualTo("resolve");
    assertThat(done.get("dedup_key")).isEqualTo("cas_1");
  }
}
