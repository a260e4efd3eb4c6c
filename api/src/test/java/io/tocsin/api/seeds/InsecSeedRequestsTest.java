package io.tocsin.api.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The INSEC API reference's example requests, in the order the reference walks through them. */
class InsecSeedRequestsTest extends ApiTest {

  private static final String JSON = "application/json";

  private ApiClient admin;

  @BeforeEach
  void tenant() {
    admin = TestTenants.tenant(admin(), 30).admin();
  }

  private Response ingestSeedEvent() {
    Response r =
        admin.send("POST", "/api/v1/events", SeedRequests.body("insec/01-ingest-event.json"), JSON);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  @Test
  void ingestThenListAndDetailCarryTheInsecFields() {
    Response ingested = ingestSeedEvent();
    assertThat(ingested.text("status")).isEqualTo("ok");
    assertThat(ingested.body().path("count").asInt()).isEqualTo(1);
    assertThat(ingested.body().path("events_ingested").get(0).asString())
        .isEqualTo("evt-insec-001");

    JsonNode listed = admin.get("/api/v1/events?host_id=ws-001&event_type=process&limit=10").body();
    assertThat(listed.path("total").asInt()).isEqualTo(1);
    assertThat(listed.path("has_more").asBoolean()).isFalse();
    assertInsecFields(listed.path("events").get(0));

    JsonNode detail = admin.get("/api/v1/events/evt-insec-001").body();
    assertInsecFields(detail);
    assertThat(detail.at("/metadata/source_shape").asString()).isEqualTo("insec");
    assertThat(detail.path("tenant_id").asString())
        .as("tenant from the credentials")
        .isNotEqualTo("acme");
  }

  private static void assertInsecFields(JsonNode event) {
    assertThat(event.path("id").asString()).isEqualTo("evt-insec-001");
    assertThat(event.path("event_type").asString()).isEqualTo("process");
    assertThat(event.path("user_id").asString()).isEqualTo("u-123");
    assertThat(event.path("timestamp").asString()).isEqualTo("2026-11-22T09:00:00Z");
    assertThat(event.at("/data/process/name").asString()).isEqualTo("powershell.exe");
    assertThat(event.at("/data/process/ppid").asLong()).isEqualTo(4120);
    double risk = event.path("risk_score").asDouble();
    assertThat(risk).as("0-1 scale: 0.1 + 0.1 per risk hint").isEqualTo(0.3);
    assertThat(event.at("/metadata/risk_score").asDouble()).isEqualTo(risk);
    assertThat(event.at("/metadata/labels").toString()).isEqualTo("[\"endpoint\",\"finance\"]");
    assertThat(event.at("/metadata/risk_hints").toString())
        .isEqualTo("[\"encoded_command\",\"lolbin\"]");
    assertThat(event.at("/agent/ver").asString()).isEqualTo("1.4.2");
    assertThat(event.at("/agent/mode").asString()).isEqualTo("kernel");
    assertThat(event.at("/process/name").asString())
        .as("canonical beside INSEC")
        .isEqualTo("powershell.exe");
    assertThat(event.at("/host/os/family").asString()).isEqualTo("windows");
  }

  @Test
  void searchTakesTheSortObject() {
    ingestSeedEvent();
    Response r =
        admin.send(
            "POST", "/api/v1/search/events", SeedRequests.body("insec/02-search.json"), JSON);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body().path("total").asInt()).isEqualTo(1);
    assertThat(r.body().path("took").isNumber()).isTrue();
    JsonNode hit = r.body().path("results").get(0);
    assertThat(hit.path("event_type").asString()).isEqualTo("process");
    assertThat(hit.at("/metadata/risk_hints").size()).isEqualTo(2);
    Response unsortable =
        admin.post(
            "/api/v1/search/events",
            Map.of(
                "query", "host_id:ws-001", "sort", Map.of("field", "risk_score", "order", "desc")));
    assertThat(unsortable.status()).isEqualTo(400);
    assertThat(unsortable.raw().body()).contains("sort.field");
  }

  @Test
  void createPolicyThenPartialUpdateMergesByRuleId() {
    Response list =
        admin.put("/api/v1/lists/allowed_domains", Map.of("values", List.of("corp.example")));
    assertThat(list.status()).as(list.toString()).isEqualTo(201);
    Response created =
        admin.send(
            "POST", "/api/v1/policies", SeedRequests.body("insec/03-create-policy.json"), JSON);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");

    Response updated =
        admin.send(
            "PUT",
            "/api/v1/policies/" + id,
            SeedRequests.body("insec/04-partial-policy-update.json"),
            JSON);

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonNode policy = admin.get("/api/v1/policies/" + id).body();
    assertThat(policy.path("enabled").asBoolean()).isFalse();
    assertThat(policy.path("name").asString()).isEqualTo("Data Exfiltration Prevention");
    assertThat(policy.path("description").asString()).startsWith("Detect and block");
    JsonNode rule = policy.path("rules").get(0);
    assertThat(policy.path("rules").size()).isEqualTo(1);
    assertThat(rule.path("id").asString()).isEqualTo("rule_001");
    assertThat(rule.path("action").asString()).isEqualTo("quarantine");
    assertThat(rule.path("condition").asString()).contains("allowed_domains");
    assertThat(rule.path("severity").asString()).isEqualTo("high");
    assertThat(rule.at("/parameters/notify_channels/0").asString()).isEqualTo("slack");
    assertThat(policy.path("version").asInt()).isEqualTo(2);

    Response invalid =
        admin.put(
            "/api/v1/policies/" + id,
            Map.of("rules", List.of(Map.of("id", "rule_001", "condition", "process.nme == 'x'"))));
    assertThat(invalid.status()).as("the merged policy is validated as a whole").isEqualTo(400);
    assertThat(admin.get("/api/v1/policies/" + id).body().path("version").asInt()).isEqualTo(2);
  }

