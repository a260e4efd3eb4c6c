package io.tocsin.api.cyberpulse;

import static io.tocsin.api.alert.TestDetections.detection;
import static io.tocsin.api.alert.TestDetections.event;
import static io.tocsin.api.alert.TestDetections.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.AlertService;
import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** {@code GET /dashboard/metrics}: each metric from the tenant's own data, and who may read it. */
class DashboardMetricsTest extends ApiTest {

  @Autowired AlertService alerts;
  @Autowired MongoTemplate mongo;

  private String tenant;
  private ApiClient admin;
  private ApiClient viewer;

  @BeforeEach
  void tenant() {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 30);
    tenant = t.id();
    admin = t.admin();
    viewer = userWithRole(admin, "viewer").client();
  }

  private JsonNode metrics() {
    Response r = viewer.get("/api/v1/dashboard/metrics");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body();
  }

  @Test
  void freshTenantThenPerfectScoreAndEveryFieldPresent() {
    JsonNode m = metrics();

    assertThat(m.path("security_score").asInt()).isEqualTo(100);
    assertThat(m.path("total_events_24h").asInt()).isZero();
    assertThat(m.path("critical_alerts").asInt()).isZero();
    assertThat(m.path("open_vulnerabilities").asInt()).isZero();
    assertThat(m.path("project_completion").asDouble()).isZero();
    assertThat(m.path("active_threats").asInt()).isZero();
    assertThat(m.at("/compliance_status/pci_dss/status").asString()).isEqualTo("not_monitored");
    assertThat(m.at("/compliance_status/mitre_attack/tactics_total").asInt()).isEqualTo(14);
    assertThat(m.at("/system_health/status").asString()).isEqualTo("healthy");
    assertThat(m.at("/system_health/store/status").asString()).isEqualTo("healthy");
    assertThat(m.at("/system_health/webhooks/outbox_backlog").asInt()).isZero();
  }

  @Test
  void openAlertsLowerTheScoreGroupIntoThreatsAndMarkTaggedFrameworksAtRisk() {
    ApiClient engineer = userWithRole(admin, "detection_engineer").client();
    Response policy =
        engineer.post(
            "/api/v1/policies",
            Map.of(
                "name", "Card data exfiltration",
                "tags", List.of("compliance:PCI", "attack.exfiltration", "attack.t1048"),
                "rules",
                    List.of(Map.of("condition", "file.size > 100MB", "severity", "critical"))));
    assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
    String pci = policy.text("id");
    raise(pci, Severity.CRITICAL, "h1");
    raise(pci, Severity.CRITICAL, "h1");
    raise(unique("pol"), Severity.HIGH, "h2");

    JsonNode m = metrics();

    assertThat(m.path("critical_alerts").asInt()).isEqualTo(2);
    assertThat(m.path("security_score").asInt()).as("100 - 2*10 - 1*4").isEqualTo(76);
    assertThat(m.path("active_threats").asInt()).as("h1+pci and h2+other").isEqualTo(2);
    JsonNode top = m.path("active_threat_groups").get(0);
    assertThat(top.path("host_id").asString()).isEqualTo("h1");
    assertThat(top.path("alerts").asInt()).isEqualTo(2);
    assertThat(top.path("severity").asString()).isEqualTo("critical");
    assertThat(m.at("/compliance_status/pci_dss/status").asString()).isEqualTo("at_risk");
    assertThat(m.at("/compliance_status/pci_dss/policies").asInt()).isEqualTo(1);
    assertThat(m.at("/compliance_status/pci_dss/open_alerts").asInt()).isEqualTo(2);
    assertThat(m.at("/compliance_status/hipaa/status").asString()).isEqualTo("not_monitored");
    JsonNode mitre = m.at("/compliance_status/mitre_attack");
    assertThat(mitre.path("tactics_covered").asInt()).isEqualTo(1);
    assertThat(mitre.path("tactics").get(0).asString()).isEqualTo("exfiltration");
    assertThat(mitre.path("techniques_covered").asInt()).isEqualTo(1);

    ApiClient other = TestTenants.tenant(admin(), 30).admin();
    JsonNode elsewhere = other.get("/api/v1/dashboard/metrics").body();
    assertThat(elsewhere.path("critical_alerts").asInt()).as("tenant isolation").isZero();
    assertThat(elsewhere.path("security_score").asInt()).isEqualTo(100);
  }

  @Test
  void closingTheAlertsOfAPolicyMakesItsFrameworkCompliant() {
    ApiClient analyst = userWithRole(admin, "analyst").client();
    ApiClient engineer = userWithRole(admin, "detection_engineer").client();
    String hipaa =
        engineer
            .post(
                "/api/v1/policies",
                Map.of(
                    "name", "PHI access",
                    "tags", List.of("compliance:hipaa"),
                    "rules", List.of(Map.of("condition", "file.size > 1MB", "severity", "high"))))
            .text("id");
    raise(hipaa, Severity.HIGH, "h1");
    String alertId =
        admin.get("/api/v1/alerts?policy_id=" + hipaa).body().at("/alerts/0/id").asString();
    assertThat(metrics().at("/compliance_status/hipaa/status").asString()).isEqualTo("at_risk");

    Response closed =
        analyst.put(
            "/api/v1/alerts/" + alertId,
            Map.of("status", "closed", "close_reason", "true_positive"));
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

    JsonNode m = metrics();
    assertThat(m.at("/compliance_status/hipaa/status").asString()).isEqualTo("compliant");
    assertThat(m.path("security_score").asInt()).isEqualTo(100);
  }

  @Test
  void vulnerabilityTaggedAlertsCountAsOpenVulnerabilities() {
    ApiClient analyst = userWithRole(admin, "analyst").client();
    Response a =
        analyst.post(
            "/api/v1/alerts",
            Map.of(
                "title",
                "OpenSSL CVE-2024-5535",
                "severity",
                "medium",
                "tags",
                List.of("cve:2024-5535")));
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    analyst.post("/api/v1/alerts", Map.of("title", "Not a vulnerability", "severity", "low"));

    JsonNode m = metrics();

    assertThat(m.path("open_vulnerabilities").asInt()).isEqualTo(1);
    assertThat(m.at("/vulnerabilities/tagged_alerts").asInt()).isEqualTo(1);
    assertThat(m.path("security_score").asInt())
        .as("100 - 1 medium - 5 vulnerability")
        .isEqualTo(94);
  }

  @Test
  void projectCompletionIsTheShareOfDoneCasesAndTasksOfTheTenant() {
    mongo
        .getCollection("cases")
        .insertMany(
            List.of(
                new Document("tenantId", tenant).append("status", "closed"),
                new Document("tenantId", tenant).append("status", "open"),
                new Document("tenantId", "someone-else").append("status", "closed")));
    mongo
        .getCollection("case_tasks")
        .insertMany(
            List.of(
                new Document("tenantId", tenant).append("status", "done"),
                new Document("tenantId", tenant).append("status", "todo")));

    JsonNode m = metrics();

    assertThat(m.path("project_completion").asDouble()).isEqualTo(50.0);
    assertThat(m.at("/project_completion_detail/cases/total").asInt()).isEqualTo(2);
    assertThat(m.at("/project_completion_detail/case_tasks/done").asInt()).isEqualTo(1);
  }

  @Test
  void knownHostWithoutAnAgentOnlineDegradesHealthUntilItsAgentPolls() {
    ApiClient agent = TestTenants.agent(admin, anonymous());
    CyberPulseFixtures.host(agent, "web-1", "web-1.example", "10.0.0.5");

    JsonNode before = metrics();
    assertThat(before.at("/system_health/status").asString()).isEqualTo("degraded");
    assertThat(before.at("/system_health/agents/known_hosts").asInt()).isEqualTo(1);
    assertThat(before.at("/system_health/agents/online").asInt()).isZero();
    assertThat(before.path("security_score").asInt()).as("all hosts offline: -10").isEqualTo(90);

    assertThat(agent.get("/api/v1/agents/web-1/commands").status()).isEqualTo(200);

    JsonNode after = metrics();
    assertThat(after.at("/system_health/status").asString()).isEqualTo("healthy");
    assertThat(after.path("security_score").asInt()).isEqualTo(100);
  }

  @Test
  void eventsOfTheLast24HoursAreCounted() {
    ApiClient agent = TestTenants.agent(admin, anonymous());
    agent.post(
        "/api/v1/security/events",
        CyberPulseFixtures.securityEvent("high", Instant.now().toString(), "192.0.2.1"));
    agent.post(
        "/api/v1/security/events",
        CyberPulseFixtures.securityEvent("high", "2020-01-01T00:00:00Z", "192.0.2.2"));

    assertThat(metrics().path("total_events_24h").asInt()).isEqualTo(1);
  }

  @Test
  void anyRoleMayReadAgentsAndAnonymousMayNot() {
    ApiClient agent = TestTenants.agent(admin, anonymous());

    assertThat(agent.get("/api/v1/dashboard/metrics").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/dashboard/metrics").status()).isEqualTo(401);
  }

  private void raise(String policyId, Severity severity, String host) {
    alerts.record(
        tenant,
        List.of(
            detection(
                unique("det"),
                tenant,
                policyId,
                severity,
                Action.ALERT,
                List.of(event(tenant, unique("evt"), host, Instant.parse("2026-01-10T10:00:00Z"))),
                1)));
  }
}
