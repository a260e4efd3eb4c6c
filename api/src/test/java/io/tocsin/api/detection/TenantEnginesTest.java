package io.tocsin.api.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.policy.DetectionApiTest;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantEnginesTest extends DetectionApiTest {

  @Autowired TenantEngines engines;
  @Autowired MeterRegistry meters;

  private Tenant t;

  @BeforeEach
  void tenant() {
    t = newTenant();
  }

  @Test
  void aTenantThatStartedWithoutPoliciesDetectsOnceItHasOne() {
    assertThat(engines.evaluate(t.id(), List.of(evil()))).isEmpty();
    created(t.engineer().post("/api/v1/policies", policy("Evil", "process.name == 'evil.exe'")));
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> engines.evaluate(t.id(), List.of(evil())).size() == 1);
  }

  @Test
  void validatingAndBacktestingTheSamePolicyLeaveTheLiveEngineDetecting() {
    Map<String, Object> body = policy("Evil", "process.name == 'evil.exe'");
    created(t.engineer().post("/api/v1/policies", body));
    assertThat(engines.evaluate(t.id(), List.of(evil()))).hasSize(1);

    ok(t.engineer().post("/api/v1/policies/validate", body));
    ok(
        t.analyst()
            .post(
                "/api/v1/policies/backtest",
                Map.of(
                    "policy", body,
                    "start_time", Instant.now().minusSeconds(3600).toString(),
                    "end_time", Instant.now().toString())));
    created(t.engineer().post("/api/v1/policies", policy("Other", "process.name == 'x.exe'")));
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> engines.status(t.id()).policies() == 2);

    assertThat(engines.evaluate(t.id(), List.of(evil()))).hasSize(1);
  }

  @Test
  void disableThenEnableTakesEffectWithinOneSecond() {
    String id =
        created(t.engineer().post("/api/v1/policies", policy("Evil", "process.name == 'evil.exe'")))
            .text("id");
    List<Detection> first = engines.evaluate(t.id(), List.of(evil()));
    assertThat(first).hasSize(1);
    assertThat(first.get(0).policyId()).isEqualTo(id);
    assertThat(first.get(0).ruleId()).isEqualTo("rule_001");

    ok(t.engineer().post("/api/v1/policies/" + id + "/disable", null));
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> engines.evaluate(t.id(), List.of(evil())).isEmpty());

    ok(t.engineer().post("/api/v1/policies/" + id + "/enable", null));
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> engines.evaluate(t.id(), List.of(evil())).size() == 1);
  }

  @Test
  void putEnabledFalseAndConditionChangeTakeEffect() {
    String id =
        created(t.engineer().post("/api/v1/policies", policy("Evil", "process.name == 'evil.exe'")))
            .text("id");
    assertThat(engines.evaluate(t.id(), List.of(evil()))).hasSize(1);

    ok(t.engineer().put("/api/v1/policies/" + id, policy("Evil", "process.name == 'other.exe'")));
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> engines.evaluate(t.id(), List.of(evil())).isEmpty());

    ok(
        t.engineer()
            .put(
                "/api/v1/policies/" + id,
                Map.of(
                    "name",
                    "Evil",
                    "enabled",
                    false,
                    "rules",
                    List.of(Map.of("condition", "process.name == 'evil.exe'")))));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofMinutes(1))
        .until(() -> engines.evaluate(t.id(), List.of(evil())).isEmpty());
  }

  @Test
  void deleteLastPolicyThenEngineCleared() {
    String id =
        created(t.engineer().post("/api/v1/policies", policy("Evil", "process.name == 'evil.exe'")))
            .text("id");
    assertThat(engines.evaluate(t.id(), List.of(evil()))).hasSize(1);

    assertThat(t.engineer().delete("/api/v1/policies/" + id).status()).isEqualTo(204);

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> engines.evaluate(t.id(), List.of(evil())).isEmpty());
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> engines.status(t.id()).status().equals("cleared"));
  }

  @Test
  void statusEndpointAndGaugesReportTheLoadedGeneration() {
    created(t.engineer().post("/api/v1/policies", policy("Evil", "process.name == 'evil.exe'")));
    assertThat(t.viewer().get("/api/v1/policies/engine").text("status")).isEqualTo("not_loaded");
    engines.evaluate(t.id(), List.of(evil()));

    var status = ok(t.viewer().get("/api/v1/policies/engine")).body();
    assertThat(status.path("status").asString()).isEqualTo("applied");
    assertThat(status.path("policies").asInt()).isEqualTo(1);
    assertThat(meters.get("tocsin.engine.policies").tag("tenant", t.id()).gauge().value())
        .isEqualTo(1.0);
    assertThat(meters.get("tocsin.engine.generation").tag("tenant", t.id()).gauge().value())
        .isGreaterThanOrEqualTo(1.0);
    assertThat(
            meters
                .get("tocsin.engine.reload.failures")
                .tag("tenant", t.id())
                .functionCounter()
                .count())
        .isZero();
  }

  @Test
  void otherTenantsPoliciesNeverDetectInMyTenant() {
    created(t.engineer().post("/api/v1/policies", policy("Evil", "process.name == 'evil.exe'")));
    Tenant other = newTenant();

    assertThat(engines.evaluate(other.id(), List.of(evil()))).isEmpty();
    assertThat(engines.evaluate(t.id(), List.of(evil()))).hasSize(1);
  }

  private Event evil() {
    return Event.fromNested(
        Map.of(
            "id", UUID.randomUUID().toString(),
            "ts", Instant.now(),
            "tenant_id", t.id(),
            "host_id", "h1",
            "event", Map.of("type", "process"),
            "process", Map.of("name", "evil.exe")));
  }
}
