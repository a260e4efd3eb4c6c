package io.tocsin.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.webhook.Receiver.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Done-when of the webhook issue: an alert raised by a policy reaches a receiver signed and intact
 * even when the receiver fails the first attempts, and each attempt is visible in the API. The
 * rule's {@code notify_channels} routes it to one webhook by name and not to the other.
 */
class WebhookEndToEndTest extends WebhookTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void policyAlertReachesTheNamedReceiverSignedAndIntactThroughFailures() throws Exception {
    receiver().then(Reply.status(500), new Reply(200, null, 6000));
    try (Receiver bystander = new Receiver()) {
      Tenant t = newTenant();
      String hook = webhook(t, Map.of("name", "soc-pager"));
      String other = webhook(t, Map.of("name", "other", "url", bystander.url()));
      String marker = "wh-" + UUID.randomUUID().toString().substring(0, 6) + ".exe";
      Response policy =
          t.engineer()
              .post(
                  "/api/v1/policies",
                  Map.of(
                      "name",
                      "Webhook e2e",
                      "enabled",
                      true,
                      "rules",
                      List.of(
                          Map.of(
                              "condition",
                              "process.name == '" + marker + "'",
                              "severity",
                              "high",
                              "parameters",
                              Map.of("notify_channels", List.of("soc-pager"))))));
      assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
      String policyId = policy.text("id");

      fireUntilDetected(t, marker);

      await(() -> receiver.requests().size() == 3, "three attempts: 500, timeout, 200");
      List<Receiver.Request> got = receiver.requests();
      assertThat(got.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
      assertThat(got.stream().map(Receiver.Request::body).distinct()).hasSize(1);
      for (Receiver.Request r : got) {
        assertThat(Verifier.tocsin(SECRET, r)).isTrue();
        assertThat(Verifier.standard(SECRET, r)).isTrue();
      }
      JsonNode sent = JSON.readTree(got.get(2).body()).at("/data/alert");
      Response alerts = t.viewer().get("/api/v1/alerts?policy_id=" + policyId);
      JsonNode alert = alerts.body().path("alerts").get(0);
      assertThat(sent.path("id").asString()).isEqualTo(alert.path("id").asString());
      assertThat(sent.path("policy_id").asString()).isEqualTo(policyId);
      assertThat(sent.path("severity").asString()).isEqualTo("high");
      assertThat(sent.path("host_id").asString()).isEqualTo("h-wh");
      assertThat(sent.path("title").asString()).isEqualTo(alert.path("title").asString());

      await(
          () -> "delivered".equals(deliveries(t, hook).body().at("/deliveries/0/state").asString()),
          "delivered");
      JsonNode d = deliveries(t, hook).body().at("/deliveries/0");
      assertThat(d.path("id").asString()).isEqualTo(got.get(0).header("webhook-id"));
      assertThat(d.path("alert_id").asString()).isEqualTo(alert.path("id").asString());
      JsonNode log = d.path("attempt_log");
      assertThat(log).hasSize(3);
      assertThat(log.get(0).path("status_code").asInt()).isEqualTo(500);
      assertThat(log.get(1).path("error").asString()).startsWith("timeout");
      assertThat(log.get(2).path("status_code").asInt()).isEqualTo(200);
      for (JsonNode attempt : log) {
        assertThat(attempt.path("at").asString()).isNotBlank();
        assertThat(attempt.path("latency_ms").isNumber()).isTrue();
      }

      assertThat(deliveries(t, other).body().path("total").asLong())
          .as("notify_channels names only soc-pager")
          .isZero();
      assertThat(bystander.requests()).isEmpty();
    }
  }

  private void fireUntilDetected(Tenant t, String marker) {
    AtomicInteger attempt = new AtomicInteger();
    await(
        Duration.ofMinutes(2),
        () -> {
          Response r =
              t.admin()
                  .post(
                      "/api/v1/events",
                      Map.of(
                          "id", marker + "-" + attempt.getAndIncrement(),
                          "ts", Instant.now().toString(),
                          "host_id", "h-wh",
                          "event", Map.of("type", "process"),
                          "process", Map.of("name", marker)));
          assertThat(r.status()).as(r.toString()).isEqualTo(200);
          return r.body().path("detections").asInt() > 0;
        },
        "a detection of " + marker);
  }
}
