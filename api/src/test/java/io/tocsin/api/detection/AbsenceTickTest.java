package io.tocsin.api.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.api.policy.DetectionApiTest;
import io.tocsin.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The once-a-second tick fires absence rules on the wall clock and records their alerts. */
class AbsenceTickTest extends DetectionApiTest {

  @Autowired TenantEngines engines;

  @Test
  void triggerNotFollowedByExpectedEventThenAlertRecordedByTheTick() {
    Tenant t = newTenant();
    Map<String, Object> policy =
        Map.of(
            "name",
            "Login without agent heartbeat",
            "rules",
            List.of(
                Map.of(
                    "id", "no_heartbeat",
                    "condition", "event.type == 'auth' and auth.result == 'success'",
                    "severity", "high",
                    "absence",
                        Map.of(
                            "expect", "event.type == 'system'",
                            "within", "1s",
                            "by", List.of("host_id")))));
    created(t.engineer().post("/api/v1/policies", policy));

    assertThat(engines.evaluate(t.id(), List.of(login(t.id())))).isEmpty();

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> t.viewer().get("/api/v1/alerts").body().path("total").asInt() == 1);
    var alert = t.viewer().get("/api/v1/alerts").body().path("alerts").get(0);
    assertThat(alert.path("rule_id").asString()).isEqualTo("no_heartbeat");
  }

  private static Event login(String tenantId) {
    return Event.fromNested(
        Map.of(
            "id", UUID.randomUUID().toString(),
            "ts", Instant.now(),
            "tenant_id", tenantId,
            "host_id", "h1",
            "event", Map.of("type", "auth", "action", "login"),
            "auth", Map.of("result", "success", "method", "password")));
  }
}
