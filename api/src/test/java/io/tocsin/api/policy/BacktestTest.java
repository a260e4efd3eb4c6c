package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BacktestTest extends DetectionApiTest {

  private Tenant t;
  private Instant base;

  @BeforeEach
  void events() {
    t = newTenant();
    base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      events.add(event(base.plusSeconds(i * 10L), "h1", "mimikatz.exe"));
    }
    events.add(event(base.plusSeconds(50), "h2", "mimikatz.exe"));
    events.add(event(base.plusSeconds(60), "h1", "notepad.exe"));
    events.add(event(base.minus(3, ChronoUnit.DAYS), "h1", "mimikatz.exe"));
    Response ingested = ok(t.engineer().post("/api/v1/events", events));
    assertThat(ingested.body().path("count").asInt()).isEqualTo(7);
  }

  @Test
  void backtestThenAlertsItWouldHaveRaisedAndNothingWritten() {
    Map<String, Object> policy =
        Map.of(
            "name", "Credential dumping burst",
            "tags", List.of("attack.t1003"),
            "rules",
                List.of(
                    Map.of(
                        "condition", "process.name == 'mimikatz.exe'",
                        "severity", "critical",
                        "threshold",
                            Map.of("count", 3, "within", "5m", "group_by", List.of("host_id")))));
    Map<String, Object> body =
        Map.of(
            "policy", policy,
            "start_time", base.minusSeconds(60).toString(),
            "end_time", base.plus(1, ChronoUnit.HOURS).toString());

    Response response = ok(t.analyst().post("/api/v1/policies/backtest", body));

    JsonNode r = response.body();
    assertThat(r.path("events_scanned").asInt()).isEqualTo(6);
    assertThat(r.path("took").isNumber()).isTrue();
    assertThat(r.path("alerts").size()).isEqualTo(1);
    JsonNode alert = r.path("alerts").get(0);
    assertThat(alert.path("host_id").asString()).isEqualTo("h1");
    assertThat(alert.path("severity").asString()).isEqualTo("critical");
    assertThat(alert.path("rule_id").asString()).isEqualTo("rule_001");
    assertThat(alert.path("count").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(alert.path("mitre").get(0).asString()).isEqualTo("attack.t1003");
    assertThat(alert.path("events").size()).isGreaterThanOrEqualTo(3);

    assertThat(t.viewer().get("/api/v1/policies").body().path("total").asInt()).isZero();
    assertThat(t.viewer().get("/api/v1/alerts").body().path("total").asInt()).isZero();
  }

  @Test
  void backtestWithBarePolicyAndQueryParameters() {
    String range = "?start_time=" + base.minusSeconds(1) + "&end_time=" + base.plusSeconds(3600);

    Response response =
        ok(
            t.engineer()
                .post(
                    "/api/v1/policies/backtest" + range,
                    policy("Any mimikatz", "process.name == 'mimikatz.exe'")));

    assertThat(response.body().path("alerts").size()).isEqualTo(5);
    assertThat(response.body().path("events_scanned").asInt()).isEqualTo(6);
  }

  @Test
  void backtestStoredPolicyById() {
    String id =
        created(
                t.engineer()
                    .post("/api/v1/policies", policy("Notepad", "process.name == 'notepad.exe'")))
            .text("id");

    Response response =
        ok(
            t.analyst()
                .post(
                    "/api/v1/policies/" + id + "/backtest?start_time=" + base.minusSeconds(1),
                    null));

    assertThat(response.body().path("alerts").size()).isEqualTo(1);
    assertThat(response.body().path("alerts").get(0).path("policy_id").asString()).isEqualTo(id);
  }

  @Test
  void backtestWhenPolicyInvalidOrRangeBadThen400() {
    Response bad =
        t.analyst()
            .post("/api/v1/policies/backtest", Map.of("policy", policy("X", "process.nme == 'a'")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(
            bad.body()
                .path("error")
                .path("details")
                .path("diagnostics")
                .get(0)
                .path("field")
                .asString())
        .isEqualTo("rules[0].condition");

    Response range =
        t.analyst()
            .post(
                "/api/v1/policies/backtest",
                Map.of("policy", policy("X", "process.name == 'a'"), "start_time", "yesterday"));
    assertThat(range.status()).isEqualTo(400);
  }

  @Test
  void backtestWhenViewerThen403() {
    assertThat(
            t.viewer()
                .post(
                    "/api/v1/policies/backtest",
                    Map.of("policy", policy("X", "process.name == 'a'")))
                .status())
        .isEqualTo(403);
  }

  private static Map<String, Object> event(Instant ts, String host, String process) {
    return Map.of(
        "id", UUID.randomUUID().toString(),
        "ts", ts.toString(),
        "host_id", host,
        "event", Map.of("type", "process", "action", "start"),
        "process", Map.of("name", process, "pid", 42));
  }
}
