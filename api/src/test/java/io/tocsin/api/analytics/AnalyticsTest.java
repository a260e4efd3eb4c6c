package io.tocsin.api.analytics;

import static io.tocsin.api.alert.TestDetections.detection;
import static io.tocsin.api.alert.TestDetections.event;
import static io.tocsin.api.alert.TestDetections.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.AlertService;
import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import io.tocsin.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Dashboard and risk over a fresh tenant with three alerts, three events and one agent. */
class AnalyticsTest extends ApiTest {

  @Autowired AlertService alerts;
  @Autowired EventStore events;

  private ApiClient admin;

  @BeforeEach
  void knownData() {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 30);
    admin = t.admin();
    String tenant = t.id();
    Instant ts = Instant.parse("2026-01-10T10:00:00Z");
    alerts.record(
        tenant,
        List.of(
            detection(
                unique("det"),
                tenant,
                "p1",
                Severity.HIGH,
                Action.ALERT,
                List.of(event(tenant, "e1", "h1", ts)),
                1),
            detection(
                unique("det"),
                tenant,
                "p1",
                Severity.CRITICAL,
                Action.ALERT,
                List.of(event(tenant, "e2", "h1", ts)),
                1),
            detection(
                unique("det"),
                tenant,
                "p2",
                Severity.LOW,
                Action.ALERT,
                List.of(event(tenant, "e3", "h2", ts)),
                1)));
    Instant now = Instant.now();
    for (Duration age : List.of(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofDays(3))) {
      Event e = event(tenant, unique("evt"), "h1", now.minus(age));
      events.insert(tenant, List.of(e), List.of("canonical"), now);
    }
    ApiClient agent = TestTenants.agent(admin, anonymous());
    assertThat(agent.get("/api/v1/agents/h1/commands").status()).isEqualTo(200);
  }

  private static long sum(JsonNode series) {
    long total = 0;
    for (JsonNode point : series) {
      total += point.path("count").asLong();
    }
    return total;
  }

  @Test
  void dashboardCountsTheLastDayByHour() {
    ApiClient.Response r = admin.get("/api/v1/analytics/dashboard?time_range=24h&group_by=hour");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode body = r.body();
    JsonNode summary = body.path("summary");
    assertThat(summary.path("total_events").asLong()).isEqualTo(2);
    assertThat(summary.path("total_alerts").asLong()).isEqualTo(3);
    assertThat(summary.path("active_alerts").asLong()).isEqualTo(3);
    assertThat(summary.path("risk_score_avg").asDouble()).isEqualTo(64.3);
    assertThat(summary.path("agents_online").asLong()).isEqualTo(1);
    JsonNode charts = body.path("charts");
    assertThat(charts.path("alerts_by_severity").path("high").asLong()).isEqualTo(1);
    assertThat(charts.path("alerts_by_severity").path("critical").asLong()).isEqualTo(1);
    assertThat(charts.path("alerts_by_severity").path("low").asLong()).isEqualTo(1);
    assertThat(charts.path("alerts_by_severity").path("medium").asLong()).isZero();
    assertThat(charts.path("alerts_by_status").path("open").asLong()).isEqualTo(3);
    assertThat(charts.path("events_over_time").size()).isBetween(24, 25);
    assertThat(sum(charts.path("events_over_time"))).isEqualTo(2);
    assertThat(sum(charts.path("alerts_over_time"))).isEqualTo(3);
    String first = charts.path("events_over_time").get(0).path("timestamp").asString();
    assertThat(first).endsWith(":00:00Z");
    assertThat(body.path("top_policies").get(0).path("policy_id").asString()).isEqualTo("p1");
    assertThat(body.path("top_policies").get(0).path("count").asLong()).isEqualTo(2);
    assertThat(body.path("top_hosts").get(0).path("host_id").asString()).isEqualTo("h1");
    assertThat(body.path("top_hosts").get(0).path("max_risk_score").asLong()).isEqualTo(99);
  }

  @Test
  void longerRangesBucketByDayAndWeek() {
    JsonNode days = admin.get("/api/v1/analytics/dashboard?time_range=7d&group_by=day").body();
    assertThat(days.path("summary").path("total_events").asLong()).isEqualTo(3);
    assertThat(days.path("charts").path("events_over_time").size()).isBetween(7, 8);
    assertThat(sum(days.path("charts").path("events_over_time"))).isEqualTo(3);
    assertThat(days.path("charts").path("events_over_time").get(0).path("timestamp").asString())
        .endsWith("T00:00:00Z");
    JsonNode weeks = admin.get("/api/v1/analytics/dashboard?time_range=30d&group_by=week").body();
    assertThat(sum(weeks.path("charts").path("events_over_time"))).isEqualTo(3);
    String monday =
        weeks.path("charts").path("events_over_time").get(0).path("timestamp").asString();
    assertThat(Instant.parse(monday).atZone(java.time.ZoneOffset.UTC).getDayOfWeek())
        .isEqualTo(java.time.DayOfWeek.MONDAY);
    JsonNode hour = admin.get("/api/v1/analytics/dashboard?time_range=1h").body();
    assertThat(hour.path("group_by").asString()).isEqualTo("hour");
    assertThat(hour.path("summary").path("total_events").asLong()).isEqualTo(1);

    assertThat(admin.get("/api/v1/analytics/dashboard?time_range=2y").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/analytics/dashboard?group_by=minute").status()).isEqualTo(400);
  }

  @Test
  void riskCombinesActiveAlertsPerHostAndUser() {
    ApiClient.Response r = admin.get("/api/v1/analytics/risk");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode hosts = r.body().path("entity_risk_scores");
    assertThat(hosts.size()).isEqualTo(2);
    assertThat(hosts.get(0).path("entity_id").asString()).isEqualTo("h1");
    assertThat(hosts.get(0).path("risk_score").asDouble()).isEqualTo(99.7);
    assertThat(hosts.get(0).path("alert_count").asInt()).isEqualTo(2);
    assertThat(hosts.get(0).path("factors").get(0).asString()).isEqualTo("Policy p1");
    assertThat(hosts.get(1).path("entity_id").asString()).isEqualTo("h2");
    assertThat(hosts.get(1).path("risk_score").asDouble()).isEqualTo(21.0);
    JsonNode users = r.body().path("user_risk_scores");
    assertThat(users.get(0).path("user_id").asString()).isEqualTo("alice");
    assertThat(users.get(0).path("alert_count").asInt()).isEqualTo(3);

    String critical =
        admin
            .get("/api/v1/alerts?severity=critical")
            .body()
            .path("alerts")
            .get(0)
            .path("id")
            .asString();
    admin.put("/api/v1/alerts/" + critical, Map.of("status", "closed", "close_reason", "benign"));
    JsonNode after = admin.get("/api/v1/analytics/risk").body().path("entity_risk_scores");
    assertThat(after.get(0).path("entity_id").asString()).isEqualTo("h1");
    assertThat(after.get(0).path("risk_score").asDouble()).isEqualTo(73.0);
  }
}
