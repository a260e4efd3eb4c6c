package io.tocsin.api.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A key created with {@code host_id} acts for that host only: its events, its inventory, its
 * commands. A compromised host's key cannot read another host's commands or fake their results.
 */
class HostBoundKeyTest extends ApiTest {

  private ApiClient admin;
  private ApiClient web1;
  private ApiClient anyHost;

  @BeforeEach
  void keys() {
    admin = TestTenants.tenant(admin(), 30).admin();
    Response bound =
        admin.post("/api/v1/api-keys", Map.of("name", "web-1 agent", "host_id", "web-1"));
    assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
    assertThat(bound.text("host_id")).isEqualTo("web-1");
    web1 = anonymous().with("X-API-Key", bound.text("key"));
    anyHost = TestTenants.agent(admin, anonymous());
  }

  private static Map<String, Object> event(String host) {
    return Map.of(
        "id", "e-" + UUID.randomUUID(),
        "ts", Instant.now().toString(),
        "host_id", host,
        "event", Map.of("type", "process", "action", "start"),
        "process", Map.of("name", "sh", "pid", 7));
  }

  @Test
  void bindingIsListedAndValidated() {
    JsonNode listed = admin.get("/api/v1/api-keys").body().path("api_keys");
    assertThat(listed)
        .extracting(k -> k.path("name").asString() + "=" + k.path("host_id").asString(null))
        .containsExactlyInAnyOrder("web-1 agent=web-1", "agent=null");
    for (String bad : List.of("", "  ", " web-1", "x".repeat(257))) {
      Response refused = admin.post("/api/v1/api-keys", Map.of("name", "k", "host_id", bad));
      assertThat(refused.status()).as("host_id [%s]: %s", bad, refused).isEqualTo(400);
    }
  }

  @Test
  void eventsOfOtherHostsAreRejectedByIndexWhileItsOwnAreKept() {
    Response mixed = web1.post("/api/v1/events", List.of(event("web-1"), event("db-1")));
    assertThat(mixed.status()).as(mixed.toString()).isEqualTo(200);
    assertThat(mixed.text("status")).isEqualTo("partial");
    assertThat(mixed.body().path("count").asInt()).isEqualTo(1);
    JsonNode rejected = mixed.body().path("rejected").get(0);
    assertThat(rejected.path("index").asInt()).isEqualTo(1);
    assertThat(rejected.path("reason").asString()).contains("db-1").contains("own host");

    assertThat(web1.post("/api/v1/events", event("db-1")).status()).isEqualTo(400);
    assertThat(
            web1.post("/api/v1/security/events", Map.of("host_id", "db-1", "event_type", "x"))
                .status())
        .isEqualTo(400);
    assertThat(anyHost.post("/api/v1/events", event("db-1")).status()).isEqualTo(200);
  }

  @Test
  void inventoryOfAnotherHostIsRefused() {
    Response other = web1.post("/api/v1/submit/", snapshot("db-1"));
    assertThat(other.status()).as(other.toString()).isEqualTo(400);
    assertThat(other.raw().body()).contains("host_id");
    assertThat(web1.post("/api/v1/submit/", snapshot("web-1")).status()).isEqualTo(201);
    assertThat(admin.get("/api/v1/hosts/db-1/").status()).isEqualTo(404);
  }

  private static Map<String, Object> snapshot(String host) {
    return Map.of(
        "host_id",
        host,
        "hostname",
        host,
        "platform",
        "Linux",
        "processes",
        List.of(Map.of("pid", 1, "ppid", 0, "name", "init", "username", "root")));
  }

  @Test
  void commandsOfAnotherHostDoNotExistForTheKey() {
    String dbCommand = queueIsolation("db-1");
    String webCommand = queueIsolation("web-1");

    assertThat(web1.get("/api/v1/agents/db-1/commands").status()).isEqualTo(404);
    Response fake =
        web1.post(
            "/api/v1/agents/db-1/commands/" + dbCommand + "/result",
            Map.of("status", "succeeded", "message", "isolated (not really)"));
    assertThat(fake.status()).as(fake.toString()).isEqualTo(404);

    JsonNode own = web1.get("/api/v1/agents/web-1/commands").body().path("commands");
    assertThat(own).extracting(c -> c.path("id").asString()).containsExactly(webCommand);
    assertThat(
            web1.post(
                    "/api/v1/agents/web-1/commands/" + webCommand + "/result",
                    Map.of("status", "succeeded", "message", "isolated"))
                .status())
        .isEqualTo(200);

    // The db-1 command is untouched, and an unbound key of the tenant still serves any host.
    JsonNode db = anyHost.get("/api/v1/agents/db-1/commands").body().path("commands");
    assertThat(db).extracting(c -> c.path("id").asString()).containsExactly(dbCommand);
  }

  private String queueIsolation(String host) {
    Response alert =
        admin.post(
            "/api/v1/alerts", Map.of("title", "manual", "severity", "high", "host_id", host));
    assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
    Response action =
        admin.post(
            "/api/v1/alerts/" + alert.text("id") + "/actions", Map.of("action", "isolate_host"));
    assertThat(action.status()).as(action.toString()).isEqualTo(202);
    return action.text("id");
  }
}
