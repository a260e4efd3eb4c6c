package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.rules.PackPolicy;
import io.tocsin.rules.pack.Pack;
import io.tocsin.rules.pack.PackManifest;
import io.tocsin.rules.pack.SemanticVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Packs per tenant: list, enable/install, disable, and updates that keep the tenant's changes. */
class PackApiTest extends DetectionApiTest {

  @Autowired PackCatalog catalog;

  @Test
  void listThenBuiltinPackOfferedNotInstalledInNewTenant() {
    Tenant t = newTenant();

    JsonNode packs = ok(t.viewer().get("/api/v1/packs")).body().path("packs");

    JsonNode core = find(packs, "tocsin-core");
    assertThat(core.path("installed").asBoolean()).isFalse();
    assertThat(core.path("policies").asInt()).isGreaterThanOrEqualTo(150);
    assertThat(core.path("version").asString()).matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void defaultTenantSeedIsRecordedAsInstalledPack() {
    JsonNode core = find(ok(admin().get("/api/v1/packs")).body().path("packs"), "tocsin-core");

    assertThat(core.path("installed").asBoolean()).isTrue();
    assertThat(core.path("installed_version").asString())
        .isEqualTo(core.path("version").asString());
    assertThat(core.path("update_available").asBoolean()).isFalse();
  }

  @Test
  void enableBuiltinPackThenEveryPolicyInstalledAndLive() {
    Tenant t = newTenant();

    JsonNode report = ok(t.engineer().post("/api/v1/packs/tocsin-core/enable", null)).body();

    assertThat(report.path("installed").size()).isGreaterThanOrEqualTo(150);
    assertThat(report.path("pack").path("installed").asBoolean()).isTrue();
    JsonNode page = ok(t.viewer().get("/api/v1/policies?limit=1000")).body();
    assertThat(page.path("total").asInt()).isEqualTo(report.path("installed").size());
    assertThat(
            find(ok(t.viewer().get("/api/v1/packs")).body().path("packs"), "tocsin-core")
                .path("installed_policies")
                .asInt())
        .isEqualTo(report.path("installed").size());
  }

  @Test
  void updateKeepsTuningKeepsEditsAndReportsEachPolicy() {
    String packId = "test-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.offer(
        pack(
            packId,
            "1.0.0",
            policy("tp-a", "process.name == 'a'", List.of()),
            policy("tp-b", "process.name == 'b'", List.of()),
            policy("tp-c", "process.name == 'c'", List.of()),
            policy("tp-d", "process.name == 'd'", List.of()),
            policy("tp-e", "process.name == 'e'", List.of())));
    Tenant t = newTenant();
    ok(t.engineer().post("/api/v1/packs/" + packId + "/enable", null));
    // tune b (severity, an exception, disabled), edit c's condition, delete d
    Map<String, Object> tuned =
        body("tp-b", "process.name == 'b'", "low", List.of("user.name == 'svc'"));
    tuned.put("enabled", false);
    ok(t.engineer().put("/api/v1/policies/tp-b", tuned));
    ok(
        t.engineer()
            .put(
                "/api/v1/policies/tp-c",
                body("tp-c", "process.name == 'mine'", "high", List.of())));
    assertThat(t.engineer().delete("/api/v1/policies/tp-d").status()).isEqualTo(204);
    catalog.offer(
        pack(
            packId,
            "1.1.0",
            policy("tp-a", "process.name == 'a2'", List.of()),
            policy("tp-b", "process.name == 'b2'", List.of("host_id == 'lab'")),
            policy("tp-c", "process.name == 'c2'", List.of()),
            policy("tp-d", "process.name == 'd2'", List.of()),
            policy("tp-f", "process.name == 'f'", List.of())));

    JsonNode plan =
        ok(t.engineer().post("/api/v1/packs/" + packId + "/update?dry_run=true", null)).body();

    assertThat(strings(plan.path("updated"))).containsExactly("tp-a");
    assertThat(plan.path("updated_kept_tuning").get(0).path("id").asString()).isEqualTo("tp-b");
    assertThat(strings(plan.path("updated_kept_tuning").get(0).path("tuned")))
        .contains("enabled", "rules[r1].severity", "rules[r1].exceptions");
    assertThat(plan.path("kept_modified").get(0).path("id").asString()).isEqualTo("tp-c");
    assertThat(strings(plan.path("kept_modified").get(0).path("edits")))
        .containsExactly("rules[r1].condition");
    assertThat(strings(plan.path("skipped_deleted"))).containsExactly("tp-d");
    assertThat(strings(plan.path("added"))).containsExactly("tp-f");
    assertThat(strings(plan.path("removed"))).containsExactly("tp-e");
    assertThat(plan.path("applied").asBoolean()).isFalse();
    assertThat(condition(t, "tp-a")).isEqualTo("process.name == 'a'");

    JsonNode done = ok(t.engineer().post("/api/v1/packs/" + packId + "/update", null)).body();

    assertThat(done.path("applied").asBoolean()).isTrue();
    assertThat(condition(t, "tp-a")).isEqualTo("process.name == 'a2'");
    JsonNode b = ok(t.viewer().get("/api/v1/policies/tp-b")).body();
    assertThat(b.path("enabled").asBoolean()).isFalse();
    assertThat(b.path("rules").get(0).path("condition").asString())
        .isEqualTo("process.name == 'b2'");
    assertThat(b.path("rules").get(0).path("severity").asString()).isEqualTo("low");
    assertThat(strings(b.path("rules").get(0).path("exceptions")))
        .containsExactlyInAnyOrder("host_id == 'lab'", "user.name == 'svc'");
    assertThat(condition(t, "tp-c")).isEqualTo("process.name == 'mine'");
    assertThat(t.viewer().get("/api/v1/policies/tp-d").status()).isEqualTo(404);
    assertThat(t.viewer().get("/api/v1/policies/tp-e").status()).isEqualTo(404);
    assertThat(condition(t, "tp-f")).isEqualTo("process.name == 'f'");
    JsonNode status = find(ok(t.viewer().get("/api/v1/packs")).body().path("packs"), packId);
    assertThat(status.path("installed_version").asString()).isEqualTo("1.1.0");
    assertThat(status.path("update_available").asBoolean()).isFalse();

    JsonNode again = ok(t.engineer().post("/api/v1/packs/" + packId + "/update", null)).body();
    assertThat(again.path("up_to_date").asBoolean()).isTrue();
    assertThat(again.path("applied").asBoolean()).isFalse();
  }

