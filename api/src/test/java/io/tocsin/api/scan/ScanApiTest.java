package io.tocsin.api.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.cyberpulse.CyberPulseFixtures;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /security/scan} → a {@code security_scan} command → a fake agent (a client with the
 * agent's API key, in the wire shape of {@code io.tocsin.agent.respond.CommandPoller}) polls it and
 * posts a result → {@code GET /security/scan/{id}} and the dashboard show it.
 */
class ScanApiTest extends ApiTest {

  private ApiClient admin;
  private ApiClient analyst;
  private ApiClient viewer;
  private ApiClient agent;

  @BeforeEach
  void hostWithAgent() {
    admin = TestTenants.tenant(admin(), 30).admin();
    analyst = userWithRole(admin, "analyst").client();
    viewer = userWithRole(admin, "viewer").client();
    agent = TestTenants.agent(admin, anonymous());
    CyberPulseFixtures.host(agent, "web-1", "web-1.example", "10.0.0.5");
  }

  private Response scan(ApiClient as, Map<String, Object> body) {
    return as.post("/api/v1/security/scan", body);
  }

  private JsonNode status(String id) {
    Response r = viewer.get("/api/v1/security/scan/" + id);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body();
  }

  /** The agent's poll: the one pending command. */
  private JsonNode poll() {
    Response r = agent.get("/api/v1/agents/web-1/commands");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body().path("commands").size()).isEqualTo(1);
    return r.body().path("commands").get(0);
  }

  private void report(String id, String status, Map<String, Object> details) {
    Response r =
        agent.post(
            "/api/v1/agents/web-1/commands/" + id + "/result",
            Map.of("status", status, "message", "scanned", "details", details));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  private static Map<String, Object> results(List<String> offeredOn443) {
    return Map.of(
        "checks", List.of("services", "tls", "packages"),
        "services",
            List.of(
                Map.of(
                    "port",
                    22,
                    "protocol",
                    "tcp",
                    "address",
                    "0.0.0.0",
                    "pid",
                    812,
                    "process",
                    "sshd"),
                Map.of(
                    "port",
                    443,
                    "protocol",
                    "tcp",
                    "address",
                    "::",
                    "pid",
                    901,
                    "process",
                    "nginx")),
        "tls",
            List.of(
                Map.of("port", 22, "tls", false, "offered", List.of(), "not_offered", List.of()),
                Map.of(
                    "port", 443, "tls", true, "offered", offeredOn443, "not_offered", List.of())),
        "packages",
            Map.of(
                "source",
                "dpkg",
                "count",
                1,
                "truncated",
                false,
                "items",
                List.of(Map.of("name", "openssl", "version", "3.0.15", "arch", "amd64"))));
  }

  @Test
  void scanByHostnameIsRunByTheHostsAgentAndItsWeakTlsBecomesAnOpenVulnerability() {
    Response requested = scan(analyst, Map.of("target", "web-1.example", "scan_type", "full"));

    assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
    String id = requested.text("scan_id");
    assertThat(id).startsWith("scan_");
    assertThat(requested.text("status")).isEqualTo("queued");
    assertThat(requested.text("host_id")).isEqualTo("web-1");
    assertThat(status(id).path("status").asString()).isEqualTo("queued");

    JsonNode command = poll();
    assertThat(command.path("id").asString()).isEqualTo(id);
    assertThat(command.path("type").asString()).isEqualTo("security_scan");
    assertThat(command.at("/parameters/checks").toString())
        .isEqualTo("[\"services\",\"tls\",\"packages\"]");
    assertThat(status(id).path("status").asString()).isEqualTo("sent");

    report(id, "succeeded", results(List.of("TLSv1", "TLSv1.2", "TLSv1.3")));

    JsonNode done = status(id);
    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(done.at("/results/services/1/process").asString()).isEqualTo("nginx");
    assertThat(done.at("/results/packages/items/0/name").asString()).isEqualTo("openssl");
    assertThat(done.at("/summary/services").asInt()).isEqualTo(2);
    assertThat(done.path("findings").size()).isEqualTo(1);
    JsonNode finding = done.path("findings").get(0);
    assertThat(finding.path("type").asString()).isEqualTo("weak_tls");
    assertThat(finding.path("port").asInt()).isEqualTo(443);
    assertThat(finding.path("versions").toString()).isEqualTo("[\"TLSv1\"]");
    JsonNode metrics = viewer.get("/api/v1/dashboard/metrics").body();
    assertThat(metrics.path("open_vulnerabilities").asInt()).isEqualTo(1);
    assertThat(metrics.at("/vulnerabilities/scan_findings").asInt()).isEqualTo(1);

    String rescan =
        scan(analyst, Map.of("target", "10.0.0.5", "checks", List.of("tls"))).text("scan_id");
    assertThat(poll().at("/parameters/checks").toString())
        .as("tls implies services")
        .isEqualTo("[\"services\",\"tls\"]");
    report(rescan, "succeeded", results(List.of("TLSv1.2", "TLSv1.3")));

    assertThat(viewer.get("/api/v1/dashboard/metrics").body().path("open_vulnerabilities").asInt())
        .as("the host's latest scan is clean")
        .isZero();
  }

  @Test
  void agentFailureIsAFailedScan() {
    String id = scan(analyst, Map.of("target", "web-1")).text("scan_id");
    poll();

    report(id, "failed", Map.of());

    JsonNode s = status(id);
    assertThat(s.path("status").asString()).isEqualTo("failed");
    assertThat(s.path("message").asString()).isEqualTo("scanned");
  }

  @Test
  void targetsOutsideTheTenantsHostsAre404AndBadBodies400() {
    ApiClient otherAdmin = TestTenants.tenant(admin(), 30).admin();
    ApiClient otherAgent = TestTenants.agent(otherAdmin, anonymous());
    CyberPulseFixtures.host(otherAgent, "db-9", "db-9.example", "10.9.9.9");

    for (String target : List.of("db-9", "db-9.example", "10.9.9.9", "8.8.8.8", "127.0.0.1")) {
      Response r = scan(analyst, Map.of("target", target));
      assertThat(r.status()).as(target + ": " + r).isEqualTo(404);
      assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
      assertThat(r.body().at("/error/details/field").asString()).isEqualTo("target");
    }
    assertThat(scan(analyst, Map.of("checks", List.of("tls"))).status()).isEqualTo(400);
    Response unknownCheck = scan(analyst, Map.of("target", "web-1", "checks", List.of("nmap")));
    assertThat(unknownCheck.status()).isEqualTo(400);
    assertThat(unknownCheck.body().at("/error/details/field").asString()).isEqualTo("checks");
    Response badType = scan(analyst, Map.of("target", "web-1", "scan_type", 5));
    assertThat(badType.status()).isEqualTo(400);
    assertThat(agent.get("/api/v1/agents/web-1/commands").body().path("commands").size())
        .as("nothing was queued")
        .isZero();
  }

  @Test
  void scansAreTenantScopedAndRoleChecked() {
    String id = scan(analyst, Map.of("target", "web-1")).text("scan_id");
    ApiClient otherAdmin = TestTenants.tenant(admin(), 30).admin();

    assertThat(otherAdmin.get("/api/v1/security/scan/" + id).status()).isEqualTo(404);
    assertThat(viewer.get("/api/v1/security/scan/scan_nope").status()).isEqualTo(404);
    assertThat(scan(viewer, Map.of("target", "web-1")).status()).isEqualTo(403);
    assertThat(scan(agent, Map.of("target", "web-1")).status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/security/scan/" + id).status()).isEqualTo(401);
  }

  @Test
  void atMostThreeScansWaitPerHost() {
    for (int i = 0; i < 3; i++) {
      assertThat(scan(analyst, Map.of("target", "web-1")).status()).isEqualTo(202);
    }

    Response fourth = scan(analyst, Map.of("target", "web-1"));

    assertThat(fourth.status()).as(fourth.toString()).isEqualTo(409);
    assertThat(fourth.body().at("/error/message").asString()).contains("3 scans waiting");
  }

  @Test
  void scanIsNotAnAlertResponseAction() {
    Response created = analyst.post("/api/v1/alerts", Map.of("title", "x", "host_id", "web-1"));
    Response action =
        analyst.post(
            "/api/v1/alerts/" + created.text("id") + "/actions", Map.of("action", "security_scan"));

    assertThat(action.status()).as(action.toString()).isEqualTo(400);
  }
}
