package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PolicyCrudTest extends DetectionApiTest {

  private Tenant t;

  @BeforeEach
  void tenant() {
    t = newTenant();
  }

  @Test
  void createWhenEngineerThen201WithMetadataAndGeneratedRuleIds() {
    Map<String, Object> body =
        Map.of(
            "name",
            "Data Exfiltration Prevention",
            "description",
            "big uploads",
            "enabled",
            true,
            "tags",
            List.of("attack.t1048"),
            "rules",
            List.of(
                Map.of("condition", "file.size > 100MB", "action", "block"),
                Map.of("id", "rule_002", "condition", "process.name == 'scp'"),
                Map.of(
                    "condition",
                    "network.destination.port == 22",
                    "threshold",
                    Map.of("count", 5, "within", "1m", "group_by", List.of("host_id")),
                    "suppress",
                    Map.of("for", "10m", "group_by", List.of("host_id")),
                    "parameters",
                    Map.of("notify_channels", List.of("slack")))));

    Response response = created(t.engineer().post("/api/v1/policies", body));

    JsonNode p = response.body();
    assertThat(p.path("id").asString()).startsWith("pol_");
    assertThat(p.path("version").asInt()).isEqualTo(1);
    assertThat(p.path("created_by").asString()).startsWith("detection_engineer-");
    assertThat(p.path("updated_by").asString()).isEqualTo(p.path("created_by").asString());
    assertThat(p.path("created_at").asString()).isNotEmpty();
    assertThat(p.path("rules").get(0).path("id").asString()).isEqualTo("rule_001");
    assertThat(p.path("rules").get(1).path("id").asString()).isEqualTo("rule_002");
    assertThat(p.path("rules").get(2).path("id").asString()).isEqualTo("rule_003");
    assertThat(p.path("rules").get(0).path("action").asString()).isEqualTo("block");
    assertThat(p.path("rules").get(1).path("severity").asString()).isEqualTo("medium");
    JsonNode third = p.path("rules").get(2);
    assertThat(third.path("threshold").path("within").asString()).isEqualTo("1m");
    assertThat(third.path("threshold").path("group_by").get(0).asString()).isEqualTo("host_id");
    assertThat(third.path("suppress").path("for").asString()).isEqualTo("10m");
    assertThat(third.path("parameters").path("notify_channels").get(0).asString())
        .isEqualTo("slack");

    Response got = ok(t.viewer().get("/api/v1/policies/" + p.path("id").asString()));
    assertThat(got.body()).isEqualTo(p);
  }

  @Test
  void createWithChosenIdThenConflictOnSecondCreate() {
    Map<String, Object> body =
        Map.of(
            "id",
            "ssh-burst",
            "name",
            "SSH",
            "rules",
            List.of(Map.of("condition", "process.name == 'ssh'")));
    assertThat(created(t.engineer().post("/api/v1/policies", body)).text("id"))
        .isEqualTo("ssh-burst");
    Response again = t.engineer().post("/api/v1/policies", body);
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void writesWhenViewerOrAnalystThen403AndReadsAllowed() {
    String id =
        created(t.engineer().post("/api/v1/policies", policy("P", "process.name == 'a'")))
            .text("id");
    for (var client : List.of(t.viewer(), t.analyst())) {
      assertThat(client.post("/api/v1/policies", policy("X", "process.name == 'x'")).status())
          .isEqualTo(403);
      assertThat(client.put("/api/v1/policies/" + id, policy("X", "process.name == 'x'")).status())
          .isEqualTo(403);
      assertThat(client.delete("/api/v1/policies/" + id).status()).isEqualTo(403);
      assertThat(client.post("/api/v1/policies/" + id + "/disable", null).status()).isEqualTo(403);
      assertThat(client.get("/api/v1/policies/" + id).status()).isEqualTo(200);
      assertThat(client.get("/api/v1/policies").body().path("total").asInt()).isEqualTo(1);
    }
    assertThat(t.admin().delete("/api/v1/policies/" + id).status()).isEqualTo(204);
  }

  @Test
  void updateThenVersionBumpsEnabledKeptAndRuleIdsKept() {
    JsonNode p =
        created(t.engineer().post("/api/v1/policies", policy("P", "process.name == 'a'"))).body();
    String id = p.path("id").asString();
    ok(t.engineer().post("/api/v1/policies/" + id + "/disable", null));

    Response updated =
        ok(
            t.admin()
                .put(
                    "/api/v1/policies/" + id,
                    Map.of(
                        "name",
                        "P2",
                        "rules",
                        List.of(Map.of("id", "rule_001", "condition", "process.name == 'b'")))));

    assertThat(updated.body().path("version").asInt()).isEqualTo(3);
    assertThat(updated.body().path("enabled").asBoolean()).isFalse();
    assertThat(updated.body().path("name").asString()).isEqualTo("P2");
    assertThat(updated.body().path("updated_by").asString()).isEqualTo("admin");
    assertThat(updated.body().path("created_at").asString())
        .isEqualTo(p.path("created_at").asString());
  }

  @Test
  void updateOrDeleteWhenUnknownThen404() {
    assertThat(
            t.engineer().put("/api/v1/policies/nope", policy("P", "process.name == 'a'")).status())
        .isEqualTo(404);
    assertThat(t.engineer().delete("/api/v1/policies/nope").status()).isEqualTo(404);
    assertThat(t.viewer().get("/api/v1/policies/nope").errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void deleteThenGone() {
    String id =
        created(t.engineer().post("/api/v1/policies", policy("P", "process.name == 'a'")))
            .text("id");
    assertThat(t.engineer().delete("/api/v1/policies/" + id).status()).isEqualTo(204);
    assertThat(t.viewer().get("/api/v1/policies/" + id).status()).isEqualTo(404);
    assertThat(t.viewer().get("/api/v1/policies").body().path("total").asInt()).isZero();
  }

  @Test
  void listFiltersAndPaging() {
    created(
        t.engineer()
            .post(
                "/api/v1/policies",
                Map.of(
                    "id",
                    "a",
                    "name",
                    "A",
                    "tags",
                    List.of("x"),
                    "rules",
                    List.of(Map.of("condition", "process.name == 'a'")))));
    created(
        t.engineer()
            .post(
                "/api/v1/policies",
                Map.of(
                    "id",
                    "b",
                    "name",
                    "B",
                    "enabled",
                    false,
                    "rules",
                    List.of(Map.of("condition", "process.name == 'b'")))));

    JsonNode page = ok(t.viewer().get("/api/v1/policies?limit=1")).body();
    assertThat(page.path("total").asInt()).isEqualTo(2);
    assertThat(page.path("has_more").asBoolean()).isTrue();
    assertThat(page.path("policies").get(0).path("id").asString()).isEqualTo("a");
    assertThat(
            ok(t.viewer().get("/api/v1/policies?enabled=false"))
                .body()
                .path("policies")
                .get(0)
                .path("id")
                .asString())
        .isEqualTo("b");
    assertThat(ok(t.viewer().get("/api/v1/policies?tag=x")).body().path("total").asInt())
        .isEqualTo(1);
    assertThat(t.viewer().get("/api/v1/policies?limit=1001").status()).isEqualTo(400);
  }

  @Test
  void schemaWhenViewerThenPublishedDocumentSchema() {
    Response schema = ok(t.viewer().get("/api/v1/policies/schema"));

    assertThat(schema.body().path("title").asString()).isEqualTo("Tocsin policy document");
    assertThat(schema.body().path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(schema.body().path("$defs").path("rule").path("properties").has("threshold"))
        .isTrue();
  }

  @Test
  void createWhenConditionHasUnknownFieldThen400WithPositionAndNothingStored() {
    Response response =
        t.engineer()
            .post("/api/v1/policies", policy("Bad", "process.name == 'a' and process.nme == 'x'"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
    JsonNode d = response.body().path("error").path("details").path("diagnostics").get(0);
    assertThat(d.path("code").asString()).isEqualTo("UNKNOWN_FIELD");
    assertThat(d.path("field").asString()).isEqualTo("rules[0].condition");
    assertThat(d.path("line").asInt()).isEqualTo(1);
    assertThat(d.path("column").asInt()).isEqualTo(25);
    assertThat(d.path("rule_id").asString()).isEqualTo("rule_001");
    assertThat(d.path("message").asString())
        .contains("process.nme")
        .contains("did you mean [process.name]");
    assertThat(t.viewer().get("/api/v1/policies").body().path("total").asInt()).isZero();
  }

  @Test
  void createWhenListUnknownThen400NamingIt() {
    Response response =
        t.engineer()
            .post("/api/v1/policies", policy("Bad", "file.destination not in allowed_domains"));

    assertThat(response.status()).isEqualTo(400);
    JsonNode d = response.body().path("error").path("details").path("diagnostics").get(0);
    assertThat(d.path("code").asString()).isEqualTo("UNKNOWN_LIST");
    assertThat(d.has("error")).as("no stray properties").isFalse();
    assertThat(d.path("severity").asString()).isEqualTo("error");
    assertThat(d.path("field").asString()).isEqualTo("rules[0].condition");
    assertThat(d.path("line").asInt()).isEqualTo(1);
    assertThat(d.path("column").asInt()).isEqualTo(25);
    assertThat(d.path("message").asString()).contains("allowed_domains");
  }

  @Test
  void createWhenShapeWrongThen400ForEveryProblem() {
    Response response =
        t.engineer()
            .post(
                "/api/v1/policies",
                Map.of(
                    "name", "Bad",
                    "enabled", "yes",
                    "rules",
                        List.of(
                            Map.of(
                                "condition",
                                "process.name == 'a'",
                                "treshold",
                                Map.of("count", 5, "within", "1m")))));

    assertThat(response.status()).isEqualTo(400);
    JsonNode ds = response.body().path("error").path("details").path("diagnostics");
    assertThat(ds.findValuesAsString("field")).contains("enabled", "rules[0].treshold");
    assertThat(response.body().path("error").path("message").asString())
        .contains("did you mean [threshold]?");
  }

  @Test
  void createWhenDurationAndSeverityInvalidThen400WithFields() {
    Response response =
        t.engineer()
            .post(
                "/api/v1/policies",
                Map.of(
                    "name",
                    "Bad",
                    "rules",
                    List.of(
                        Map.of(
                            "condition", "process.name == 'a'",
                            "severity", "urgent",
                            "threshold", Map.of("count", 5, "within", "soon")))));

    assertThat(response.status()).isEqualTo(400);
    JsonNode ds = response.body().path("error").path("details").path("diagnostics");
    assertThat(ds.findValuesAsString("field"))
        .contains("rules[0].severity", "rules[0].threshold.within");
  }

  @Test
  void validateWhenValidThenWarningsAndNoSideEffects() {
    Map<String, Object> body =
        Map.of(
            "name",
            "V",
            "enabled",
            false,
            "rules",
            List.of(Map.of("condition", "process.name in ('a', 'a')")));

    Response response = ok(t.viewer().post("/api/v1/policies/validate", body));

    assertThat(response.body().path("valid").asBoolean()).isTrue();
    assertThat(response.body().path("warnings").findValuesAsString("code"))
        .contains("DISABLED_POLICY", "DUPLICATE_VALUE");
    assertThat(response.body().path("policy").path("rules").get(0).path("id").asString())
        .isEqualTo("rule_001");
    assertThat(t.viewer().get("/api/v1/policies").body().path("total").asInt()).isZero();
  }

  @Test
  void validateWhenInvalidThen400WithDiagnostics() {
    Response response =
        t.viewer().post("/api/v1/policies/validate", policy("V", "process.name == "));

    assertThat(response.status()).isEqualTo(400);
    JsonNode d = response.body().path("error").path("details").path("diagnostics").get(0);
    assertThat(d.path("field").asString()).isEqualTo("rules[0].condition");
    assertThat(d.path("line").asInt()).isEqualTo(1);
  }

  @Test
  void versionsRecordWhoAndWhenAndFullBody() {
    String id =
        created(t.engineer().post("/api/v1/policies", policy("V1", "process.name == 'a'")))
            .text("id");
    ok(t.admin().put("/api/v1/policies/" + id, policy("V2", "process.name == 'b'")));
    ok(t.engineer().post("/api/v1/policies/" + id + "/disable", null));

    JsonNode versions = ok(t.viewer().get("/api/v1/policies/" + id + "/versions")).body();
    assertThat(versions.path("total").asInt()).isEqualTo(3);
    JsonNode latest = versions.path("versions").get(0);
    assertThat(latest.path("version").asInt()).isEqualTo(3);
    assertThat(latest.path("change").asString()).isEqualTo("disabled");
    assertThat(latest.path("changed_by").asString()).startsWith("detection_engineer-");
    assertThat(latest.path("changed_at").asString()).isNotEmpty();
    assertThat(versions.path("versions").get(1).path("changed_by").asString()).isEqualTo("admin");

    JsonNode first = ok(t.viewer().get("/api/v1/policies/" + id + "/versions/1")).body();
    assertThat(first.path("change").asString()).isEqualTo("created");
    assertThat(first.path("policy").path("name").asString()).isEqualTo("V1");
    assertThat(first.path("policy").path("rules").get(0).path("condition").asString())
        .isEqualTo("process.name == 'a'");
    assertThat(t.viewer().get("/api/v1/policies/" + id + "/versions/9").status()).isEqualTo(404);

    assertThat(t.engineer().delete("/api/v1/policies/" + id).status()).isEqualTo(204);
    JsonNode afterDelete = ok(t.viewer().get("/api/v1/policies/" + id + "/versions")).body();
    assertThat(afterDelete.path("versions").get(0).path("change").asString()).isEqualTo("deleted");
  }

  @Test
  void otherTenantsPolicyThen404Everywhere() {
    String id =
        created(t.engineer().post("/api/v1/policies", policy("Mine", "process.name == 'a'")))
            .text("id");
    Tenant other = newTenant();
    String path = "/api/v1/policies/" + id;

    assertThat(other.admin().get(path).status()).isEqualTo(404);
    assertThat(other.admin().put(path, policy("X", "process.name == 'x'")).status()).isEqualTo(404);
    assertThat(other.admin().delete(path).status()).isEqualTo(404);
    assertThat(other.admin().post(path + "/enable", null).status()).isEqualTo(404);
    assertThat(other.admin().get(path + "/versions").status()).isEqualTo(404);
    assertThat(other.admin().get(path + "/versions/1").status()).isEqualTo(404);
    assertThat(other.admin().get("/api/v1/policies").body().path("total").asInt()).isZero();
    assertThat(t.viewer().get(path).status()).isEqualTo(200);
  }
}
