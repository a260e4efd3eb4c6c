package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/policies/apply}: a whole set, planned (dry run) or applied all or nothing.
 */
class PolicySetApiTest extends DetectionApiTest {

  @Test
  void dryRunPlansWithoutWritingThenApplyWritesEverything() {
    Tenant t = newTenant();
    Map<String, Object> set =
        set(false, withId("p1", "process.name == 'a'"), withId("p2", "process.name == 'b'"));

    JsonNode plan = ok(t.engineer().post("/api/v1/policies/apply?dry_run=true", set)).body();

    assertThat(plan.path("created").size()).isEqualTo(2);
    assertThat(plan.path("applied").asBoolean()).isFalse();
    assertThat(ok(t.viewer().get("/api/v1/policies")).body().path("total").asInt()).isZero();

    JsonNode done = ok(t.engineer().post("/api/v1/policies/apply", set)).body();

    assertThat(done.path("applied").asBoolean()).isTrue();
    assertThat(ok(t.viewer().get("/api/v1/policies")).body().path("total").asInt()).isEqualTo(2);
    JsonNode again = ok(t.engineer().post("/api/v1/policies/apply?dry_run=true", set)).body();
    assertThat(again.path("unchanged").size()).isEqualTo(2);
    assertThat(again.path("created").size() + again.path("updated").size()).isZero();
  }

  @Test
  void changedPolicyReportsMembersAndPruneDeletesTheRest() {
    Tenant t = newTenant();
    ok(
        t.engineer()
            .post(
                "/api/v1/policies/apply",
                set(
                    false,
                    withId("p1", "process.name == 'a'"),
                    withId("p2", "process.name == 'b'"))));

    JsonNode plan =
        ok(t.engineer()
                .post("/api/v1/policies/apply", set(true, withId("p1", "process.name == 'z'"))))
            .body();

    assertThat(plan.path("updated").get(0).path("id").asString()).isEqualTo("p1");
    assertThat(plan.path("updated").get(0).path("changes").get(0).asString())
        .isEqualTo("rules[rule_001].condition");
    assertThat(plan.path("deleted").get(0).asString()).isEqualTo("p2");
    assertThat(t.viewer().get("/api/v1/policies/p2").status()).isEqualTo(404);
  }

  @Test
  void oneInvalidPolicyThenNothingApplied() {
    Tenant t = newTenant();
    ok(
        t.engineer()
            .post("/api/v1/policies/apply", set(false, withId("p1", "process.name == 'a'"))));

    Response refused =
        t.engineer()
            .post(
                "/api/v1/policies/apply",
                set(
                    false,
                    withId("p1", "process.name == 'changed'"),
                    withId("p2", "process.nme == 'x'")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(refused.body().toString()).contains("process.nme");
    JsonNode p1 = ok(t.viewer().get("/api/v1/policies/p1")).body();
    assertThat(p1.path("rules").get(0).path("condition").asString())
        .isEqualTo("process.name == 'a'");
    assertThat(t.viewer().get("/api/v1/policies/p2").status()).isEqualTo(404);
  }

  @Test
  void badShapesRolesAndTenants() {
    Tenant t = newTenant();
    Tenant other = newTenant();

    assertThat(t.engineer().post("/api/v1/policies/apply", Map.of("nope", 1)).status())
        .isEqualTo(400);
    assertThat(t.engineer().post("/api/v1/policies/apply", Map.of("policies", "x")).status())
        .isEqualTo(400);
    assertThat(
            t.engineer()
                .post(
                    "/api/v1/policies/apply",
                    set(false, withId("p1", "true"), withId("p1", "true")))
                .body()
                .toString())
        .contains("DUPLICATE_ID");
    assertThat(
            t.engineer()
                .post("/api/v1/policies/apply", set(false, policy("no id", "true")))
                .status())
        .isEqualTo(400);
    assertThat(t.analyst().post("/api/v1/policies/apply", set(false)).status()).isEqualTo(403);
    assertThat(t.engineer().post("/api/v1/policies/apply?dry_run=perhaps", set(false)).status())
        .isEqualTo(400);

    ok(t.engineer().post("/api/v1/policies/apply", set(false, withId("mine", "true"))));
    JsonNode theirs =
        ok(other.engineer().post("/api/v1/policies/apply?dry_run=true", set(true))).body();
    assertThat(theirs.path("deleted").size()).isZero();
  }

  static Map<String, Object> withId(String id, String condition) {
    Map<String, Object> p = new LinkedHashMap<>(policy("Policy " + id, condition));
    p.put("id", id);
    return p;
  }

  static Map<String, Object> set(boolean prune, Map<?, ?>... policies) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policies", new ArrayList<>(List.of(policies)));
    body.put("prune", prune);
    return body;
  }
}
