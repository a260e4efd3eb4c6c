package io.tocsin.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.webhook.delivery.Delivery;
import io.tocsin.api.webhook.delivery.DeliveryDispatcher;
import io.tocsin.api.webhook.delivery.OutboxSweeper;
import io.tocsin.engine.policy.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What survives a crash: deliveries pending while no dispatcher runs go out when one starts;
 * deliveries leased by a server that died go out once the lease expires; an alert whose deliveries
 * were never enqueued (the server died between the alert write and the listener) is found by the
 * sweeper.
 */
class WebhookRecoveryTest extends WebhookTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired DeliveryDispatcher dispatcher;
  @Autowired OutboxSweeper sweeper;
  @Autowired MongoTemplate mongo;

  @Test
  void pendingAndOrphanedDeliveriesResumeWhenTheDispatcherStartsAgain() throws Exception {
    receiver();
    Tenant t = newTenant();
    String hook = webhook(t, Map.of());
    dispatcher.stop();
    String orphan;
    Instant leaseEnd;
    try {
      raiseAlert(t, "pol-restart-a", Severity.HIGH);
      raiseAlert(t, "pol-restart-b", Severity.HIGH);
      JsonNode pending = deliveries(t, hook).body().path("deliveries");
      assertThat(pending).hasSize(2);
      assertThat(pending.findValuesAsString("state")).containsOnly("pending");
      // One of them was in flight on a server that crashed: claimed, its lease not over yet.
      orphan = pending.get(0).path("id").asString();
      leaseEnd = Instant.now().plusMillis(1500);
      mongo.updateFirst(
          Query.query(where("_id").is(orphan)),
          new Update().set("claim", "crashed-server").set("dueAt", leaseEnd),
          Delivery.class);
      Awaitility.await("nothing sent while stopped")
          .during(Duration.ofMillis(200))
          .atMost(Duration.ofMinutes(1))
          .until(() -> receiver.requests().isEmpty());
    } finally {
      dispatcher.start();
    }

    await(() -> receiver.requests().size() == 2, "both delivered after the start");
    assertThat(receiver.requests().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(2);
    Receiver.Request orphaned =
        receiver.requests().stream()
            .filter(r -> orphan.equals(r.header("webhook-id")))
            .findFirst()
            .orElseThrow();
    assertThat(orphaned.at()).as("the orphan waited for its lease").isAfterOrEqualTo(leaseEnd);
    await(
        () ->
            deliveries(t, hook).body().path("deliveries").findValuesAsString("state").stream()
                .allMatch("delivered"::equals),
        "delivered states");
  }

  @Test
  void alertWrittenWithoutItsDeliveriesIsFoundByTheSweeper() throws Exception {
    receiver();
    Tenant t = newTenant();
    String alertId = raiseAlert(t, "pol-swept", Severity.CRITICAL);
    // The webhook existed before the alert, but the server died before the listener enqueued.
    String hook = webhook(t, Map.of());
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
    assertThat(sent.path("event").asString()).isEqualTo("alert.created");
    JsonNode alert = sent.at("/data/alert");
    Response api = t.admin().get("/api/v1/alerts/" + alertId);
    for (String field :
        new String[] {"id", "title", "severity", "status", "policy_id", "host_id", "created_at"}) {
      assertThat(alert.path(field).asString())
          .as(field)
          .isEqualTo(api.body().path(field).asString());
    }
    assertThat(alert.path("version").asLong()).isEqualTo(1);
    assertThat(alert.path("tags").toString()).isEqualTo(api.body().path("tags").toString());
    assertThat(alert.path("events").toString()).isEqualTo(api.body().path("events").toString());
  }

  @Test
  void unreadableSecretDeadLettersInsteadOfRetryingForever() throws Exception {
    receiver();
    Tenant t = newTenant();
    String hook = webhook(t, Map.of());
    // As if TOCSIN_WEBHOOK_KEY had changed since the secret was stored.
    mongo.updateFirst(
        Query.query(where("_id").is(hook)),
        new Update().set("secret", "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        Webhook.class);
    raiseAlert(t, "pol-badkey", Severity.HIGH);

    await(
        () -> deliveries(t, hook).body().at("/deliveries/0/state").asString().equals("dead"),
        "dead letter");
    assertThat(deliveries(t, hook).body().at("/deliveries/0/last_error").asString())
        .contains("TOCSIN_WEBHOOK_KEY");
    assertThat(receiver.requests()).isEmpty();
  }
}
