package io.tocsin.api.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.policy.DetectionApiTest;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ListsAndMacrosTest extends DetectionApiTest {

  @Autowired TenantEngines engines;

  private Tenant t;

  @BeforeEach
  void tenant() {
    t = newTenant();
  }

  @Test
  void putListThenCreatedThenReplacedAndReadable() {
    Response first =
        t.engineer().put("/api/v1/lists/admins", Map.of("values", List.of("alice", 42, "alice")));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.body().path("values").toString()).isEqualTo("[\"alice\",\"42\"]");
    assertThat(first.body().path("created_by").asString()).startsWith("detection_engineer-");

    Response second =
        ok(
            t.admin()
                .put(
                    "/api/v1/lists/admins",
                    Map.of("values", List.of("bob"), "description", "people")));
    assertThat(second.body().path("values").get(0).asString()).isEqualTo("bob");
    assertThat(second.body().path("updated_by").asString()).isEqualTo("admin");

    assertThat(ok(t.viewer().get("/api/v1/lists/admins")).body().path("description").asString())
        .isEqualTo("people");
    JsonNode all = ok(t.viewer().get("/api/v1/lists")).body();
    assertThat(all.path("total").asInt()).isEqualTo(1);
    assertThat(all.path("lists").get(0).path("name").asString()).isEqualTo("admins");
  }

  @Test
  void writesWhenViewerOrAnalystThen403() {
    for (var client : List.of(t.viewer(), t.analyst())) {
      assertThat(client.put("/api/v1/lists/x", Map.of("values", List.of("a"))).status())
          .isEqualTo(403);
      assertThat(client.put("/api/v1/macros/x", Map.of("condition", "host_id == 'a'")).status())
          .isEqualTo(403);
      assertThat(client.delete("/api/v1/lists/x").status()).isEqualTo(403);
      assertThat(client.delete("/api/v1/macros/x").status()).isEqualTo(403);
    }
  }

  @Test
  void putWhenNameOrBodyInvalidThen400() {
    for (String name : List.of("and", "iwildcard", "1abc", "host_id", "a-b")) {
      Response r = t.engineer().put("/api/v1/lists/" + name, Map.of("values", List.of("a")));
      assertThat(r.status()).as(name + " " + r).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    }
    assertThat(
            t.engineer().put("/api/v1/macros/IN", Map.of("condition", "host_id == 'a'")).status())
        .isEqualTo(400);
    assertThat(t.engineer().put("/api/v1/lists/ok", Map.of("description", "no values")).status())
        .isEqualTo(400);
    assertThat(
            t.engineer()
                .put("/api/v1/lists/ok", Map.of("values", List.of(Map.of("a", 1))))
                .status())
        .isEqualTo(400);
    assertThat(t.engineer().put("/api/v1/macros/ok", Map.of("condition", " ")).status())
        .isEqualTo(400);
  }

  @Test
  void macroWhenConditionInvalidThen400WithPosition() {
    Response r =
        t.engineer().put("/api/v1/macros/shells", Map.of("condition", "process.nme in ('sh')"));

    assertThat(r.status()).isEqualTo(400);
    JsonNode d = r.body().path("error").path("details").path("diagnostics").get(0);
    assertThat(d.path("code").asString()).isEqualTo("UNKNOWN_FIELD");
    assertThat(d.path("field").asString()).isEqualTo("condition");
    assertThat(d.path("line").asInt()).isEqualTo(1);
    assertThat(d.path("column").asInt()).isEqualTo(1);
    assertThat(t.viewer().get("/api/v1/macros/shells").status()).isEqualTo(404);
  }

  @Test
  void macroWhenCycleThen400() {
    created(t.engineer().put("/api/v1/macros/m1", Map.of("condition", "process.name == 'x'")));
    created(t.engineer().put("/api/v1/macros/m2", Map.of("condition", "m1 and host_id == 'h'")));

    Response r = t.engineer().put("/api/v1/macros/m1", Map.of("condition", "m2 or host_id == 'z'"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(
            r.body().path("error").path("details").path("diagnostics").findValuesAsString("code"))
        .contains("MACRO_CYCLE");
    assertThat(ok(t.viewer().get("/api/v1/macros/m1")).text("condition"))
        .isEqualTo("process.name == 'x'");
  }

  @Test
  void deleteWhenListUsedByPolicyThen400NamingItAndKept() {
    created(t.engineer().put("/api/v1/lists/admins", Map.of("values", List.of("alice"))));
    created(
        t.engineer()
            .post(
                "/api/v1/policies",
                Map.of(
                    "id",
                    "admin-logins",
                    "name",
                    "Admin logins",
                    "rules",
                    List.of(Map.of("condition", "user.name in admins")))));

    Response refused = t.engineer().delete("/api/v1/lists/admins");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("error").path("message").asString()).contains("admin-logins");
    assertThat(refused.body().path("error").path("details").path("policies").get(0).asString())
        .isEqualTo("admin-logins");
    assertThat(t.viewer().get("/api/v1/lists/admins").status()).isEqualTo(200);

    assertThat(t.engineer().delete("/api/v1/policies/admin-logins").status()).isEqualTo(204);
    assertThat(t.engineer().delete("/api/v1/lists/admins").status()).isEqualTo(204);
    assertThat(t.viewer().get("/api/v1/lists/admins").status()).isEqualTo(404);
  }

  @Test
  void deleteWhenMacroUsedByPolicyOrMacroThen400() {
    created(
        t.engineer()
            .put("/api/v1/macros/shells", Map.of("condition", "process.name in ('sh', 'bash')")));
    created(
        t.engineer()
            .put(
                "/api/v1/macros/tmp_shells",
                Map.of("condition", "shells and process.exe startswith '/tmp/'")));

    Response refused = t.engineer().delete("/api/v1/macros/shells");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("error").path("message").asString()).contains("tmp_shells");
    assertThat(t.engineer().delete("/api/v1/macros/tmp_shells").status()).isEqualTo(204);
    assertThat(t.engineer().delete("/api/v1/macros/shells").status()).isEqualTo(204);
  }

  @Test
  void putListWhenValuesBreakAPolicyThen400() {
    created(t.engineer().put("/api/v1/lists/nets", Map.of("values", List.of("10.0.0.0/8"))));
    created(
        t.engineer()
            .post(
                "/api/v1/policies",
                Map.of(
                    "id",
                    "internal",
                    "name",
                    "Internal",
                    "rules",
                    List.of(Map.of("condition", "network.source.ip in nets")))));

    Response r = t.engineer().put("/api/v1/lists/nets", Map.of("values", List.of("not-an-ip")));

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(
            r.body()
                .path("error")
                .path("details")
                .path("diagnostics")
                .get(0)
                .path("policy_id")
                .asString())
        .isEqualTo("internal");
  }

  @Test
  void listChangeChangesDetectionsWithinOneSecond() {
    created(t.engineer().put("/api/v1/lists/admins", Map.of("values", List.of("alice"))));
    created(t.engineer().post("/api/v1/policies", policy("Admin activity", "user.name in admins")));
    assertThat(engines.evaluate(t.id(), List.of(event(t.id(), "bob")))).isEmpty();
    assertThat(engines.evaluate(t.id(), List.of(event(t.id(), "alice")))).hasSize(1);

    ok(t.engineer().put("/api/v1/lists/admins", Map.of("values", List.of("alice", "bob"))));

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !engines.evaluate(t.id(), List.of(event(t.id(), "bob"))).isEmpty());
  }

  @Test
  void macroChangeChangesDetectionsWithinOneSecond() {
    created(
        t.engineer().put("/api/v1/macros/watched", Map.of("condition", "user.name == 'alice'")));
    created(t.engineer().post("/api/v1/policies", policy("Watched", "watched")));
    assertThat(engines.evaluate(t.id(), List.of(event(t.id(), "bob")))).isEmpty();

    ok(
        t.engineer()
            .put("/api/v1/macros/watched", Map.of("condition", "user.name in ('alice', 'bob')")));

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !engines.evaluate(t.id(), List.of(event(t.id(), "bob"))).isEmpty());
  }

  @Test
  void otherTenantsListsAndMacrosThen404() {
    created(t.engineer().put("/api/v1/lists/secret", Map.of("values", List.of("a"))));
    created(t.engineer().put("/api/v1/macros/secret_m", Map.of("condition", "host_id == 'a'")));
    Tenant other = newTenant();

    assertThat(other.admin().get("/api/v1/lists/secret").status()).isEqualTo(404);
    assertThat(other.admin().delete("/api/v1/lists/secret").status()).isEqualTo(404);
    assertThat(other.admin().get("/api/v1/macros/secret_m").status()).isEqualTo(404);
    assertThat(other.admin().delete("/api/v1/macros/secret_m").status()).isEqualTo(404);
    assertThat(other.admin().get("/api/v1/lists").body().path("total").asInt()).isZero();
    assertThat(other.admin().post("/api/v1/policies", policy("X", "host_id in secret")).status())
        .isEqualTo(400);
    assertThat(t.viewer().get("/api/v1/lists/secret").status()).isEqualTo(200);
  }

  static Event event(String tenantId, String user) {
    return Event.fromNested(
        Map.of(
            "id", UUID.randomUUID().toString(),
            "ts", Instant.now(),
            "tenant_id", tenantId,
            "host_id", "h1",
            "event", Map.of("type", "auth", "action", "login"),
            "user", Map.of("name", user)));
  }
}
