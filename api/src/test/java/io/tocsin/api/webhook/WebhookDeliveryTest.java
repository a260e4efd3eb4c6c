package io.tocsin.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.webhook.Receiver.Reply;
import io.tocsin.engine.policy.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deliveries to a real receiver: signing, retries, timeouts, Retry-After, dead letters. */
class WebhookDeliveryTest extends WebhookTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MeterRegistry meters;

  @Test
  void alertDeliveredSignedWithBothSchemesAndTheSeedPayload() throws Exception {
    receiver();
    Tenant t = newTenant();
    String hook = webhook(t, Map.of());
    String alertId = raiseAlert(t, "pol-signed", Severity.HIGH);

    await(() -> receiver.requests().size() == 1, "one delivery");
    Receiver.Request r = receiver.requests().get(0);
    assertThat(Verifier.tocsin(SECRET, r)).as(r.headers().toString()).isTrue();
    assertThat(Verifier.standard(SECRET, r)).as(r.headers().toString()).isTrue();
    assertThat(Verifier.tocsin("another-secret-0123456789", r)).isFalse();
    assertThat(r.header("webhook-id")).startsWith("dlv_");
    assertThat(Long.parseLong(r.header("webhook-timestamp")))
        .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(30L));
    assertThat(r.header("content-type")).startsWith("application/json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("event").asString()).isEqualTo("alert.created");
    assertThat(body.path("timestamp").asString()).isNotBlank();
    JsonNode alert = body.path("data").path("alert");
    assertThat(alert.path("id").asString()).isEqualTo(alertId);
    assertThat(alert.path("severity").asString()).isEqualTo("high");
    assertThat(alert.path("policy_id").asString()).isEqualTo("pol-signed");
    assertThat(alert.path("host_id").asString()).isEqualTo("host-7");
    assertThat(alert.path("version").asLong()).isEqualTo(1);

    await(
        () -> "delivered".equals(deliveries(t, hook).body().at("/deliveries/0/state").asString()),
        "delivered state");
    JsonNode d = deliveries(t, hook).body().path("deliveries").get(0);
    assertThat(d.path("id").asString()).isEqualTo(r.header("webhook-id"));
    assertThat(d.path("attempt_log").get(0).path("status_code").asInt()).isEqualTo(200);
  }

  @Test
  void failingReceiverRetriedWithTheSameWebhookIdUntilItAccepts() throws Exception {
    receiver().then(Reply.status(500), Reply.status(503));
    Tenant t = newTenant();
    String hook = webhook(t, Map.of());
    raiseAlert(t, "pol-retry", Severity.HIGH);

    await(() -> receiver.requests().size() == 3, "three attempts");
    List<Receiver.Request> got = receiver.requests();
    assertThat(got.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
    assertThat(got.stream().map(Receiver.Request::body).distinct()).hasSize(1);
    for (Receiver.Request r : got) {
      assertThat(Verifier.tocsin(SECRET, r)).isTrue();
      assertThat(Verifier.standard(SECRET, r)).isTrue();
    }
    await(
        () -> deliveries(t, hook).body().at("/deliveries/0/state").asString().equals("delivered"),
        "delivered");
    JsonNode log = deliveries(t, hook).body().at("/deliveries/0/attempt_log");
    assertThat(log).hasSize(3);
    assertThat(log.get(0).path("status_code").asInt()).isEqualTo(500);
    assertThat(log.get(0).path("outcome").asString()).isEqualTo("retry");
    assertThat(log.get(0).path("next_attempt_at").asString()).isNotBlank();
    assertThat(log.get(1).path("status_code").asInt()).isEqualTo(503);
    assertThat(log.get(2).path("status_code").asInt()).isEqualTo(200);
    assertThat(log.get(2).path("attempt").asInt()).isEqualTo(3);
    assertThat(log.get(2).path("latency_ms").isNumber()).isTrue();
  }

  @Test
  void receiverSlowerThanTheReadTimeoutIsRetried() throws Exception {
    receiver().then(new Reply(200, null, 6000));
    Tenant t = newTenant();
    String hook = webhook(t, Map.of());
    raiseAlert(t, "pol-timeout", Severity.HIGH);

    await(
        () -> deliveries(t, hook).body().at("/deliveries/0/state").asString().equals("delivered"),
        "delivered after a timeout");
    JsonNode log = deliveries(t, hook).body().at("/deliveries/0/attempt_log");
    assertThat(log).hasSize(2);
    assertThat(log.get(0).path("error").asString()).startsWith("timeout");
    assertThat(log.get(0).path("status_code").isNumber()).isFalse();
    assertThat(log.get(1).path("status_code").asInt()).isEqualTo(200);
  }

  @Test
  void retryAfterIsHonoured() throws Exception {
    receiver().then(new Reply(429, "1", 0));
    Tenant t = newTenant();
    webhook(t, Map.of());
    raiseAlert(t, "pol-429", Severity.HIGH);

    await(() -> receiver.requests().size() == 2, "the retry");
    List<Receiver.Request> got = receiver.requests();
    Duration gap = Duration.between(got.get(0).at(), got.get(1).at());
    assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void deadLetteredAfterTheBudgetThenRedrivenByHand() throws Exception {
    receiver().always(Reply.status(502));
    Tenant t = newTenant();
    String hook = webhook(t, Map.of());
    raiseAlert(t, "pol-dead", Severity.HIGH);

    await(
        () -> deliveries(t, hook).body().at("/deliveries/0/state").asString().equals("dead"),
        "dead letter");
    JsonNode dead = deliveries(t, hook).body().at("/deliveries/0");
    assertThat(dead.path("attempts").asInt()).isEqualTo(4);
    assertThat(dead.path("last_error").asString()).contains("gave up after 4 attempts");
    assertThat(receiver.requests()).hasSize(4);
    Response onlyDead = t.viewer().get("/api/v1/webhooks/" + hook + "/deliveries?state=dead");
    assertThat(onlyDead.body().path("total").asLong()).isEqualTo(1);

    String id = dead.path("id").asString();
    String redrive = "/api/v1/webhooks/" + hook + "/deliveries/" + id + "/redrive";
    assertThat(t.viewer().post(redrive, null).status()).isEqualTo(403);
    receiver.always(Reply.status(204));
    Response again = t.engineer().post(redrive, null);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    await(
        () -> deliveries(t, hook).body().at("/deliveries/0/state").asString().equals("delivered"),
        "delivered after re-drive");
    assertThat(receiver.requests()).hasSize(5);
    assertThat(receiver.requests().get(4).header("webhook-id")).isEqualTo(id);
    assertThat(t.engineer().post(redrive, null).status()).isEqualTo(409);
    assertThat(meters.get("tocsin.webhook.deliveries").tag("outcome", "dead").counter().count())
        .isGreaterThanOrEqualTo(1);
    assertThat(meters.get("tocsin.webhook.deliveries").tag("outcome", "retried").counter().count())
        .isGreaterThanOrEqualTo(3);
    assertThat(meters.get("tocsin.webhook.deliveries").tag("outcome", "sent").counter().count())
        .isGreaterThanOrEqualTo(1);
    assertThat(meters.get("tocsin.webhook.deliveries").tag("outcome", "failed").counter().count())
        .isGreaterThanOrEqualTo(4);
    assertThat(meters.get("tocsin.webhook.pending").gauge().value()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void clientErrorIsPermanentAndDeadLettersAtOnce() throws Exception {
    receiver().always(Reply.status(400));
    Tenant t = newTenant();
    String hook = webhook(t, Map.of());
    raiseAlert(t, "pol-400", Severity.HIGH);

    await(
        () -> deliveries(t, hook).body().at("/deliveries/0/state").asString().equals("dead"),
        "dead letter");
    assertThat(receiver.requests()).hasSize(1);
    assertThat(deliveries(t, hook).body().at("/deliveries/0/last_error").asString())
        .contains("HTTP 400");
  }

  @Test
  void templateMissingFieldFailsTheDeliveryLoudly() throws Exception {
    receiver();
    Tenant t = newTenant();
    String hook =
        webhook(
            t, Map.of("template", "{\"text\": \"{{alert.title}} by {{alert.no_such_field}}\"}"));
    raiseAlert(t, "pol-template", Severity.HIGH);

    await(
        () -> deliveries(t, hook).body().at("/deliveries/0/state").asString().equals("dead"),
        "dead letter");
    assertThat(deliveries(t, hook).body().at("/deliveries/0/last_error").asString())
        .contains("[alert.no_such_field] is missing");
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void templateRendersTheAlert() throws Exception {
    receiver();
    Tenant t = newTenant();
    webhook(
        t,
        Map.of(
            "template",
            "{\"text\": \"{{ alert.severity }}: {{alert.title}}\", \"risk\": \"{{alert.risk_score}}\","
                + " \"kind\": \"{{event}}\"}"));
    raiseAlert(t, "pol-tpl-ok", Severity.CRITICAL);

    await(() -> receiver.requests().size() == 1, "delivery");
    JsonNode body = JSON.readTree(receiver.requests().get(0).body());
    assertThat(body.path("text").asString()).startsWith("critical: Policy pol-tpl-ok");
    assertThat(body.path("risk").asInt()).isEqualTo(99);
    assertThat(body.path("kind").asString()).isEqualTo("alert.created");
  }

  @Test
  void manyAlertsWithFlakyReceiverAllArriveAndNoAttemptIsSentTwice() throws Exception {
    // Fewer failures than the attempt budget (4): on a busy machine the alerts are raised slowly
    // and one delivery may meet every scripted failure alone; with 6 it was dead-lettered.
    receiver().then(Reply.status(500), Reply.status(503), Reply.status(429));
    Tenant t = newTenant();
    String hook = webhook(t, Map.of());
    int n = 20;
    for (int i = 0; i < n; i++) {
      raiseAlert(t, "pol-many-" + i, Severity.HIGH);
    }
    await(
        () ->
            deliveries(t, hook).body().path("deliveries").findValuesAsString("state").stream()
                    .filter("delivered"::equals)
                    .count()
                == n,
        "all delivered");
    List<Receiver.Request> got = receiver.requests();
    Set<String> ids = got.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
    assertThat(ids).hasSize(n);
    JsonNode all = deliveries(t, hook).body().path("deliveries");
    long attempts = 0;
    for (JsonNode d : all) {
      attempts += d.path("attempts").asLong();
    }
    assertThat(got).as("one request per recorded attempt").hasSize((int) attempts);
    Set<String> alertIds =
        got.stream()
            .map(r -> JSON.readTree(r.body()).at("/data/alert/id").asString())
            .collect(Collectors.toSet());
    assertThat(alertIds).hasSize(n);
  }

  @Test
  void closingAnAlertDeliversAlertClosed() throws Exception {
    receiver();
    Tenant t = newTenant();
    webhook(t, Map.of("events", List.of("alert.closed")));
    String alertId = raiseAlert(t, "pol-close", Severity.HIGH);
    Response closed =
        t.admin()
            .put(
                "/api/v1/alerts/" + alertId,
                Map.of("status", "closed", "close_reason", "false_positive"));
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

    await(() -> receiver.requests().size() == 1, "closed delivery");
    JsonNode body = JSON.readTree(receiver.requests().get(0).body());
    assertThat(body.path("event").asString()).isEqualTo("alert.closed");
    assertThat(body.at("/data/alert/status").asString()).isEqualTo("closed");
  }
}
