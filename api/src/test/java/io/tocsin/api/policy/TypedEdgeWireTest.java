package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The typed records of issue #21 write exactly the keys the maps they replaced wrote: optional
 * members are absent (not {@code null}) when unset, and each response has its members and no
 * others. A record component added or renamed by mistake fails here.
 */
class TypedEdgeWireTest extends DetectionApiTest {

  @Autowired PackCatalog catalog;

  @Test
  void policyViewHasTheDocumentPlusMetadataAndNoUnsetMembers() {
    Tenant t = newTenant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", "wire");
    body.put("name", "Wire");
    body.put(
        "rules",
        List.of(
            Map.of(
                "condition", "process.name == 'a'",
                "threshold", Map.of("count", 2, "within", "1m", "group_by", List.of("host_id")),
                "suppress", Map.of("for", "5m", "group_by", List.of("host_id")))));

    JsonNode p = created(t.engineer().post("/api/v1/policies", body)).body();

    assertThat(keys(p))
        .containsExactlyInAnyOrder(
            "id",
            "name",
            "enabled",
            "tags",
            "rules",
            "created_at",
            "updated_at",
            "created_by",
            "updated_by",
            "version",
            "builtin");
    JsonNode rule = p.path("rules").get(0);
    assertThat(keys(rule))
        .containsExactlyInAnyOrder(
            "id",
            "condition",
            "action",
            "severity",
            "parameters",
            "threshold",
            "suppress",
            "exceptions");
    assertThat(keys(rule.path("threshold")))
        .containsExactlyInAnyOrder("count", "within", "group_by");
    assertThat(rule.path("suppress").path("for").asString()).isEqualTo("5m");
    assertThat(p.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z");

    JsonNode versions = ok(t.viewer().get("/api/v1/policies/wire/versions")).body();
    assertThat(keys(versions))
        .containsExactlyInAnyOrder("versions", "total", "limit", "offset", "has_more");
    assertThat(versions.path("versions").get(0).has("policy")).isFalse();
    assertThat(
            ok(t.viewer().get("/api/v1/policies/wire/versions/1"))
                .body()
                .path("policy")
                .path("name")
                .asString())
        .isEqualTo("Wire");
  }

  @Test
  void validateWithoutIdAnswersTheCanonicalFormWithoutId() {
    Tenant t = newTenant();

    JsonNode r =
        ok(t.viewer().post("/api/v1/policies/validate", policy("V", "process.name == 'a'"))).body();

    assertThat(keys(r)).containsExactlyInAnyOrder("valid", "warnings", "policy");
    assertThat(r.path("policy").has("id")).isFalse();
    assertThat(r.path("policy").path("rules").get(0).path("action").asString()).isEqualTo("alert");
  }

  @Test
  void packAnswersOmitWhatDoesNotApply() {
    String packId = "wire-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.offer(
        PackApiTest.pack(
            packId, "1.0.0", PackApiTest.policy("wp-a", "process.name == 'a'", List.of())));
    Tenant t = newTenant();

    JsonNode before = ok(t.viewer().get("/api/v1/packs/" + packId)).body();
    JsonNode enabled = ok(t.engineer().post("/api/v1/packs/" + packId + "/enable", null)).body();
    JsonNode disabled = ok(t.engineer().post("/api/v1/packs/" + packId + "/disable", null)).body();
    JsonNode again = ok(t.engineer().post("/api/v1/packs/" + packId + "/enable", null)).body();

    assertThat(before.has("installed_version")).isFalse();
    assertThat(before.path("policies").isArray()).isTrue();
    assertThat(keys(enabled)).containsExactlyInAnyOrder("installed", "skipped_conflict", "pack");
    assertThat(enabled.path("pack").path("installed_version").asString()).isEqualTo("1.0.0");
    assertThat(keys(disabled)).containsExactlyInAnyOrder("disabled_policies", "pack");
    assertThat(keys(again)).containsExactlyInAnyOrder("enabled_policies", "pack");
    assertThat(keys(ok(t.viewer().get("/api/v1/packs")).body()))
        .containsExactlyInAnyOrder("packs", "total");
  }

  @Test
  void sigmaRejectedRuleHasNoPolicyAndNoOutcome() {
    Tenant t = newTenant();
    String yaml =
        "title: Bad\nid: wire-bad\nlogsource: {product: windows}\ndetection:\n  sel:\n"
            + "    Image|nonsense: x\n  condition: sel\n";

    JsonNode r =
        ok(t.engineer()
                .send(
                    "POST", "/api/v1/policies/import/sigma?dry_run=true", yaml, "application/yaml"))
            .body();

    JsonNode rule = r.path("rules").get(0);
    assertThat(rule.path("status").asString()).isEqualTo("rejected");
    assertThat(keys(rule))
        .containsExactlyInAnyOrder("source", "sigma_id", "title", "status", "reasons", "notes");
  }

  @Test
  void searchAndBacktestKeepTheirKeys() {
    Tenant t = newTenant();
    Instant base = Instant.parse("2026-01-10T10:00:00Z");
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      events.add(
          Map.of(
              "id", UUID.randomUUID().toString(),
              "ts", base.plusSeconds(i).toString(),
              "event", Map.of("type", "process", "action", "start"),
              "process", Map.of("name", "wire.exe", "pid", 7)));
    }
    ok(t.engineer().post("/api/v1/events", events));

    JsonNode search =
        ok(t.viewer()
                .post(
                    "/api/v1/search/events",
                    Map.of("query", "process.name == 'wire.exe'", "limit", 1)))
            .body();
    JsonNode backtest =
        ok(t.analyst()
                .post(
                    "/api/v1/policies/backtest",
                    Map.of(
                        "policy", policy("B", "process.name == 'wire.exe'"),
                        "start_time", base.minusSeconds(60).toString(),
                        "end_time", base.plusSeconds(60).toString())))
            .body();

    assertThat(keys(search))
        .containsExactlyInAnyOrder("results", "total", "took", "limit", "has_more");
    assertThat(search.path("has_more").asBoolean()).isTrue();
    assertThat(keys(backtest))
        .containsExactlyInAnyOrder(
            "alerts",
            "alerts_total",
            "events_scanned",
            "truncated",
            "start_time",
            "end_time",
            "took",
            "warnings");
    assertThat(backtest.path("alerts").get(0).has("host_id")).as("no host: absent").isFalse();
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> out = new TreeSet<>();
    for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
      out.add(names.next());
    }
    return out;
  }
}
