package io.tocsin.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.webhook.delivery.OutboxSweeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Case changes reach webhooks subscribed to {@code case.*}, signed, in the webhook's format. */
class CaseWebhookTest extends WebhookTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> CASE_EVENTS = List.of("case.created", "case.updated");

  @Autowired OutboxSweeper sweeper;
  @Autowired MongoTemplate mongo;

  @Test
  void caseCreatedAndUpdatedAreDeliveredSignedToCaseSubscribersOnly() throws Exception {
    receiver();
    try (Receiver slack = new Receiver();
        Receiver pager = new Receiver();
        Receiver alertsOnly = new Receiver()) {
      Tenant t = newTenant();
      String generic = webhook(t, Map.of("events", CASE_EVENTS));
      webhook(t, Map.of("url", slack.url(), "format", "slack", "events", CASE_EVENTS));
      webhook(
          t,
          Map.of(
              "url",
              pager.url(),
              "format",
              "pagerduty",
              "parameters",
              Map.of("routing_key", "R0UTING"),
              "events",
              List.of("case.updated")));
      String alertHook = webhook(t, Map.of("url", alertsOnly.url()));

      Response created =
          t.admin()
              .post("/api/v1/projects", Map.of("name", "Intrusion on ws-7", "priority", "high"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String id = created.text("id");
      Response completed = t.admin().put("/api/v1/projects/" + id, Map.of("status", "completed"));
      assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

      await(() -> receiver.requests().size() == 2, "case.created and case.updated");
      List<Receiver.Request> got = receiver.requests();
      for (Receiver.Request r : got) {
        assertThat(Verifier.tocsin(SECRET, r)).isTrue();
        assertThat(Verifier.standard(SECRET, r)).isTrue();
      }
      JsonNode first = JSON.readTree(got.get(0).body());
      JsonNode second = JSON.readTree(got.get(1).body());
      if (first.path("event").asString().equals("case.updated")) {
        JsonNode swap = first;
        first = second;
        second = swap;
      }
      assertThat(first.path("event").asString()).isEqualTo("case.created");
      assertThat(first.at("/data/case/id").asString()).isEqualTo(id);
      assertThat(first.at("/data/case/name").asString()).isEqualTo("Intrusion on ws-7");
      assertThat(first.at("/data/case/version").asInt()).isEqualTo(1);
      assertThat(second.path("event").asString()).isEqualTo("case.updated");
      assertThat(second.at("/data/case/status").asString()).isEqualTo("completed");
      assertThat(second.at("/data/case/changes/0/action").asString()).isEqualTo("status");
      assertThat(second.at("/data/case/changes/0/to").asString()).isEqualTo("completed");
      assertThat(second.at("/data/case").has("audit")).isFalse();

      await(() -> slack.requests().size() == 2, "slack got both");
      String slackBodies = slack.requests().get(0).body() + slack.requests().get(1).body();
      assertThat(slackBodies)
          .contains("[HIGH] Case: Intrusion on ws-7")
          .contains("Open case")
          .contains("https://tocsin.example.com/api/v1/projects/" + id);

      await(() -> pager.requests().size() == 1, "pagerduty got the update only");
      JsonNode resolve = JSON.readTree(pager.requests().get(0).body());
      assertThat(resolve.path("event_action").asString()).isEqualTo("resolve");
      assertThat(resolve.path("dedup_key").asString()).isEqualTo(id);

      await(
          () ->
              deliveries(t, generic).body().path("deliveries").size() == 2
                  && deliveries(t, generic).body().findValuesAsString("state").stream()
                      .allMatch("delivered"::equals),
          "both generic deliveries recorded as delivered");
      JsonNode delivery = deliveries(t, generic).body().at("/deliveries/0");
      assertThat(delivery.path("case_id").asString()).isEqualTo(id);
      assertThat(deliveries(t, alertHook).body().path("total").asInt())
          .as("a webhook of alert events gets no case events")
          .isZero();
      assertThat(alertsOnly.requests()).isEmpty();
    }
  }

  @Test
  void caseEventsAreValidWebhookEventsAndNamesMayHaveSpaces() throws Exception {
    receiver();
    Tenant t = newTenant();
    Response r =
        t.engineer()
            .post(
                "/api/v1/webhooks",
                Map.of("name", "SOC Slack cases", "url", receiver.url(), "events", CASE_EVENTS));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.text("name")).isEqualTo("SOC Slack cases");
    assertThat(r.body().path("events").toString()).contains("case.created", "case.updated");
    for (String bad : List.of(" leading", "trailing ", "semi;colon")) {
      Response refused =
          t.engineer().post("/api/v1/webhooks", Map.of("name", bad, "url", receiver.url()));
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.body().at("/error/details/field").asString()).isEqualTo("name");
    }
  }

  @Test
  void withoutANameTheWebhookIsNamedAfterHostAndFirstEventNumberedWhenTaken() throws Exception {
    receiver();
    Tenant t = newTenant();
    Map<String, Object> seedLike =
        Map.of("url", receiver.url(), "events", List.of("alert.created", "alert.updated"));
    Response first = t.engineer().post("/api/v1/webhooks", seedLike);
    Response second = t.engineer().post("/api/v1/webhooks", seedLike);
    Response third = t.engineer().post("/api/v1/webhooks", Map.of("url", receiver.url()));

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.text("name")).isEqualTo("127.0.0.1 alert.created");
    assertThat(second.text("name")).isEqualTo("127.0.0.1 alert.created 2");
    assertThat(third.text("name")).isEqualTo("127.0.0.1 alert.created 3");
    assertThat(first.text("secret")).as("generated and shown once").startsWith("whsec_");
    Response bad = t.engineer().post("/api/v1/webhooks", Map.of("url", "ftp://x.example/"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().at("/error/details/field").asString()).isEqualTo("url");
  }

  @Test
  void caseWrittenWithoutItsDeliveriesIsFoundByTheSweeper() throws Exception {
    receiver();
    Tenant t = newTenant();
    String id = t.admin().post("/api/v1/projects", Map.of("name", "Swept case")).text("id");
    // The webhook existed before the case, but the server died before the listener enqueued.
    String hook = webhook(t, Map.of("events", CASE_EVENTS));
    mongo.updateFirst(
        Query.query(where("_id").is(hook)),
        new Update().set("createdAt", Instant.now().minus(Duration.ofHours(1))),
        Webhook.class);
    assertThat(deliveries(t, hook).body().path("total").asLong()).isZero();

    await(() -> sweeper.sweep() > 0, "the sweeper to enqueue the missing delivery");
    await(() -> receiver.requests().size() == 1, "the swept delivery");
    assertThat(sweeper.sweep()).as("nothing twice").isZero();

    Receiver.Request r = receiver.requests().get(0);
    assertThat(Verifier.tocsin(SECRET, r)).isTrue();
    JsonNode sent = JSON.readTree(r.body());
    assertThat(sent.path("event").asString()).isEqualTo("case.created");
    assertThat(sent.at("/data/case/id").asString()).isEqualTo(id);
    assertThat(sent.at("/data/case/name").asString()).isEqualTo("Swept case");
    assertThat(sent.at("/data/case/version").asInt()).isEqualTo(1);
    assertThat(sent.at("/data/case/changes/0/action").asString()).isEqualTo("created");
  }
}