  @Test
  void disableThenEnableRestoresOnlyWhatThePackTurnedOff() {
    String packId = "test-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.offer(
        pack(
            packId,
            "1.0.0",
            policy("tp-x", "process.name == 'x'", List.of()),
            policy("tp-y", "process.name == 'y'", List.of())));
    Tenant t = newTenant();
    ok(t.engineer().post("/api/v1/packs/" + packId + "/enable", null));
    ok(t.engineer().post("/api/v1/policies/tp-y/disable", null));

    JsonNode off = ok(t.engineer().post("/api/v1/packs/" + packId + "/disable", null)).body();

    assertThat(strings(off.path("disabled_policies"))).containsExactly("tp-x");
    assertThat(off.path("pack").path("enabled").asBoolean()).isFalse();
    assertThat(enabled(t, "tp-x")).isFalse();

    JsonNode on = ok(t.engineer().post("/api/v1/packs/" + packId + "/enable", null)).body();

    assertThat(strings(on.path("enabled_policies"))).containsExactly("tp-x");
    assertThat(enabled(t, "tp-x")).isTrue();
    assertThat(enabled(t, "tp-y")).isFalse();
  }

  @Test
  void badRequestsRolesAndTenantIsolation() {
    Tenant t = newTenant();
    Tenant other = newTenant();

    assertThat(t.viewer().post("/api/v1/packs/tocsin-core/enable", null).status()).isEqualTo(403);
    assertThat(t.analyst().post("/api/v1/packs/tocsin-core/update", null).status()).isEqualTo(403);
    assertThat(t.engineer().get("/api/v1/packs/nope").errorCode()).isEqualTo("NOT_FOUND");
    Response notInstalled = t.engineer().post("/api/v1/packs/tocsin-core/update", null);
    assertThat(notInstalled.status()).isEqualTo(400);
    assertThat(notInstalled.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(t.engineer().post("/api/v1/packs/tocsin-core/disable", null).status())
        .isEqualTo(400);
    assertThat(t.engineer().post("/api/v1/packs/tocsin-core/update?dry_run=maybe", null).status())
        .isEqualTo(400);
    assertThat(anonymous().get("/api/v1/packs").status()).isEqualTo(401);

    String packId = "test-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.offer(pack(packId, "1.0.0", policy("tp-iso", "process.name == 'iso'", List.of())));
    ok(t.engineer().post("/api/v1/packs/" + packId + "/enable", null));

    JsonNode theirs = find(ok(other.viewer().get("/api/v1/packs")).body().path("packs"), packId);
    assertThat(theirs.path("installed").asBoolean()).isFalse();
    assertThat(ok(other.viewer().get("/api/v1/policies")).body().path("total").asInt()).isZero();
  }

  private static String condition(Tenant t, String id) {
    return ok(t.viewer().get("/api/v1/policies/" + id))
        .body()
        .path("rules")
        .get(0)
        .path("condition")
        .asString();
  }

  private static boolean enabled(Tenant t, String id) {
    return ok(t.viewer().get("/api/v1/policies/" + id)).body().path("enabled").asBoolean();
  }

  private static JsonNode find(JsonNode packs, String id) {
    for (JsonNode p : packs) {
      if (p.path("id").asString().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no pack " + id + " in " + packs);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static Map<String, Object> body(
      String id, String condition, String severity, List<String> exceptions) {
    Map<String, Object> rule = new java.util.LinkedHashMap<>();
    rule.put("id", "r1");
    rule.put("condition", condition);
    rule.put("severity", severity);
    rule.put("exceptions", exceptions);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Pack policy " + id);
    body.put("description", "test");
    body.put("tags", List.of("attack.t1059"));
    body.put("rules", List.of(rule));
    return body;
  }

  static PackPolicy policy(String id, String condition, List<String> exceptions) {
    RuleDefinition rule =
        new RuleDefinition(
            "r1", condition, "alert", "high", Map.of(), null, null, null, null, exceptions);
    PolicyDefinition definition =
        new PolicyDefinition(
            id, "Pack policy " + id, "test", true, List.of("attack.t1059"), List.of(rule));
    return new PackPolicy(id + ".yml", definition, List.of(), List.of(), List.of(), List.of());
  }

  static Pack pack(String id, String version, PackPolicy... policies) {
    return new Pack(
        new PackManifest(id, "Test pack", SemanticVersion.parse(version), "a test pack"),
        List.of(policies));
  }
}
