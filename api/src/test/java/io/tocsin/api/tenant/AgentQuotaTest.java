package io.tocsin.api.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code settings.max_agents}: registered hosts carry on, a new host beyond the limit is refused.
 */
class AgentQuotaTest extends ApiTest {

  private ApiClient admin;
  private ApiClient agent;

  @BeforeEach
  void tenantWithTwoAgents() {
    String id = "quota-" + UUID.randomUUID().toString().substring(0, 8);
    Response created =
        admin()
            .post(
                "/api/v1/tenants",
                Map.of("name", id, "id", id, "settings", Map.of("max_agents", 2)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    admin = admin().with("X-Tenant-ID", id);
    agent =
        anonymous()
            .with("X-API-Key", admin.post("/api/v1/api-keys", Map.of("name", "fleet")).text("key"));
  }

  private static Map<String, Object> event(String host) {
    return Map.of(
        "id",
        "e-" + UUID.randomUUID(),
        "ts",
        Instant.now().toString(),
        "host_id",
        host,
        "event",
        Map.of("type", "process"));
  }

  @Test
  void newHostBeyondTheLimitIsRejectedByIndexWhileKnownHostsCarryOn() {
    Response first = agent.post("/api/v1/events", List.of(event("h1"), event("h2"), event("h3")));

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.text("status")).isEqualTo("partial");
    assertThat(first.body().path("count").asInt()).isEqualTo(2);
    assertThat(first.body().at("/rejected/0/index").asInt()).isEqualTo(2);
    assertThat(first.body().at("/rejected/0/reason").asString())
        .contains("h3")
        .contains("max_agents")
        .contains("at most 2");
    assertThat(agent.post("/api/v1/events", event("h1")).status()).isEqualTo(200);
    Response single = agent.post("/api/v1/events", event("h4"));
    assertThat(single.status()).isEqualTo(400);
    assertThat(single.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(agent.post("/api/v1/events", Map.of("event", Map.of("type", "system"))).status())
        .as("events without a host are not agents")
        .isEqualTo(200);
  }

  @Test
  void inventoryAndHostBoundKeysOfNewHostsAreRefusedToo() {
    assertThat(agent.post("/api/v1/events", List.of(event("h1"), event("h2"))).status())
        .isEqualTo(200);

    Response submit =
        agent.post(
            "/api/v1/submit/",
            Map.of(
                "host_id", "h9",
                "hostname", "h9",
                "processes", List.of(Map.of("pid", 1, "ppid", 0, "name", "init"))));
    assertThat(submit.status()).as(submit.toString()).isEqualTo(400);
    assertThat(submit.raw().body()).contains("max_agents");
    Response key = admin.post("/api/v1/api-keys", Map.of("name", "h9", "host_id", "h9"));
    assertThat(key.status()).as(key.toString()).isEqualTo(400);
    assertThat(admin.post("/api/v1/api-keys", Map.of("name", "h1", "host_id", "h1")).status())
        .as("a registered host may get a bound key")
        .isEqualTo(201);
  }

  @Test
  void tenantsWithoutALimitTakeAnyNumberOfHosts() {
    String id = "nolimit-" + UUID.randomUUID().toString().substring(0, 8);
    admin().post("/api/v1/tenants", Map.of("name", id, "id", id));
    ApiClient other = admin().with("X-Tenant-ID", id);
    Response r =
        other.post("/api/v1/events", List.of(event("a"), event("b"), event("c"), event("d")));
    assertThat(r.body().path("count").asInt()).isEqualTo(4);
    assertThat(admin().get("/api/v1/tenants/" + id).body().at("/settings/retention_days").asInt())
        .isEqualTo(30);
  }

  @Test
  void badSettingsAreA400() {
    Response bad =
        admin().post("/api/v1/tenants", Map.of("name", "x", "settings", Map.of("max_agents", 0)));
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    Response badEmail = admin().post("/api/v1/tenants", Map.of("name", "y", "admin_email", "nope"));
    assertThat(badEmail.status()).isEqualTo(400);
  }
}
