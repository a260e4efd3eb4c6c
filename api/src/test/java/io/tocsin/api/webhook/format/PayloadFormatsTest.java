package io.tocsin.api.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape of each payload format, and the template language. */
class PayloadFormatsTest {

  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
  private static final String LINK = "https://tocsin.example.com/api/v1/alerts/alr_1";

  private static Map<String, Object> alert() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", "alr_1");
    a.put("title", "Data exfiltration on web-1");
    a.put("description", "file.size > 100MB");
    a.put("severity", "critical");
    a.put("status", "open");
    a.put("host_id", "web-1");
    a.put("policy_id", "pol_exfil");
    a.put("policy_name", "Data Exfiltration Prevention");
    a.put("rule_id", "rule_001");
    a.put("tags", List.of("attack.t1048", "exfil"));
    a.put("risk_score", 99);
    a.put("count", 3);
    a.put("assignee", null);
    a.put("close_reason", "resolved");
    return a;
  }

  private static FormatContext ctx(String event, Map<String, String> parameters, String template) {
    return new FormatContext(event, alert(), T, "hook", parameters, template, LINK);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(String format, FormatContext ctx) {
    return (Map<String, Object>) PayloadFormats.body(format, ctx);
  }

  @Test
  void genericIsTheSeedPayload() {
    Map<String, Object> body = body("generic", ctx("alert.created", Map.of(), null));
    assertThat(body).containsOnlyKeys("event", "data", "timestamp");
    assertThat(body.get("event")).isEqualTo("alert.created");
    assertThat(body.get("timestamp")).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(body.get("data")).isEqualTo(Map.of("alert", alert()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void slackIsBlockKitWithSeverityTitleHostPolicyAndLink() {
    Map<String, Object> body = body("slack", ctx("alert.created", Map.of(), null));
    assertThat(body.get("text")).isEqualTo("[CRITICAL] Data exfiltration on web-1");
    List<Map<String, Object>> blocks = (List<Map<String, Object>>) body.get("blocks");
    assertThat(blocks.get(0).get("type")).isEqualTo("header");
    assertThat(blocks.get(1).get("fields").toString())
        .contains(
            "*Severity*\ncritical", "*Host*\nweb-1", "*Policy*\nData Exfiltration Prevention");
    Map<String, Object> actions = blocks.get(blocks.size() - 1);
    assertThat(actions.get("type")).isEqualTo("actions");
    assertThat(actions.toString()).contains("url=" + LINK);
  }

  @Test
  @SuppressWarnings("unchecked")
  void jiraCreatesAnIssueInTheConfiguredProject() {
    Map<String, Object> body =
        body("jira", ctx("alert.created", Map.of("project_key", "SEC"), null));
    Map<String, Object> fields = (Map<String, Object>) body.get("fields");
    assertThat(fields.get("project")).isEqualTo(Map.of("key", "SEC"));
    assertThat(fields.get("issuetype")).isEqualTo(Map.of("name", "Task"));
    assertThat(fields.get("summary")).isEqualTo("[CRITICAL] Data exfiltration on web-1");
    assertThat(fields.get("priority")).isEqualTo(Map.of("name", "Highest"));
    assertThat((List<String>) fields.get("labels"))
        .containsExactly(
            "tocsin", "severity-critical", "policy-pol_exfil", "attack.t1048", "exfil");
    assertThat((String) fields.get("description")).contains("Host: web-1", "Link: " + LINK);
    assertThat(JiraFormat.priority("low")).isEqualTo("Low");
  }

  @Test
  void serviceNowIncidentCorrelatesByAlertId() {
    Map<String, Object> body =
        body("servicenow", ctx("alert.created", Map.of("assignment_group", "SOC"), null));
    assertThat(body.get("correlation_id")).isEqualTo("alr_1");
    assertThat(body.get("urgency")).isEqualTo("1");
    assertThat(body.get("impact")).isEqualTo("1");
    assertThat(body.get("assignment_group")).isEqualTo("SOC");
    assertThat(body.get("short_description")).isEqualTo("Data exfiltration on web-1");
    assertThat(body).doesNotContainKey("state");
    assertThat(ServiceNowFormat.level("medium")).isEqualTo("2");
    assertThat(ServiceNowFormat.level("low")).isEqualTo("3");

    Map<String, Object> closed = body("servicenow", ctx("alert.closed", Map.of(), null));
    assertThat(closed.get("state")).isEqualTo("6");
    assertThat(closed.get("correlation_id")).isEqualTo("alr_1");
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagerDutyTriggersAndResolvesWithTheSameDedupKey() {
    Map<String, Object> trigger =
        body("pagerduty", ctx("alert.created", Map.of("routing_key", "RK"), null));
    assertThat(trigger.get("routing_key")).isEqualTo("RK");
    assertThat(trigger.get("event_action")).isEqualTo("trigger");
    assertThat(trigger.get("dedup_key")).isEqualTo("alr_1");
    Map<String, Object> payload = (Map<String, Object>) trigger.get("payload");
    assertThat(payload.get("summary")).isEqualTo("Data exfiltration on web-1");
    assertThat(payload.get("source")).isEqualTo("web-1");
    assertThat(payload.get("severity")).isEqualTo("critical");
    assertThat(payload.get("timestamp")).isEqualTo("2026-11-22T10:00:00Z");

    Map<String, Object> resolve =
        body("pagerduty", ctx("alert.closed", Map.of("routing_key", "RK"), null));
    assertThat(resolve)
        .containsOnly(
            Map.entry("routing_key", "RK"),
            Map.entry("event_action", "resolve"),
            Map.entry("dedup_key", "alr_1"));
    assertThat(PagerDutyFormat.severity("high")).isEqualTo("error");
    assertThat(PagerDutyFormat.severity("medium")).isEqualTo("warning");
  }

  @Test
  @SuppressWarnings("unchecked")
  void templateSubstitutesTextAndKeepsTypesOfWholeValues() {
    String template =
        "{\"msg\": \"{{ alert.severity }}: {{alert.title}} ({{event}})\", \"risk\": \"{{alert.risk_score}}\","
            + " \"tags\": \"{{alert.tags}}\", \"who\": \"{{alert.assignee}}\", \"link\": \"{{link}}\","
            + " \"nested\": [{\"hook\": \"{{webhook.name}}\"}], \"n\": 7}";
    Map<String, Object> body = body("generic", ctx("alert.updated", Map.of(), template));
    assertThat(body.get("msg")).isEqualTo("critical: Data exfiltration on web-1 (alert.updated)");
    assertThat(body.get("risk")).isEqualTo(99);
    assertThat(body.get("tags")).isEqualTo(List.of("attack.t1048", "exfil"));
    assertThat(body.get("who")).isNull();
    assertThat(body.get("link")).isEqualTo(LINK);
    assertThat(body.get("nested")).isEqualTo(List.of(Map.of("hook", "hook")));
    assertThat(body.get("n")).isEqualTo(7);
  }

  @Test
  void templateFailsLoudlyOnAMissingField() {
    FormatContext ctx = ctx("alert.created", Map.of(), "{\"x\": \"{{alert.hostname}}\"}");
    assertThatThrownBy(() -> PayloadFormats.body("generic", ctx))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template field [alert.hostname] is missing from the alert");
  }

  @Test
  void templateValidatedOnSaveWithoutCodeExecution() {
    Template.validate("{\"text\": \"{{alert.title}}\"}");
    assertThatThrownBy(() -> Template.validate("[1, 2]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> Template.validate("{\"a\": ")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> Template.validate("{\"a\": \"{{T(java.lang.Runtime).exec('x')}}\"}"))
        .hasMessageContaining("not a dotted field name");
    assertThatThrownBy(() -> Template.validate("{\"a\": \"#{alert.title} {{system.env}}\"}"))
        .hasMessageContaining("must start with alert");
    assertThatThrownBy(() -> Template.validate("{\"a\": \"{{alert.title\"}"))
        .hasMessageContaining("unclosed");
  }
}
