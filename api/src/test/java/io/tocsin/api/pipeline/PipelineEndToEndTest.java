package io.tocsin.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A policy created over the API fires an alert from an event ingested over the API, once; re-sent
 * and re-swept events do not duplicate it; another tenant's events never fire it.
 */
class PipelineEndToEndTest extends ApiTest {

  @Autowired EvaluationSweeper sweeper;
  @Autowired PendingEvaluations pending;
  @Autowired MongoTemplate mongo;

  private static String newId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private ApiClient tenant(String id) {
    assertThat(admin().post("/api/v1/tenants", Map.of("name", id, "id", id)).status())
        .isEqualTo(201);
    return admin().with("X-Tenant-ID", id);
  }

  private static Map<String, Object> event(String id, String marker) {
    return Map.of(
        "id",
        id,
        "ts",
        Instant.now().toString(),
        "host_id",
        "h-e2e",
        "event",
        Map.of("type", "process"),
        "process",
        Map.of("name", marker, "command_line", marker + " --run"));
  }

  @Test
  void policyFromApiFiresAlertFromIngestedEventOnce() {
    String tenantA = newId("pa");
    ApiClient a = tenant(tenantA);
    ApiClient b = tenant(newId("pb"));
    String marker = "e2e-" + UUID.randomUUID().toString().substring(0, 6) + ".exe";
    Response policy =
        a.post(
            "/api/v1/policies",
            Map.of(
                "name",
                "E2E marker",
                "enabled",
                true,
                "rules",
                List.of(
                    Map.of("condition", "process.name == '" + marker + "'", "severity", "high"))));
    assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
    String policyId = policy.text("id");

    // Policy changes go live asynchronously (within a second): send fresh events until one fires.
    AtomicInteger attempt = new AtomicInteger();
    String firing =
        Awaitility.await("a detection of the new policy")
            .atMost(Duration.ofMinutes(2))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  String id = "e2e-" + attempt.getAndIncrement();
                  Response r = a.post("/api/v1/events", event(id, marker));
                  assertThat(r.status()).as(r.toString()).isEqualTo(200);
                  return r.body().path("detections").asInt() > 0 ? id : null;
                },
                Objects::nonNull);

    JsonNode alerts = alertsOf(a, policyId);
    assertThat(alerts.size()).isEqualTo(1);
    JsonNode alert = alerts.get(0);
    assertThat(alert.path("events").toString()).contains(firing);
    assertThat(alert.path("host_id").asString()).isEqualTo("h-e2e");

    // Re-sent: a duplicate, not evaluated again; re-swept: the alert write is idempotent.
    Response again = a.post("/api/v1/events", event(firing, marker));
    assertThat(again.body().path("duplicates").asInt()).isEqualTo(1);
    assertThat(again.body().path("detections").asInt()).isZero();
    pending.open(tenantA, List.of(firing), Instant.now().minusSeconds(60));
    assertThat(sweeper.sweepOnce()).isPositive();
    assertThat(alertsOf(a, policyId).size()).isEqualTo(1);

    // Tenant B sends the same marker: A's policy never sees it.
    Response other = b.post("/api/v1/events", event("e2e-b", marker));
    assertThat(other.body().path("detections").asInt()).isZero();
    assertThat(alertsOf(a, policyId).size()).isEqualTo(1);
    assertThat(b.get("/api/v1/alerts").body().path("total").asInt()).isZero();
  }

  private static JsonNode alertsOf(ApiClient client, String policyId) {
    Response r = client.get("/api/v1/alerts?policy_id=" + policyId);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body().path("alerts");
  }
}