  @Test
  void manualAlertWithUpperCaseSeverity() {
    ingestSeedEvent();
    Response created =
        admin.send("POST", "/api/v1/alerts", SeedRequests.body("insec/05-create-alert.json"), JSON);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("severity")).isEqualTo("critical");
    assertThat(created.text("status")).isEqualTo("open");
    assertThat(created.body().path("events").get(0).asString()).isEqualTo("evt-insec-001");
    assertThat(created.text("description")).startsWith("Encoded PowerShell");
    JsonNode listed = admin.get("/api/v1/alerts?severity=CRITICAL&status=open").body();
    assertThat(listed.path("total").asInt()).isEqualTo(1);
    assertThat(admin.get("/api/v1/alerts?severity=Critical").body().path("total").asInt())
        .isEqualTo(1);
    assertThat(admin.get("/api/v1/alerts?severity=severe").status()).isEqualTo(400);
    Response lowered = admin.put("/api/v1/alerts/" + created.text("id"), Map.of("severity", "LOW"));
    assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
    assertThat(lowered.text("severity")).isEqualTo("low");
  }

  @Test
  void createTenantWithSettingsAndFirstAdmin() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Response created =
        admin()
            .send(
                "POST",
                "/api/v1/tenants",
                SeedRequests.body("insec/06-create-tenant.json", Map.of("suffix", suffix)),
                JSON);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String tenant = created.text("id");
    assertThat(tenant).isEqualTo("acme-corp-" + suffix);
    assertThat(created.body().at("/settings/retention_days").asInt()).isEqualTo(90);
    assertThat(created.body().at("/settings/max_agents").asInt()).isEqualTo(2);
    assertThat(created.body().path("retention_days").asInt()).isEqualTo(90);
    JsonNode admin = created.body().path("admin");
    assertThat(admin.path("email").asString()).isEqualTo("secops-" + suffix + "@acme.example");
    assertThat(admin.path("role").asString()).isEqualTo("admin");
    assertThat(admin.path("tenant_id").asString()).isEqualTo(tenant);
    String token = admin.path("set_password_token").asString();
    assertThat(token).startsWith("spt_");

    Response set =
        anonymous()
            .post(
                "/api/v1/auth/set-password",
                Map.of("token", token, "password", "a-long-password-1"));
    assertThat(set.status()).as(set.toString()).isEqualTo(204);
    assertThat(
            anonymous()
                .post(
                    "/api/v1/auth/set-password",
                    Map.of("token", token, "password", "another-password"))
                .status())
        .as("one-time token")
        .isEqualTo(400);
    String jwt = login("secops-" + suffix + "@acme.example", "a-long-password-1");
    ApiClient tenantAdmin = anonymous().bearer(jwt);
    assertThat(tenantAdmin.get("/api/v1/users/me").text("tenant_id")).isEqualTo(tenant);
  }

  /**
   * The seed's webhook has no {@code name}: one is derived from the host and the first event. The
   * receiver is a documentation address (TEST-NET-3), so nothing needs DNS; no alert is raised in
   * this tenant, so nothing is ever sent to it.
   */
  @Test
  void webhookWithoutNameGetsOneFromHostAndEvent() {
    Response created =
        admin.send(
            "POST", "/api/v1/webhooks", SeedRequests.body("insec/07-create-webhook.json"), JSON);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("id")).startsWith("whk_");
    assertThat(created.text("name")).isEqualTo("203.0.113.10 alert.created");
    assertThat(created.body().path("events").toString()).contains("alert.created", "alert.updated");
    assertThat(created.body().path("secret_set").asBoolean()).isTrue();
    assertThat(created.body().has("secret")).as("a secret sent is never echoed").isFalse();
    assertThat(created.body().path("enabled").asBoolean()).isTrue();
    assertThat(created.text("format")).isEqualTo("generic");
    JsonNode listed = admin.get("/api/v1/webhooks").body();
    assertThat(listed.at("/webhooks/0/name").asString()).isEqualTo("203.0.113.10 alert.created");
  }
}
